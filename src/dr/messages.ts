import type { ObjectStoreReply, ObjectStoreRequest } from '../sim/object-store.js';

/**
 * One write in a replication log. `origin` is the node that accepted it and
 * `index` its place in that node's log: a copy holds a write when it has
 * applied (or stored) `origin`'s log up to `index`.
 */
export interface LogEntry {
  origin: string;
  index: number;
  key: string;
  value: number;
}

/** How far a copy holds each origin's log: origin -> highest index, in order. */
export type Watermark = Record<string, number>;

/**
 * A snapshot as stored on the object store: the table (last write per key)
 * and the watermark it covers. Restoring replays its entries one by one.
 */
export interface Snapshot {
  watermark: Watermark;
  entries: LogEntry[];
}

/** Every message of the redundancy and recovery setups. */
export type DrMessage =
  // client <-> serving node
  | { t: 'write'; id: number; key: string; value: number }
  | { t: 'ack'; id: number; origin: string; index: number }
  | { t: 'refuse'; id: number }
  // serving node -> copy, and the copy's answer
  | { t: 'entries'; entries: LogEntry[] }
  | { t: 'stored'; origin: string; upTo: number }
  // monitor <-> nodes and clients
  | { t: 'ping' }
  | { t: 'pong' }
  | { t: 'promote' }
  | { t: 'serving' }
  | { t: 'route'; serving: string[] }
  | ObjectStoreRequest
  | ObjectStoreReply;
