import { jsonLength } from '../sim/json-length.js';
import type { NodeContext, SimNode } from '../sim/node.js';
import type { CopyTarget, DataNodeConfig, ReplicationStats } from './data-config.js';
import type { DrMessage, LogEntry, Snapshot, Watermark } from './messages.js';

/** Entries one shipment carries at most, so a long-cut copy catches up in steps. */
const MAX_BATCH = 1000;
/** How often a streamed copy that stopped acknowledging is sent its gap again. */
const RESEND_MS = 100;
/** Checks without progress after which a copy only gets one entry per period, as a probe, not the whole gap. */
const STALLED_CHECKS = 3;

interface CopyState {
  target: CopyTarget;
  /** Highest own index the copy said it stored. */
  stored: number;
  /** Highest own index sent to it. */
  sent: number;
  /** `stored` at the previous resend check: no progress since means resend. */
  storedAtCheck: number;
  /** Checks in a row without progress: a copy gone for good must not cost a full resend each period. */
  stalled: number;
}

/**
 * A node of the redundancy setups: a key-value table fed by a replication log
 * (see {@link DataNodeConfig} for its roles). Every entry it accepts or is
 * shipped goes to its disk first; a restarted node replays its disk.
 *
 * @example
 * world.addNode('p', (ctx) => new DataNode(ctx, { role: 'serving', monitor: 'm', copies: [] }, stats));
 */
export class DataNode implements SimNode<DrMessage> {
  private serving: boolean;
  private readonly table = new Map<string, LogEntry>();
  /** What the table holds, per origin. */
  private readonly applied: Watermark = {};
  /** What the disk holds, per origin (ahead of `applied` while entries wait to be applied). */
  private readonly stored: Watermark = {};
  private readonly unapplied: LogEntry[] = [];
  private readonly ownLog: LogEntry[] = [];
  private copies: CopyState[] = [];
  /** Clients waiting for sync copies, by own index. */
  private readonly waiting = new Map<number, { client: string; id: number }>();
  private promoting = false;
  private snapshotReq = 0;
  private snapshotInFlight = false;
  private restoreReq = -1;

  constructor(
    private readonly ctx: NodeContext<DrMessage>,
    private readonly config: DataNodeConfig,
    private readonly stats: ReplicationStats,
  ) {
    this.serving = config.role === 'serving';
    for (const record of ctx.disk.read()) {
      this.store(record as LogEntry);
      this.applyOne(record as LogEntry);
    }
  }

  /** Whether it takes writes. */
  get isServing(): boolean {
    return this.serving;
  }

  /** How far its table holds each origin's log. */
  get watermark(): Watermark {
    return { ...this.applied };
  }

  start(): void {
    if (this.serving) this.startServing(this.config.copies);
    else if (this.config.role === 'standby' && this.config.apply === 'batched') this.ctx.setTimer(this.config.applyEveryMs ?? 1000, 'apply');
    else if (this.config.role === 'restore') this.fetchSnapshot();
  }

  onMessage(from: string, msg: DrMessage): void {
    switch (msg.t) {
      case 'write': return this.onWrite(from, msg.id, msg.key, msg.value);
      case 'entries': return this.onEntries(from, msg.entries);
      case 'stored': return this.onStored(from, msg.origin, msg.upTo);
      case 'ping': return this.ctx.send(from, { t: 'pong' });
      case 'promote': return this.onPromote(from);
      case 'os-put-ok': this.snapshotInFlight = false; return;
      case 'os-object':
        if (msg.req === this.restoreReq) this.restore((msg.body as Snapshot | null) ?? { watermark: {}, entries: [] });
        return;
      default: return;
    }
  }

  onTimer(name: string): void {
    if (name === 'apply') {
      this.applyStored();
      this.ctx.setTimer(this.config.applyEveryMs ?? 1000, 'apply');
    } else if (name === 'ship') {
      this.ship();
      this.ctx.setTimer(this.shipPeriod(), 'ship');
    } else if (name === 'snapshot') {
      this.putSnapshot();
      this.ctx.setTimer(this.config.snapshot!.everyMs, 'snapshot');
    } else if (name === 'promoted') {
      this.applyStored();
      this.startServing(this.config.copiesWhenServing ?? []);
      this.ctx.send(this.config.monitor, { t: 'serving' });
    }
  }

  private onWrite(client: string, id: number, key: string, value: number): void {
    if (!this.serving) return this.ctx.send(client, { t: 'refuse', id });
    const index = this.ownLog.length + 1;
    const entry: LogEntry = { origin: this.ctx.id, index, key, value };
    this.ctx.disk.append(entry);
    this.ctx.disk.fsync();
    this.store(entry);
    this.applyOne(entry);
    for (const copy of this.copies) if (copy.target.shipEveryMs === 0) this.send(copy, index, index);
    if (this.copies.some((copy) => copy.target.sync)) this.waiting.set(index, { client, id });
    else this.ctx.send(client, { t: 'ack', id, origin: this.ctx.id, index });
  }

  /** Stores shipped entries in log order (a gap waits for the resend), then tells the sender how far it got. */
  private onEntries(from: string, entries: readonly LogEntry[]): void {
    let origin: string | undefined;
    for (const entry of entries) {
      origin = entry.origin;
      const held = this.stored[entry.origin] ?? 0;
      if (entry.index !== held + 1) continue;
      this.ctx.disk.append(entry);
      this.store(entry);
      if (this.serving || this.config.apply !== 'batched') this.applyOne(entry);
      else this.unapplied.push(entry);
    }
    this.ctx.disk.fsync();
    if (origin !== undefined) this.ctx.send(from, { t: 'stored', origin, upTo: this.stored[origin] ?? 0 });
  }

  private onStored(from: string, origin: string, upTo: number): void {
    if (origin !== this.ctx.id) return;
    const copy = this.copies.find((c) => c.target.to === from);
    if (copy === undefined || upTo <= copy.stored) return;
    copy.stored = upTo;
    for (const [index, waiter] of this.waiting) {
      if (this.copies.every((c) => !c.target.sync || c.stored >= index)) {
        this.waiting.delete(index);
        this.ctx.send(waiter.client, { t: 'ack', id: waiter.id, origin: this.ctx.id, index });
      }
    }
  }

  /** A standby replays what it has not applied yet (that is the promotion's cost), then serves. */
  private onPromote(monitor: string): void {
    if (this.serving) return this.ctx.send(monitor, { t: 'serving' });
    if (this.promoting || this.config.role !== 'standby') return;
    this.promoting = true;
    this.ctx.cancelTimer('apply');
    const replayMs = this.unapplied.length * (this.config.replayMsPerEntry ?? 0);
    this.ctx.setTimer((this.config.promoteMs ?? 0) + replayMs, 'promoted');
  }

  private fetchSnapshot(): void {
    this.restoreReq = 1;
    this.ctx.send(this.config.restoreFrom!, { t: 'os-get-latest', req: this.restoreReq, prefix: 'snap/' });
  }

  private restore(snapshot: Snapshot): void {
    this.restoreReq = -1;
    for (const entry of snapshot.entries) {
      this.ctx.disk.append(entry);
      this.table.set(entry.key, entry);
    }
    this.ctx.disk.fsync();
    Object.assign(this.applied, snapshot.watermark);
    Object.assign(this.stored, snapshot.watermark);
    const replayMs = snapshot.entries.length * (this.config.replayMsPerEntry ?? 0);
    this.promoting = true;
    this.ctx.setTimer((this.config.promoteMs ?? 0) + replayMs, 'promoted');
  }

  private startServing(copies: readonly CopyTarget[]): void {
    this.serving = true;
    this.promoting = false;
    this.copies = copies.map((target) => ({ target, stored: 0, sent: 0, storedAtCheck: 0, stalled: 0 }));
    if (this.copies.length > 0) this.ctx.setTimer(this.shipPeriod(), 'ship');
    if (this.config.snapshot !== undefined) this.ctx.setTimer(this.config.snapshot.everyMs, 'snapshot');
  }

  private shipPeriod(): number {
    const periods = this.copies.map((copy) => copy.target.shipEveryMs || RESEND_MS);
    return Math.min(...periods);
  }

  /** Batched copies get the log since what they stored; streamed ones only a resend of a stalled gap. */
  private ship(): void {
    const last = this.ownLog.length;
    for (const copy of this.copies) {
      const behind = copy.target.shipEveryMs > 0 ? copy.stored < last : copy.stored < copy.sent && copy.stored === copy.storedAtCheck;
      copy.stalled = copy.stored === copy.storedAtCheck && copy.stored < copy.sent ? copy.stalled + 1 : 0;
      const upTo = copy.stalled > STALLED_CHECKS ? copy.stored + 1 : copy.target.shipEveryMs > 0 ? last : copy.sent;
      if (behind) this.send(copy, copy.stored + 1, upTo);
      copy.storedAtCheck = copy.stored;
    }
  }

  private send(copy: CopyState, fromIndex: number, toIndex: number): void {
    const entries = this.ownLog.slice(fromIndex - 1, Math.min(toIndex, fromIndex - 1 + MAX_BATCH));
    if (entries.length === 0) return;
    const msg: DrMessage = { t: 'entries', entries };
    this.stats.add(this.ctx.id, copy.target.to, jsonLength(msg));
    copy.sent = Math.max(copy.sent, entries[entries.length - 1]!.index);
    this.ctx.send(copy.target.to, msg);
  }

  private putSnapshot(): void {
    if (this.snapshotInFlight) return;
    const body: Snapshot = { watermark: { ...this.applied }, entries: [...this.table.values()] };
    const key = `snap/${String(Math.floor(this.ctx.now())).padStart(12, '0')}-${this.ctx.id}`;
    const msg: DrMessage = { t: 'os-put', req: ++this.snapshotReq, key, body };
    this.stats.add(this.ctx.id, this.config.snapshot!.store, jsonLength(body));
    this.snapshotInFlight = true;
    this.ctx.send(this.config.snapshot!.store, msg);
  }

  private store(entry: LogEntry): void {
    this.stored[entry.origin] = Math.max(this.stored[entry.origin] ?? 0, entry.index);
    if (entry.origin === this.ctx.id && entry.index > this.ownLog.length) this.ownLog.push(entry);
  }

  private applyStored(): void {
    for (const entry of this.unapplied) this.applyOne(entry);
    this.unapplied.length = 0;
  }

  private applyOne(entry: LogEntry): void {
    this.table.set(entry.key, entry);
    this.applied[entry.origin] = Math.max(this.applied[entry.origin] ?? 0, entry.index);
  }
}
