import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Disk } from '../../sim/node.js';

/**
 * The simulator's {@link Disk} on a real file (one JSON record per line, in the
 * node's working folder): appends wait in memory until `fsync`, which writes
 * and fsyncs them, so a killed process loses exactly the unsynced records, as
 * a crash in the simulator does.
 *
 * @example
 * const disk = new FileDisk('store-disk.ndjson');
 * disk.append({ epoch: 2 });
 * disk.fsync();
 */
export class FileDisk implements Disk {
  private durable: unknown[];
  private pending: unknown[] = [];

  constructor(private readonly file: string) {
    this.durable = existsSync(file)
      ? readFileSync(file, 'utf8').split('\n').filter((line) => line !== '').flatMap((line) => {
        // A line cut short by a kill in mid-write was never synced: drop it.
        try {
          return [JSON.parse(line) as unknown];
        } catch {
          return [];
        }
      })
      : [];
  }

  get unsynced(): number {
    return this.pending.length;
  }

  append(record: unknown): void {
    this.pending.push(JSON.parse(JSON.stringify(record)));
  }

  fsync(): void {
    if (this.pending.length === 0) return;
    appendFileSync(this.file, this.pending.map((record) => `${JSON.stringify(record)}\n`).join(''));
    const fd = openSync(this.file, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.durable.push(...this.pending);
    this.pending = [];
  }

  read(): readonly unknown[] {
    return JSON.parse(JSON.stringify([...this.durable, ...this.pending])) as unknown[];
  }

  rewrite(records: readonly unknown[]): void {
    const copy = JSON.parse(JSON.stringify(records)) as unknown[];
    // Write aside, then rename: a kill mid-rewrite leaves the old log whole.
    writeFileSync(`${this.file}.new`, copy.map((record) => `${JSON.stringify(record)}\n`).join(''));
    renameSync(`${this.file}.new`, this.file);
    this.durable = copy;
    this.pending = [];
  }
}
