import type { ClientMessage, ClientReply, ClientRequest } from '../protocol.js';
import type { Version } from './version.js';

/**
 * One change in a group's log: a version of a key, where it came from, and (for a
 * client write that carried one) the idempotency key with the reply it earned —
 * written in the same record as the effect, so dedupe survives a restart exactly
 * as the effect does.
 */
export interface LogEntry {
  /** Position in this group's log, from 1. */
  offset: number;
  key: string;
  version: Version;
  /** The leader that accepted the write and its own count of accepted writes (from 1). */
  origin: { node: string; seq: number };
  idempotency?: { key: string; value: unknown };
  /** With checksums: over everything but the offset, made by the origin leader (see checksums.ts). */
  sum?: string;
}

/**
 * A write as shipped between leaders: group-log offsets are local, so they stay home.
 */
export type ShippedWrite = Omit<LogEntry, 'offset'>;

/**
 * Leader -> other leader: some of the sender's own writes, in `origin.seq` order.
 */
export interface ShipWrites {
  kind: 'ml-ship';
  entries: ShippedWrite[];
}

/**
 * The receiving leader has durably applied the sender's writes up to `upTo` (a seq).
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
 */
export interface LogAck {
  kind: 'ml-log-ack';
  upTo: number;
}

/**
 * A write sent on to the key's home leader (home routing).
 */
export interface ForwardWrite {
  kind: 'ml-forward';
  forwardId: string;
  request: ClientRequest;
}

/**
 * The home leader's reply to a forwarded write.
 */
export interface ForwardReply {
  kind: 'ml-forward-reply';
  forwardId: string;
  reply: ClientReply;
}

/**
 * Everything multi-leader nodes send: the client protocol plus their own messages.
 */
/**
 * A node that found the entry at `offset` rotten at restart -> a node of its
 * group: send me your entry at that offset (group logs share offsets).
 *
 * @example
 * ctx.send('dc1-n2', { kind: 'ml-fetch', offset: 7 });
 */
export interface FetchEntry {
  kind: 'ml-fetch';
  offset: number;
}

/**
 * The answer to a FetchEntry: the entry, or null when this node's log is shorter.
 *
 * @example
 * ctx.send(from, { kind: 'ml-fetched', offset: 7, entry: replica.log[6] ?? null });
 */
export interface FetchedEntry {
  kind: 'ml-fetched';
  offset: number;
  entry: LogEntry | null;
}

export type MultiLeaderMessage = ClientMessage | ShipWrites | ShipAck | ShipLog | LogAck | ForwardWrite | ForwardReply | FetchEntry | FetchedEntry;
