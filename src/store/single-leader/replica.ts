import { checksum } from '../shared/integrity.js';
import type { StoreNodeContext } from '../trace-events.js';
import { ReplicationLog, type LogEntry } from '../shared/log.js';
import type { ExecutionEnv } from './execute.js';
import type { DiskRecord, EntryRecord, Payload, StandbySyncedRecord, StorageRecord, VoteRecord } from './records.js';
import { VersionedTable } from './versioned-table.js';

/**
 * The checksum of a log entry, as the leader that appends it computes it and
 * every follower checks it.
 *
 * @example
 * entryChecksum({ epoch: 1, offset: 1, payload: { kind: 'noop' } }); // '5c0e...'
 */
export function entryChecksum(entry: LogEntry<Payload>): string {
  return checksum([entry.epoch, entry.offset, entry.payload]);
}

/** The checksum of a whole record at rest (everything but the checksum itself). */
function recordChecksum(record: EntryRecord): string {
  return checksum([record.epoch, record.offset, record.payload, record.effects, record.sum ?? null]);
}

/**
 * A node's persistent state and the only code that writes it to disk: the epoch and
 * vote, the replication log, and the table the log's entries built. Rebuilt from the
 * disk's durable records on restart.
 *
 * Every write goes to disk before memory, so a DiskFullError leaves memory unchanged.
 *
 * @example
 * const replica = new Replica(ctx);        // recovers from ctx.disk
 * replica.appendEntry({ epoch: 1, offset: 1, payload: { kind: 'noop' } }, []);
 * ctx.disk.fsync();
 */
export class Replica {
  epoch = 0;
  votedFor: string | null = null;
  readonly log = new ReplicationLog<Payload>();
  readonly table = new VersionedTable();
  /** Last offset known to be on disk durably (everything read back at start is). */
  durableOffset = 0;
  /** Last offset whose effects the table holds (a warm standby applies in periodic batches). */
  appliedOffset = 0;
  /** With a hot standby: the latest epoch in which the standby was counted in acknowledgements (0: none). */
  standbySyncedEpoch = 0;
  /** The storage changes each entry made here, by offset - 1 (kept to rewrite the disk on truncation). */
  private readonly effects: StorageRecord[][] = [];

  /**
   * After rot was found at restart: the last entry (epoch, offset) this node's
   * log held before it dropped the rotten part. Until it holds that much again
   * it does not stand, and votes only for a candidate at least that far: the
   * entries it lost may be ones a majority needed.
   */
  recoverTo: { epoch: number; offset: number } = { epoch: 0, offset: 0 };
  /** What the checks at restart found rotten, for the node to trace once it runs. */
  rotFound: { offset: number; keptThrough: number; lostThrough: number } | undefined;

  constructor(
    private readonly ctx: StoreNodeContext<unknown>,
    private readonly checksums = false,
  ) {
    const records = ctx.disk.read() as readonly DiskRecord[];
    let rotten: EntryRecord | undefined;
    for (const record of records) {
      if (record.t === 'vote') {
        this.epoch = record.epoch;
        this.votedFor = record.votedFor;
      } else if (record.t === 'standby-synced') {
        this.standbySyncedEpoch = record.epoch;
      } else if (rotten === undefined && checksums && record.diskSum !== recordChecksum(record)) {
        rotten = record;
      } else if (rotten === undefined) {
        this.remember(record);
      }
    }
    if (rotten !== undefined) this.dropRot(rotten, records);
    this.durableOffset = this.log.lastOffset;
  }

  /** Keeps the log before the first rotten record; the leader sends the rest again. */
  private dropRot(rotten: EntryRecord, records: readonly DiskRecord[]): void {
    const last = records.filter((record): record is EntryRecord => record.t === 'entry').at(-1)!;
    this.rotFound = { offset: rotten.offset, keptThrough: this.log.lastOffset, lostThrough: last.offset };
    this.recoverTo = { epoch: last.epoch, offset: last.offset };
    this.rewriteDisk(this.log.lastOffset);
  }

  /** True while this node is still fetching back entries it dropped as rotten. */
  get recovering(): boolean {
    return this.log.lastOffset < this.recoverTo.offset;
  }

  /** True when nothing was ever written: a brand-new node. */
  get isPristine(): boolean {
    return this.epoch === 0 && this.log.lastOffset === 0;
  }

  /** This node's clock and random generator, for statements that need them. */
  get env(): ExecutionEnv {
    return { now: () => this.ctx.now(), random: () => this.ctx.random() };
  }

  /** Durably records the epoch and vote (fsynced now: a vote must survive a crash). Throws DiskFullError. */
  persistVote(epoch: number, votedFor: string | null): void {
    const record: VoteRecord = { t: 'vote', epoch, votedFor };
    this.ctx.disk.append(record);
    this.ctx.disk.fsync();
    this.markDurable();
    this.epoch = epoch;
    this.votedFor = votedFor;
  }

  /** Durably records that the standby counts in acknowledgements in `epoch` (fsynced now). Throws DiskFullError. */
  persistStandbySynced(epoch: number): void {
    const record: StandbySyncedRecord = { t: 'standby-synced', epoch };
    this.ctx.disk.append(record);
    this.ctx.disk.fsync();
    this.markDurable();
    this.standbySyncedEpoch = epoch;
  }

  /** Applies to the table, in order, every logged entry through `offset` not applied yet; returns how many. */
  applyThrough(offset: number): number {
    const last = Math.min(offset, this.log.lastOffset);
    let applied = 0;
    for (let at = this.appliedOffset + 1; at <= last; at++, applied++) this.applyToTable(at);
    return applied;
  }

  /** Called after an fsync: every entry appended so far is durable. */
  markDurable(): void {
    this.durableOffset = this.log.lastOffset;
  }

  /**
   * Appends an entry and its local effects (not yet durable). With `applyToTable`
   * false the table is left as it was, for {@link Replica.applyToTable} to apply
   * the effects later (only the follower-out-of-order mutation does). Throws DiskFullError.
   */
  appendEntry(entry: LogEntry<Payload>, effects: StorageRecord[], applyToTable = true): void {
    const record: EntryRecord = { t: 'entry', epoch: entry.epoch, offset: entry.offset, payload: entry.payload, effects };
    if (this.checksums) {
      // A leader's new entry is summed here; a follower keeps the sum it was shipped (and checked).
      record.sum = entry.sum ?? entryChecksum(entry);
      record.diskSum = recordChecksum(record);
    }
    this.ctx.disk.append(record);
    this.remember(record, applyToTable);
  }

  /** Applies to the table the effects of the logged entry at `offset`, appended with `applyToTable` false. */
  applyToTable(offset: number): void {
    const entry = this.log.entryAt(offset);
    if (entry === undefined) return;
    this.table.apply(offset, entry.epoch, this.effects[offset - 1]!);
    this.appliedOffset = Math.max(this.appliedOffset, offset);
  }

  /** The on-disk form of the entry at `offset`: what a WAL-shipping follower ends up holding too. */
  entryRecord(offset: number): EntryRecord | undefined {
    const entry = this.log.entryAt(offset);
    if (entry === undefined) return undefined;
    const record: EntryRecord = { t: 'entry', epoch: entry.epoch, offset, payload: entry.payload, effects: this.effects[offset - 1]! };
    if (entry.sum !== undefined) {
      record.sum = entry.sum;
      record.diskSum = recordChecksum(record);
    }
    return record;
  }

  /**
   * Drops every entry after `offset` (a divergent suffix the leader does not have),
   * from memory and disk. The disk is rewritten whole, which is durable at once.
   */
  truncateAfter(offset: number, reason: string): void {
    const dropped = this.log.truncateAfter(offset);
    if (dropped.length === 0) return;
    this.effects.length = offset;
    this.table.truncateAfter(offset);
    this.appliedOffset = Math.min(this.appliedOffset, offset);
    this.rewriteDisk(offset);
    this.durableOffset = offset;
    this.ctx.trace('truncate', {
      reason,
      keptThrough: offset,
      droppedCount: dropped.length,
      droppedEpochs: [...new Set(dropped.map((entry) => entry.epoch))],
    });
  }

  /** The disk rewritten whole as the vote and the log through `offset` (durable at once). */
  private rewriteDisk(offset: number): void {
    const records: DiskRecord[] = [{ t: 'vote', epoch: this.epoch, votedFor: this.votedFor }];
    if (this.standbySyncedEpoch > 0) records.push({ t: 'standby-synced', epoch: this.standbySyncedEpoch });
    for (let at = 1; at <= offset; at++) records.push(this.entryRecord(at)!);
    this.ctx.disk.rewrite(records);
  }

  private remember(record: EntryRecord, applyToTable = true): void {
    const entry: LogEntry<Payload> = { epoch: record.epoch, offset: record.offset, payload: record.payload };
    if (record.sum !== undefined) entry.sum = record.sum;
    this.log.appendEntry(entry);
    this.effects.push(record.effects);
    if (!applyToTable) return;
    this.table.apply(record.offset, record.epoch, record.effects);
    this.appliedOffset = record.offset;
  }
}
