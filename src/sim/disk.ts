import { DiskFullError, type Disk } from './node.js';
import { JsonCopier } from './json-copy.js';

/**
 * A node's simulated disk: durable records plus appends not yet fsynced. It
 * outlives the node object, so a restarted node reads back what was durable.
 * Records are copied in and out; a node never shares memory with its disk.
 *
 * The disk is full when `fill()` was called or when it holds `capacityRecords`
 * records; `append` then throws {@link DiskFullError}, and `rewrite` may only
 * keep or shrink the log.
 *
 * @example
 * const disk = new SimDisk('n1');
 * disk.append({ term: 1 });
 * disk.crash(true);   // the unsynced append is lost
 * disk.read();        // []
 */
export class SimDisk implements Disk {
  private durable: unknown[] = [];
  private pending: unknown[] = [];
  private filled = false;
  private readonly copier = new JsonCopier();
  /** Counters for statistics. */
  appends = 0;
  fsyncs = 0;
  lostOnCrash = 0;

  constructor(
    readonly nodeId: string,
    readonly capacityRecords: number = Infinity,
  ) {}

  get unsynced(): number {
    return this.pending.length;
  }

  /** Records currently stored, durable or not. */
  get size(): number {
    return this.durable.length + this.pending.length;
  }

  /** True when an append would throw. */
  get isFull(): boolean {
    return this.filled || this.size >= this.capacityRecords;
  }

  append(record: unknown): void {
    if (this.isFull) throw new DiskFullError(this.nodeId);
    this.pending.push(this.copier.copy(record));
    this.appends++;
  }

  fsync(): void {
    this.fsyncs++;
    if (this.pending.length === 0) return;
    for (const record of this.pending) this.durable.push(record);
    this.pending = [];
  }

  read(): readonly unknown[] {
    const all: unknown[] = [];
    for (const record of this.durable) all.push(this.copier.copy(record));
    for (const record of this.pending) all.push(this.copier.copy(record));
    return all;
  }

  /** The durable records only (what a crash right now would leave), as copies. */
  readDurable(): readonly unknown[] {
    return this.durable.map((record) => this.copier.copy(record));
  }

  rewrite(records: readonly unknown[]): void {
    const limit = this.filled ? this.size : this.capacityRecords;
    if (records.length > limit) throw new DiskFullError(this.nodeId);
    this.durable = records.map((record) => this.copier.copy(record));
    this.pending = [];
  }

  /**
   * What a crash does to the disk. `loseUnsynced`: the machine lost power, so
   * the page cache is gone; otherwise only the process died and the OS still
   * writes the appends out.
   */
  crash(loseUnsynced: boolean): number {
    const lost = loseUnsynced ? this.pending.length : 0;
    if (!loseUnsynced) for (const record of this.pending) this.durable.push(record);
    this.pending = [];
    this.lostOnCrash += lost;
    return lost;
  }

  /** Makes every further append throw, until {@link SimDisk.free}. */
  fill(): void {
    this.filled = true;
  }

  free(): void {
    this.filled = false;
  }
}
