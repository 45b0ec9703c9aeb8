/**
 * What the single-leader store keeps on disk and ships between nodes. All plain JSON.
 */

/**
 * One change to a node's storage: what its own write-ahead log holds, and what WAL
 * shipping copies byte for byte (idempotency-table records included).
 */
export type StorageRecord =
  | { op: 'set'; key: string; value: unknown }
  | { op: 'idem'; idempotencyKey: string; value: unknown };

/**
 * A client's write as statement-based replication ships it: re-executed by every node.
 *
 * @example
 * const s: Statement = { f: 'write', key: 'x', value: 'NOW()' };
 */
export interface Statement {
  f: string;
  key: string;
  value: unknown;
  idempotencyKey?: string;
}

/**
 * A row change as row-based (logical) replication ships it, and as CDC publishes it.
 */
export interface RowChange {
  key: string;
  before: unknown;
  after: unknown;
}

/**
 * The payload of a log entry, by replication kind. `noop` is the entry a new leader
 * appends to commit its epoch.
 */
export type Payload =
  | { kind: 'noop' }
  | { kind: 'wal'; records: StorageRecord[] }
  | { kind: 'statement'; statement: Statement }
  | { kind: 'row'; changes: RowChange[]; idempotency?: { key: string; value: unknown } };

/**
 * A durable vote: the node's epoch and whom it voted for in it (at most one per epoch).
 */
export interface VoteRecord {
  t: 'vote';
  epoch: number;
  votedFor: string | null;
}

/**
 * A log entry as a node stores it: the shipped payload plus the storage changes it
 * produced on this node (which differ between nodes only for nondeterministic statements).
 */
export interface EntryRecord {
  t: 'entry';
  epoch: number;
  offset: number;
  payload: Payload;
  effects: StorageRecord[];
  /** The entry's own checksum, as shipped (checksums on). */
  sum?: string;
  /** Checksum over the whole record, checked when it is read back at restart (checksums on). */
  diskSum?: string;
}

/**
 * With a hot standby: in `epoch`, the primary counts the standby in every
 * acknowledgement from now on. Written by both (the primary before it relies on
 * it, the standby when told), it decides which of the two may promote itself
 * after a failure: the standby once this record exists for the current epoch,
 * the primary only while it does not.
 */
export interface StandbySyncedRecord {
  t: 'standby-synced';
  epoch: number;
}

/**
 * One record of a node's disk: a vote, a log entry or a hot standby's sync mark.
 *
 * @example
 * const records = ctx.disk.read() as DiskRecord[];
 */
export type DiskRecord = VoteRecord | EntryRecord | StandbySyncedRecord;
