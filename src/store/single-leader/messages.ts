import type { ObjectStoreReply, ObjectStoreRequest } from '../../sim/object-store.js';
import type { ClientReply, ClientRequest } from '../protocol.js';
import type { LogEntry, LogSummary } from '../shared/log.js';
import type { Payload } from './records.js';

/**
 * The leader's replication message, also its heartbeat (with no entries). The
 * follower appends `entries` only if its log holds (prevOffset, prevEpoch).
 */
export interface AppendRequest {
  kind: 'append';
  epoch: number;
  leader: string;
  prevOffset: number;
  prevEpoch: number;
  entries: LogEntry<Payload>[];
  /** The leader's acknowledged offset: followers may serve and publish up to it. */
  commitOffset: number;
  /** Heartbeat round number, echoed back: leases and leadership checks count rounds. */
  round: number;
  /** With authenticated epochs: the proof that `leader` won `epoch`. */
  certificate?: EpochCertificate;
  /** Hot standby: the leader counts the receiver in its acknowledgements from now on in this epoch. */
  standbySynced?: true;
}

/**
 * Proof that `leader` won `epoch`: the signed votes of a majority. A vote's
 * signature is the voter's keyed hash of `vote:<epoch>:<candidate>`.
 */
export interface EpochCertificate {
  epoch: number;
  leader: string;
  votes: { voter: string; signature: string }[];
}

/**
 * A follower's answer. `ok`: its log matches the leader's up to `matchOffset`, durably.
 * Not ok with `summary`: the previous entry did not match; the leader finds the last
 * common entry from the summary. Not ok without summary: rejected as stale (fencing).
 */
export interface AppendReply {
  kind: 'append-reply';
  epoch: number;
  ok: boolean;
  matchOffset: number;
  round: number;
  summary?: LogSummary;
}

/**
 * A request for a vote. `preVote`: a dry run that changes no state, so a node cut off
 * from the others cannot inflate epochs. `transfer`: sent by a switchover target,
 * which voters accept even while they still hear from the current leader.
 */
export interface VoteRequest {
  kind: 'vote-request';
  epoch: number;
  candidate: string;
  lastEpoch: number;
  lastOffset: number;
  preVote: boolean;
  transfer: boolean;
}

/**
 * A vote, or its refusal.
 */
export interface VoteReply {
  kind: 'vote-reply';
  epoch: number;
  granted: boolean;
  preVote: boolean;
  /** With authenticated epochs, on a granted (real) vote: the voter's signature of it. */
  signature?: string;
}

/**
 * Planned switchover, last step: the old leader tells the caught-up target to stand now.
 */
export interface TimeoutNow {
  kind: 'timeout-now';
  epoch: number;
}

/**
 * Change-data-capture: a consumer asks a node for every row change from `fromOffset` on.
 * Only served with row-based replication.
 */
export interface CdcSubscribe {
  kind: 'cdc-subscribe';
  fromOffset: number;
}

/**
 * One row change delivered to a subscriber, in log order.
 */
export interface CdcChange {
  kind: 'cdc-change';
  offset: number;
  epoch: number;
  key: string;
  before: unknown;
  after: unknown;
}

/**
 * A subscription that cannot be served, e.g. with statement or WAL replication.
 */
export interface CdcError {
  kind: 'cdc-error';
  error: string;
}

/**
 * What store nodes send each other.
 */
export type PeerMessage = AppendRequest | AppendReply | VoteRequest | VoteReply | TimeoutNow;
/**
 * What a change-data-capture consumer and a node exchange.
 */
export type CdcMessage = CdcSubscribe | CdcChange | CdcError;

/**
 * What a primary with a cold standby and the object store exchange: snapshots put,
 * and the latest one fetched at promotion. Kept out of {@link SingleLeaderMessage}:
 * the object store is not a store node, and it tags its messages `t`, not `kind`.
 */
export type SnapshotMessage = ObjectStoreRequest | ObjectStoreReply;

/**
 * Everything a single-leader node sends or receives (and {@link SnapshotMessage}).
 */
export type SingleLeaderMessage = ClientRequest | ClientReply | PeerMessage | CdcMessage;
