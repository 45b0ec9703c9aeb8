/**
 * The multi-leader store: one leader per group (datacenter), asynchronous
 * replication between leaders, conflicts detected with version vectors and resolved
 * by LWW, siblings or per-verb merges.
 */
export { multiLeaderStore, multiLeaderReplicaState } from './store.js';
export {
  defaultMultiLeaderConfig,
  resolveMultiLeaderConfig,
  type MultiLeaderConfig,
  type MultiLeaderConfigInput,
  type MultiLeaderGroup,
} from './config.js';
export { validateMultiLeaderConfig } from './validate-config.js';
export { Topology, groupNodeIds, type ResolvedGroup } from './topology.js';
export type { ConflictPolicy } from './resolve.js';
export type { MultiLeaderMessage } from './messages.js';
export type { Datum, Stamp, Version } from './version.js';
