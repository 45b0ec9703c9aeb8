/**
 * A replication log: a dense sequence of entries numbered from offset 1, each
 * stamped with the epoch (leader term) in which it was first appended.
 *
 * Two logs that hold an entry with the same (epoch, offset) hold the same entries
 * up to that offset (a leader appends each offset once per epoch and followers only
 * append after checking the previous entry). That property is what lets
 * {@link findLastCommonOffset} compare two logs from their epoch summaries alone.
 *
 * @example
 * const log = new ReplicationLog<string>();
 * log.append(1, 'a');                 // offset 1
 * log.append(1, 'b');                 // offset 2
 * log.truncateAfter(1);               // drops 'b'
 * log.lastOffset;                     // 1
 */
export class ReplicationLog<P> {
  private readonly items: LogEntry<P>[] = [];

  /** Offset of the last entry; 0 when the log is empty. */
  get lastOffset(): number {
    return this.items.length;
  }

  /** Epoch of the last entry; 0 when the log is empty. */
  get lastEpoch(): number {
    return this.items.length === 0 ? 0 : this.items[this.items.length - 1]!.epoch;
  }

  /** Appends a new entry at the next offset (a leader writing). */
  append(epoch: number, payload: P): LogEntry<P> {
    if (epoch < this.lastEpoch) throw new Error(`epoch ${epoch} is older than the log's last epoch ${this.lastEpoch}`);
    const entry = { epoch, offset: this.items.length + 1, payload };
    this.items.push(entry);
    return entry;
  }

  /** Appends an entry copied from another log; it must sit right after the last one. */
  appendEntry(entry: LogEntry<P>): void {
    if (entry.offset !== this.items.length + 1) {
      throw new Error(`entry at offset ${entry.offset} does not follow offset ${this.items.length}`);
    }
    this.items.push(entry);
  }

  /** The entry at `offset`, or undefined when the log is shorter. */
  entryAt(offset: number): LogEntry<P> | undefined {
    return offset >= 1 ? this.items[offset - 1] : undefined;
  }

  /** Epoch of the entry at `offset`: 0 for offset 0 (the empty prefix), undefined past the end. */
  epochAt(offset: number): number | undefined {
    if (offset === 0) return 0;
    return this.entryAt(offset)?.epoch;
  }

  /** True when this log holds an entry at `offset` stamped `epoch` (always true for offset 0). */
  matches(offset: number, epoch: number): boolean {
    return this.epochAt(offset) === epoch;
  }

  /** Entries with offsets in (afterOffset, afterOffset + limit]. */
  entriesAfter(afterOffset: number, limit = Number.POSITIVE_INFINITY): LogEntry<P>[] {
    const start = Math.max(0, afterOffset);
    const end = Math.min(this.items.length, start + limit);
    return this.items.slice(start, end);
  }

  /** Drops every entry after `offset` and returns the dropped ones, oldest first. */
  truncateAfter(offset: number): LogEntry<P>[] {
    if (offset >= this.items.length) return [];
    return this.items.splice(Math.max(0, offset));
  }

  /** The epoch boundaries of this log: enough to find the last entry it shares with another log. */
  summary(): LogSummary {
    const epochs: EpochStart[] = [];
    for (const entry of this.items) {
      if (epochs.length === 0 || epochs[epochs.length - 1]!.epoch !== entry.epoch) {
        epochs.push({ epoch: entry.epoch, startOffset: entry.offset });
      }
    }
    return { lastOffset: this.items.length, epochs };
  }
}

/**
 * One log entry.
 */
export interface LogEntry<P> {
  epoch: number;
  offset: number;
  payload: P;
  /** Checksum over epoch, offset and payload, set by the leader that appended it (when checksums are on). */
  sum?: string;
}

/**
 * Where one epoch's run of entries starts in a log.
 */
export interface EpochStart {
  epoch: number;
  startOffset: number;
}

/**
 * A log's shape without its payloads: its length and where each epoch starts.
 * Small (one item per epoch), so it travels in messages.
 */
export interface LogSummary {
  lastOffset: number;
  epochs: readonly EpochStart[];
}

/** Index into `summary.epochs` of the run holding `offset` (offset >= 1, within the log). */
function runIndexAt(summary: LogSummary, offset: number): number {
  let low = 0;
  let high = summary.epochs.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (summary.epochs[mid]!.startOffset <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * The epoch of the entry at `offset` in the log `summary` describes; 0 for offset 0,
 * undefined past its end.
 *
 * @example
 * epochAtOffset({ lastOffset: 3, epochs: [{ epoch: 1, startOffset: 1 }, { epoch: 4, startOffset: 3 }] }, 3); // 4
 */
export function epochAtOffset(summary: LogSummary, offset: number): number | undefined {
  if (offset === 0) return 0;
  if (offset < 0 || offset > summary.lastOffset) return undefined;
  return summary.epochs[runIndexAt(summary, offset)]!.epoch;
}

/**
 * The last offset at which both logs hold the same entry (same epoch), 0 when they
 * share nothing. Everything after it in either log is divergent and must be
 * truncated from the log that is not authoritative.
 *
 * Jumps from epoch run to epoch run, so it costs O(epochs), not O(entries): within a
 * stretch where both logs keep one epoch each, the entries either all match or all differ.
 *
 * @example
 * const leader = { lastOffset: 4, epochs: [{ epoch: 1, startOffset: 1 }, { epoch: 3, startOffset: 3 }] };
 * const stale  = { lastOffset: 5, epochs: [{ epoch: 1, startOffset: 1 }, { epoch: 2, startOffset: 3 }] };
 * findLastCommonOffset(leader, stale); // 2
 */
export function findLastCommonOffset(a: LogSummary, b: LogSummary): number {
  let offset = Math.min(a.lastOffset, b.lastOffset);
  while (offset > 0) {
    const runA = a.epochs[runIndexAt(a, offset)]!;
    const runB = b.epochs[runIndexAt(b, offset)]!;
    if (runA.epoch === runB.epoch) return offset;
    offset = Math.max(runA.startOffset, runB.startOffset) - 1;
  }
  return 0;
}
