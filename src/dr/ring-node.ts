import { jsonLength } from '../sim/json-length.js';
import type { NodeContext, SimNode } from '../sim/node.js';
import type { ObjectStoreOptions } from '../sim/object-store.js';
import { rangeOf, type RingMessage } from './ring.js';

type Stored = { key: string; value: number; id: number };

/**
 * A storage node of the ring: it stores what writers put (fsynced before the
 * ack) and, as a spare told to take over a failed node, fetches that node's
 * ranges from their surviving copies, stores them, and reports back. A source
 * answers a fetch after the transfer time of the bytes it sends, one transfer
 * at a time; `bytesMoved` counts them.
 *
 * @example
 * world.addNode('s1', (ctx) => new RingNode(ctx, 'm', 16, transfer, moved));
 */
export class RingNode implements SimNode<RingMessage> {
  private readonly table = new Map<string, Stored>();
  private pendingTakeOver: { failed: string; waiting: Set<string> } | undefined;
  private outbox: Array<{ to: string; msg: RingMessage; dueMs: number }> = [];
  private busyUntilMs = 0;

  constructor(
    private readonly ctx: NodeContext<RingMessage>,
    private readonly monitor: string,
    private readonly ranges: number,
    private readonly transfer: ObjectStoreOptions,
    private readonly bytesMoved: { bytes: number },
  ) {
    for (const record of ctx.disk.read()) this.keep(record as Stored);
  }

  /** The write this node holds for a key, if any. */
  holding(key: string): Stored | undefined {
    return this.table.get(key);
  }

  onMessage(from: string, msg: RingMessage): void {
    switch (msg.t) {
      case 'rput':
        this.save([{ key: msg.key, value: msg.value, id: msg.id }]);
        return this.ctx.send(from, { t: 'rput-ok', id: msg.id });
      case 'ping': return this.ctx.send(from, { t: 'pong' });
      case 'take-over': return this.takeOver(msg.failed, msg.ranges);
      case 'fetch-ranges': return this.sendRanges(from, msg.ranges);
      case 'range-data': return this.received(from, msg.entries);
      default: return;
    }
  }

  onTimer(): void {
    const now = this.ctx.now();
    while (this.outbox.length > 0 && this.outbox[0]!.dueMs <= now) {
      const { to, msg } = this.outbox.shift()!;
      this.ctx.send(to, msg);
    }
    if (this.outbox.length > 0) this.ctx.setTimer(this.outbox[0]!.dueMs - now, 'transfer');
  }

  private takeOver(failed: string, ranges: Array<{ range: number; source: string }>): void {
    if (this.pendingTakeOver !== undefined) return;
    const bySource = new Map<string, number[]>();
    for (const { range, source } of ranges) bySource.set(source, [...(bySource.get(source) ?? []), range]);
    this.pendingTakeOver = { failed, waiting: new Set(bySource.keys()) };
    for (const [source, list] of bySource) this.ctx.send(source, { t: 'fetch-ranges', ranges: list });
    if (bySource.size === 0) this.finishTakeOver();
  }

  private sendRanges(to: string, ranges: readonly number[]): void {
    const wanted = new Set(ranges);
    const entries = [...this.table.values()].filter((entry) => wanted.has(rangeOf(entry.key, this.ranges)));
    const msg: RingMessage = { t: 'range-data', entries };
    const bytes = jsonLength(msg);
    this.bytesMoved.bytes += bytes;
    const now = this.ctx.now();
    const dueMs = Math.max(now, this.busyUntilMs) + this.transfer.requestMs + bytes / this.transfer.bytesPerMs;
    this.busyUntilMs = dueMs;
    this.outbox.push({ to, msg, dueMs });
    if (this.outbox.length === 1) this.ctx.setTimer(dueMs - now, 'transfer');
  }

  private received(from: string, entries: readonly Stored[]): void {
    this.save(entries);
    const pending = this.pendingTakeOver;
    if (pending === undefined) return;
    pending.waiting.delete(from);
    if (pending.waiting.size === 0) this.finishTakeOver();
  }

  private finishTakeOver(): void {
    this.ctx.send(this.monitor, { t: 'took-over', failed: this.pendingTakeOver!.failed });
    this.pendingTakeOver = undefined;
  }

  /** Keeps the newest write per key (ids grow with time), on disk first. */
  private save(entries: readonly Stored[]): void {
    for (const entry of entries) this.ctx.disk.append(entry);
    this.ctx.disk.fsync();
    for (const entry of entries) this.keep(entry);
  }

  private keep(entry: Stored): void {
    const held = this.table.get(entry.key);
    if (held === undefined || held.id < entry.id) this.table.set(entry.key, entry);
  }
}
