import { DiskFullError, type Disk } from '../../sim/node.js';
import { insertVersion, type InsertOutcome } from './key-versions.js';
import type { LogEntry, ShippedWrite } from './messages.js';
import type { Version } from './version.js';
import { intactWrite } from './checksums.js';

/** A record on a multi-leader node's disk. */
type DiskRecord = { t: 'entry'; entry: LogEntry } | { t: 'peer-ack'; peer: string; upTo: number };

/**
 * One node's copy of the data and of its group's log, backed by its disk.
 *
 * Every change goes through {@link Replica.record}: appended to disk first, then
 * applied in memory, so memory never holds what the disk refused. The caller fsyncs
 * (once per batch) before acknowledging anything. {@link Replica.recover} rebuilds
 * the same state from the records after a restart.
 *
 * @example
 * const replica = Replica.recover('dc1-n1', ctx.disk);
 * replica.record({ key: 'x', version, origin: { node: 'dc1-n1', seq: 1 } }, ctx.disk);
 * ctx.disk.fsync();
 */
export class Replica {
  /** Per key, the versions no other version has seen (see key-versions.ts). */
  readonly keys = new Map<string, Version[]>();
  /** The group log, offset i at index i - 1. */
  readonly log: LogEntry[] = [];
  /** This node's own accepted writes, seq i at index i - 1 (a leader's outbox source). */
  readonly ownWrites: LogEntry[] = [];
  /** Per origin leader, the highest of its seqs applied here. */
  readonly appliedFrom = new Map<string, number>();
  /** Idempotency key -> the value its write was acknowledged with. */
  readonly idempotency = new Map<string, unknown>();
  /** Per peer leader, the highest of our seqs it has acknowledged. */
  readonly peerAcked = new Map<string, number>();

  /**
   * With checksums, what the disk held after the first rotten entry, in offset
   * order: intact entries, and null where an entry was rotten. They wait until
   * each rotten one is taken again from the group ({@link fill}): applying past
   * a gap would give later entries the wrong offsets.
   */
  private readonly pending: Array<LogEntry | null> = [];
  /** Offsets of the entries found rotten at restart. */
  readonly rottenAtStart: number[] = [];

  private constructor(readonly self: string, readonly checksums: boolean) {}

  /**
   * Rebuilds a node's state from its disk (empty for a new node). With
   * checksums, an entry whose checksum does not match is never applied: the
   * log stops before it ({@link missingOffset}).
   *
   * @example
   * const replica = Replica.recover(ctx.id, ctx.disk);
   */
  static recover(self: string, disk: Disk, checksums = false): Replica {
    const replica = new Replica(self, checksums);
    for (const record of disk.read() as readonly DiskRecord[]) {
      if (record.t === 'peer-ack') {
        replica.notePeerAck(record.peer, record.upTo);
        continue;
      }
      const intact = !checksums || intactWrite(record.entry);
      if (!intact) replica.rottenAtStart.push(record.entry.offset);
      if (intact && replica.pending.length === 0) replica.apply(record.entry);
      else replica.pending.push(intact ? record.entry : null);
    }
    return replica;
  }

  /** True while entries found rotten at restart are not yet taken again: the node must not serve or ship. */
  get recovering(): boolean {
    return this.pending.length > 0;
  }

  /** The offset of the rotten entry to take again next, if any. */
  get missingOffset(): number | undefined {
    return this.pending.length > 0 ? this.log.length + 1 : undefined;
  }

  /**
   * Takes again the entry at {@link missingOffset} from a node of the group,
   * then applies the intact entries that waited behind it. Once none is left
   * the disk is rewritten without the rotten records. False (nothing done) for
   * an entry of another offset or one whose checksum does not match.
   */
  fill(entry: LogEntry, disk: Disk): boolean {
    if (entry.offset !== this.missingOffset || !intactWrite(entry)) return false;
    this.pending.shift();
    this.apply(entry);
    while (this.pending.length > 0 && this.pending[0] !== null) this.apply(this.pending.shift()!);
    if (this.pending.length === 0) this.rewriteDisk(disk);
    return true;
  }

  /** The log and peer acknowledgements as records: the disk as it should read. */
  private rewriteDisk(disk: Disk): void {
    const records: DiskRecord[] = this.log.map((entry) => ({ t: 'entry', entry }));
    for (const [peer, upTo] of this.peerAcked) records.push({ t: 'peer-ack', peer, upTo });
    try {
      disk.rewrite(records);
    } catch (error) {
      // The rotten record stays on disk: the next restart takes the entry again.
      if (!(error instanceof DiskFullError)) throw error;
    }
  }

  /** The key's current versions (empty when it was never written). */
  versions(key: string): readonly Version[] {
    return this.keys.get(key) ?? [];
  }

  /** The next seq this node would give one of its own writes. */
  get nextSeq(): number {
    return this.ownWrites.length + 1;
  }

  /**
   * Appends a change to the log, on disk then in memory. Throws DiskFullError (and
   * changes nothing) when the disk refuses it. Not durable until the caller fsyncs.
   */
  record(write: ShippedWrite, disk: Disk): { entry: LogEntry; outcome: InsertOutcome } {
    const entry: LogEntry = { offset: this.log.length + 1, ...write };
    disk.append({ t: 'entry', entry } satisfies DiskRecord);
    return { entry, outcome: this.apply(entry) };
  }

  /**
   * Notes a peer's acknowledgement. Persisted without fsync: losing it only means
   * resending writes the peer will recognise and ignore.
   */
  recordPeerAck(peer: string, upTo: number, disk: Disk): void {
    if (upTo <= (this.peerAcked.get(peer) ?? 0)) return;
    this.notePeerAck(peer, upTo);
    try {
      disk.append({ t: 'peer-ack', peer, upTo } satisfies DiskRecord);
    } catch (error) {
      // A full disk only costs a resend after a restart; the ack still counts in memory.
      if (!(error instanceof DiskFullError)) throw error;
    }
  }

  private notePeerAck(peer: string, upTo: number): void {
    this.peerAcked.set(peer, Math.max(upTo, this.peerAcked.get(peer) ?? 0));
  }

  private apply(entry: LogEntry): InsertOutcome {
    const { outcome, versions } = insertVersion(this.versions(entry.key), entry.version);
    this.keys.set(entry.key, versions);
    this.log.push(entry);
    if (entry.origin.node === this.self) this.ownWrites.push(entry);
    else this.appliedFrom.set(entry.origin.node, entry.origin.seq);
    if (entry.idempotency !== undefined) this.idempotency.set(entry.idempotency.key, entry.idempotency.value);
    return outcome;
  }
}
