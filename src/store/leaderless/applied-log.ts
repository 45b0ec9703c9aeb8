/**
 * The idempotency keys' share of a replica's disk log across compactions.
 *
 * A put record carries the key its write applied, so the dedupe entry becomes
 * durable with the write. Compaction drops superseded puts, so before that the
 * keys they carried are gathered into one `applied` record. Such records are
 * written once and carried unchanged from snapshot to snapshot until they are
 * older than the keys memory still needs, so a compaction costs the keys applied
 * since the last one, not every key in the window.
 *
 * @example
 * const log = new AppliedLog();
 * log.noteApplied('c1/7', null);                    // from a put record
 * const records = log.snapshotRecords(ctx.now());   // carried ones plus one for c1/7
 * log.committed(records);                           // once the snapshot is on disk
 */
import { IDEMPOTENCY_SWEEP_MS, IDEMPOTENCY_WINDOW_MS } from './applied-keys.js';

/**
 * A disk record holding applied idempotency keys and their results (same positions),
 * written at `atMs` of the node's clock.
 */
export interface AppliedRecord {
  t: 'applied';
  atMs: number;
  keys: string[];
  results: unknown[];
}

/**
 * How long an `applied` record is carried: its keys were all applied by the time
 * it was written, so past the window (and the sweep delay) memory no longer
 * needs any of them.
 */
const RECORD_KEPT_MS = IDEMPOTENCY_WINDOW_MS + IDEMPOTENCY_SWEEP_MS;

/**
 * Tracks which applied keys the log holds where (see the file's description).
 *
 * @example
 * const log = new AppliedLog();
 * log.noteRecord(record); // replayed from disk: carried as it is
 */
export class AppliedLog {
  private carried: AppliedRecord[] = [];
  /** Keys held only by put records since the last snapshot, and their results. */
  private freshKeys: string[] = [];
  private freshResults: unknown[] = [];

  /** A put record carried this key. */
  noteApplied(key: string, result: unknown): void {
    this.freshKeys.push(key);
    this.freshResults.push(result);
  }

  /** An `applied` record read back from disk. */
  noteRecord(record: AppliedRecord): void {
    this.carried.push(record);
  }

  /** The `applied` records a snapshot taken now must hold. Changes nothing until {@link committed}. */
  snapshotRecords(nowMs: number): AppliedRecord[] {
    // A clock that went back keeps records longer, never shorter.
    const kept = this.carried.filter((record) => !(nowMs - record.atMs >= RECORD_KEPT_MS));
    if (this.freshKeys.length > 0) kept.push({ t: 'applied', atMs: nowMs, keys: this.freshKeys.slice(), results: this.freshResults.slice() });
    return kept;
  }

  /** The snapshot holding `records` is on disk: they are what the log now carries. */
  committed(records: AppliedRecord[]): void {
    this.carried = records;
    this.freshKeys = [];
    this.freshResults = [];
  }
}
