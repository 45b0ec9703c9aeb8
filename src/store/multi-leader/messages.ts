import type { ClientMessage, ClientReply, ClientRequest } from '../protocol.js';
import type { Version } from './version.js';

/**
 * One change in a group's log: a version of a key, where it came from, and (for a
 * client write that carried one) the idempotency key with the reply it earned —
 * written in the same record as the effect, so dedupe survives a restart exactly
 * as the effect does.
 *
 * @example
 * const entry: LogEntry = { offset: 1, key: 'x', version, origin: { node: 'dc1-n1', seq: 1 } };
 */
export interface LogEntry {
  /** Position in this group's log, from 1. */
  offset: number;
  key: string;
  version: Version;
  /** The leader that accepted the write and its own count of accepted writes (from 1). */
  origin: { node: string; seq: number };
  idempotency?: { key: string; value: unknown };
}

/**
 * A write as shipped between leaders: group-log offsets are local, so they stay home.
 *
 * @example
 * const write: ShippedWrite = { key: 'x', version, origin: { node: 'dc1-n1', seq: 4 } };
 */
export type ShippedWrite = Omit<LogEntry, 'offset'>;

/**
 * Leader -> other leader: some of the sender's own writes, in `origin.seq` order.
 *
 * @example
 * const msg: ShipWrites = { kind: 'ml-ship', entries: [] };
 */
export interface ShipWrites {
  kind: 'ml-ship';
  entries: ShippedWrite[];
}

/**
 * The receiving leader has durably applied the sender's writes up to `upTo` (a seq).
 *
 * @example
 * const ack: ShipAck = { kind: 'ml-ship-ack', upTo: 4 };
 */
export interface ShipAck {
  kind: 'ml-ship-ack';
  upTo: number;
}

/**
 * Leader -> follower: consecutive entries of the group log.
 *
 * @example
 * const msg: ShipLog = { kind: 'ml-log', entries: replica.log.slice(0, 64) };
 */
export interface ShipLog {
  kind: 'ml-log';
  entries: LogEntry[];
}

/**
 * The follower has durably applied the group log up to `upTo` (an offset).
 *
 * @example
 * const ack: LogAck = { kind: 'ml-log-ack', upTo: 12 };
 */
export interface LogAck {
  kind: 'ml-log-ack';
  upTo: number;
}

/**
 * A write sent on to the key's home leader (home routing).
 *
 * @example
 * const msg: ForwardWrite = { kind: 'ml-forward', forwardId: 'dc1-n1/3', request };
 */
export interface ForwardWrite {
  kind: 'ml-forward';
  forwardId: string;
  request: ClientRequest;
}

/**
 * The home leader's reply to a forwarded write.
 *
 * @example
 * const msg: ForwardReply = { kind: 'ml-forward-reply', forwardId: 'dc1-n1/3', reply };
 */
export interface ForwardReply {
  kind: 'ml-forward-reply';
  forwardId: string;
  reply: ClientReply;
}

/**
 * Everything multi-leader nodes send: the client protocol plus their own messages.
 *
 * @example
 * const msg: MultiLeaderMessage = { kind: 'ml-log-ack', upTo: 3 };
 */
export type MultiLeaderMessage = ClientMessage | ShipWrites | ShipAck | ShipLog | LogAck | ForwardWrite | ForwardReply;
