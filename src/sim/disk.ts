import { DiskFullError, type Disk } from './node.js';
import { deepFreeze, type ImmutableDataMode } from './immutable-data.js';
import { copyJson } from './json-copy.js';

/**
 * A node's simulated disk: durable records plus appends not yet fsynced. It
 * outlives the node object, so a restarted node reads back what was durable.
 * Records are copied in and out; a node never shares memory with its disk.
 * The one exception: a node that declares `immutableData` has its appended
 * records kept as they are (frozen first in `'verify'` mode), since it never
 * writes to them afterwards; they are still copied on the way out.
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
  /** Keep appended records as they are: set while the node's current incarnation declares `immutableData`. */
  sharesRecords = false;
  /** Counters for statistics. */
  appends = 0;
  fsyncs = 0;
  lostOnCrash = 0;

  constructor(
    readonly nodeId: string,
    readonly capacityRecords: number = Infinity,
    private readonly immutableData: ImmutableDataMode = 'trust',
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
    this.pending.push(this.keep(record));
    this.appends++;
  }

  fsync(): void {
    this.fsyncs++;
    const pending = this.pending;
    if (pending.length === 0) return;
    for (let i = 0; i < pending.length; i++) this.durable.push(pending[i]);
    // Emptied by pops, which keep the array's storage: `[]` or `length = 0` would
    // allocate it anew on the next append, that is once per write for most stores.
    while (pending.length > 0) pending.pop();
  }

  read(): readonly unknown[] {
    const all: unknown[] = [];
    for (const record of this.durable) all.push(copyJson(record));
    for (const record of this.pending) all.push(copyJson(record));
    return all;
  }

  /** The durable records only (what a crash right now would leave), as copies. */
  readDurable(): readonly unknown[] {
    return this.durable.map((record) => copyJson(record));
  }

  rewrite(records: readonly unknown[]): void {
    const limit = this.filled ? this.size : this.capacityRecords;
    if (records.length > limit) throw new DiskFullError(this.nodeId);
    this.durable = records.map((record) => this.keep(record));
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

  /** Loses every record, durable or not: the disk itself is gone (see World.destroy). */
  wipe(): void {
    this.lostOnCrash += this.size;
    this.durable = [];
    this.pending = [];
  }

  /**
   * Bit rot at rest: `rot` rewrites the durable records (it gets copies and
   * returns what the disk holds from now on). Returns how many records differ.
   *
   * @example
   * disk.rot((records) => records.map((r, i) => (i === 0 ? { ...(r as object), value: 'garbage' } : r)));
   */
  rot(rot: (records: unknown[]) => unknown[]): number {
    const before = this.durable.map((record) => JSON.stringify(record));
    this.durable = rot(this.durable.map((record) => copyJson(record))).map((record) => copyJson(record));
    return this.durable.filter((record, i) => JSON.stringify(record) !== before[i]).length;
  }

  /** Makes every further append throw, until {@link SimDisk.free}. */
  fill(): void {
    this.filled = true;
  }

  free(): void {
    this.filled = false;
  }

  /** What the disk stores for a record handed to it: a private copy, or the record itself (see the class). */
  private keep(record: unknown): unknown {
    if (!this.sharesRecords) return copyJson(record);
    return this.immutableData === 'verify' ? deepFreeze(record) : record;
  }
}
