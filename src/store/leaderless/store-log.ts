/**
 * A replica's log on its disk: the records it appends, and when the log has grown
 * enough to be rewritten as a snapshot. Each put record makes the key's earlier
 * ones dead weight, so once the log holds more than twice its last snapshot (plus
 * a margin) the store rewrites it: the disk, and what the simulator keeps of it,
 * stays bounded by what the store holds, not by how long it has run.
 *
 * @example
 * const log = new StoreLog<Record>(ctx.disk);
 * log.append(record);
 * if (log.sync()) log.rewrite(snapshot);
 */
import { DiskFullError, type Disk } from '../../sim/node.js';

/** Records a log may hold beyond twice its last snapshot before it is rewritten. */
const COMPACTION_MARGIN_RECORDS = 512;

/**
 * The disk log of one replica (see the file's description). It must be the
 * disk's only writer: it counts the records itself.
 *
 * @example
 * const log = new StoreLog<Record>(ctx.disk);
 * for (const record of log.recordsAtStart) replay(record);
 */
export class StoreLog<R> {
  /** What the disk held when this incarnation started. */
  readonly recordsAtStart: readonly R[];
  private records: number;
  private compactAt = COMPACTION_MARGIN_RECORDS;

  constructor(private readonly disk: Disk) {
    this.recordsAtStart = disk.read() as R[];
    this.records = this.recordsAtStart.length;
  }

  /** Appends a record (not durable yet). Throws DiskFullError. */
  append(record: R): void {
    this.disk.append(record);
    this.records++;
  }

  /** Makes the appends durable; true when the log is due to be rewritten as a snapshot. */
  sync(): boolean {
    this.disk.fsync();
    return this.records >= this.compactAt;
  }

  /** Replaces the log by a snapshot (durable at once); false when the disk is full (it stays as it was). */
  rewrite(snapshot: readonly R[]): boolean {
    try {
      this.disk.rewrite(snapshot);
    } catch (error) {
      if (!(error instanceof DiskFullError)) throw error;
      this.compactAt = this.records + COMPACTION_MARGIN_RECORDS;
      return false;
    }
    this.records = snapshot.length;
    this.compactAt = 2 * snapshot.length + COMPACTION_MARGIN_RECORDS;
    return true;
  }
}
