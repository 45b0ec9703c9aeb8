import type { ClientReply, ClientRequest } from '../protocol.js';
import type { LogEntry, LogSummary } from '../shared/log.js';
import type { Payload } from './records.js';

/**
 * The leader's replication message, also its heartbeat (with no entries). The
 * follower appends `entries` only if its log holds (prevOffset, prevEpoch).
 *
 * @example
 * const hb: AppendRequest = { kind: 'append', epoch: 2, leader: 'n1', prevOffset: 9, prevEpoch: 2,
 *   entries: [], commitOffset: 9, round: 41 };
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
}

/**
 * A follower's answer. `ok`: its log matches the leader's up to `matchOffset`, durably.
 * Not ok with `summary`: the previous entry did not match; the leader finds the last
 * common entry from the summary. Not ok without summary: rejected as stale (fencing).
 *
 * @example
 * const reply: AppendReply = { kind: 'append-reply', epoch: 2, ok: true, matchOffset: 10, round: 41 };
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
 *
 * @example
 * const req: VoteRequest = { kind: 'vote-request', epoch: 3, candidate: 'n2', lastEpoch: 2, lastOffset: 14, preVote: false, transfer: false };
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
 *
 * @example
 * const reply: VoteReply = { kind: 'vote-reply', epoch: 3, granted: true, preVote: false };
 */
export interface VoteReply {
  kind: 'vote-reply';
  epoch: number;
  granted: boolean;
  preVote: boolean;
}

/**
 * Planned switchover, last step: the old leader tells the caught-up target to stand now.
 *
 * @example
 * const go: TimeoutNow = { kind: 'timeout-now', epoch: 2 };
 */
export interface TimeoutNow {
  kind: 'timeout-now';
  epoch: number;
}

/**
 * Change-data-capture: a consumer asks a node for every row change from `fromOffset` on.
 * Only served with row-based replication.
 *
 * @example
 * const sub: CdcSubscribe = { kind: 'cdc-subscribe', fromOffset: 1 };
 */
export interface CdcSubscribe {
  kind: 'cdc-subscribe';
  fromOffset: number;
}

/**
 * One row change delivered to a subscriber, in log order.
 *
 * @example
 * const c: CdcChange = { kind: 'cdc-change', offset: 4, epoch: 1, key: 'x', before: null, after: 3 };
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
 *
 * @example
 * const e: CdcError = { kind: 'cdc-error', error: 'cdc-needs-row-replication' };
 */
export interface CdcError {
  kind: 'cdc-error';
  error: string;
}

/**
 * What store nodes send each other.
 *
 * @example
 * const m: PeerMessage = { kind: 'timeout-now', epoch: 4 };
 */
export type PeerMessage = AppendRequest | AppendReply | VoteRequest | VoteReply | TimeoutNow;
/**
 * What a change-data-capture consumer and a node exchange.
 *
 * @example
 * const m: CdcMessage = { kind: 'cdc-subscribe', fromOffset: 10 };
 */
export type CdcMessage = CdcSubscribe | CdcChange | CdcError;

/**
 * Everything a single-leader node sends or receives.
 *
 * @example
 * const m: SingleLeaderMessage = { kind: 'client-request', requestId: 'c1-1', f: 'read', key: 'x', value: null };
 */
export type SingleLeaderMessage = ClientRequest | ClientReply | PeerMessage | CdcMessage;
