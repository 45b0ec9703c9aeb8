export { singleLeaderStore } from './store.js';
export {
  defaultSingleLeaderConfig,
  defaultStandby,
  STANDBY_LEVELS,
  defaultHeartbeatDetector,
  defaultPhiDetector,
  singleLeaderNodeIds,
  type SingleLeaderConfig,
  type ReplicationKind,
  type AckMode,
  type ReadMode,
  type FsyncPolicy,
  type FailureDetectorConfig,
  type HeartbeatDetectorConfig,
  type PhiDetectorConfig,
  type StandbyConfig,
  type StandbyLevel,
} from './config.js';
export { validateSingleLeaderConfig, type SingleLeaderConfigInput } from './validate-config.js';
export { SingleLeaderNode, type Role } from './node.js';
export type {
  SingleLeaderMessage,
  PeerMessage,
  CdcMessage,
  CdcSubscribe,
  CdcChange,
  CdcError,
  AppendRequest,
  AppendReply,
  VoteRequest,
  VoteReply,
  TimeoutNow,
} from './messages.js';
export type { Payload, Statement, RowChange, StorageRecord, DiskRecord, EntryRecord, VoteRecord } from './records.js';
