import type { NodeContext, SimNode } from '../sim/node.js';
import { rangeOf, type RingMessage } from './ring.js';

/** One write every owner of its range stored, as the writer saw it. */
export interface RingAck {
  id: number;
  key: string;
  range: number;
  atMs: number;
}

/**
 * A leaderless writer (it coordinates its own writes): each write goes to
 * every owner of its key's range and counts as acknowledged once all of them
 * stored it (W = replicas, so a range that lost a copy takes no writes until a
 * spare holds it again). A write not acknowledged within `timeoutMs` is
 * abandoned and the next one goes out, so one dead range does not stop the
 * others.
 *
 * @example
 * world.addNode('c1', (ctx) => new RingWriter(ctx, owners, 16, 400, 2, 100, acks), { kind: 'client' });
 */
export class RingWriter implements SimNode<RingMessage> {
  private owners: string[][];
  private pending: { id: number; key: string; waiting: Set<string> } | undefined;
  private count = 0;

  constructor(
    private readonly ctx: NodeContext<RingMessage>,
    owners: string[][],
    private readonly ranges: number,
    private readonly keys: number,
    private readonly writeEveryMs: number,
    private readonly timeoutMs: number,
    private readonly acks: RingAck[],
  ) {
    this.owners = owners;
  }

  start(): void {
    this.ctx.setTimer(this.writeEveryMs, 'next');
  }

  onMessage(from: string, msg: RingMessage): void {
    if (msg.t === 'ring') this.owners = msg.owners;
    else if (msg.t === 'rput-ok' && this.pending?.id === msg.id) {
      this.pending.waiting.delete(from);
      if (this.pending.waiting.size > 0) return;
      const { id, key } = this.pending;
      this.acks.push({ id, key, range: rangeOf(key, this.ranges), atMs: this.ctx.now() });
      this.pending = undefined;
      this.ctx.cancelTimer('timeout');
      this.ctx.setTimer(this.writeEveryMs, 'next');
    }
  }

  onTimer(name: string): void {
    if (name === 'timeout') this.pending = undefined;
    this.count++;
    const key = `k${Math.floor(this.ctx.random() * this.keys)}`;
    const owners = this.owners[rangeOf(key, this.ranges)]!;
    this.pending = { id: this.count, key, waiting: new Set(owners) };
    for (const owner of owners) this.ctx.send(owner, { t: 'rput', id: this.count, key, value: this.count });
    this.ctx.setTimer(this.timeoutMs, 'timeout');
  }
}
