import type { NodeContext, SimNode } from '../sim/node.js';
import type { RingMessage } from './ring.js';

/**
 * The ring's failure detector and placement service: it pings every owner,
 * and when one is silent for `detectMs` hands its ranges to the next free
 * spare (each range copied from a surviving owner), then gives the writers the
 * new owners once the spare has the data. With no spare left, or no surviving
 * copy of a range, the ranges stay where they are: their writes keep failing.
 *
 * @example
 * world.addNode('m', (ctx) => new RingMonitor(ctx, owners, ['s1'], ['c1'], 50, 300), { kind: 'client' });
 */
export class RingMonitor implements SimNode<RingMessage> {
  private owners: string[][];
  private readonly lastHeardMs = new Map<string, number>();
  private readonly failed = new Set<string>();
  private readonly spares: string[];
  /** Failed node -> the spare taking over its ranges. */
  private readonly takeOvers = new Map<string, string>();

  constructor(
    private readonly ctx: NodeContext<RingMessage>,
    owners: string[][],
    spares: readonly string[],
    private readonly clients: readonly string[],
    private readonly pingEveryMs: number,
    private readonly detectMs: number,
  ) {
    this.owners = owners.map((list) => [...list]);
    this.spares = [...spares];
  }

  start(): void {
    for (const node of this.members()) this.lastHeardMs.set(node, this.ctx.now());
    this.ctx.setTimer(this.pingEveryMs, 'tick');
  }

  onMessage(from: string, msg: RingMessage): void {
    if (msg.t === 'pong') this.lastHeardMs.set(from, this.ctx.now());
    else if (msg.t === 'took-over' && this.takeOvers.get(msg.failed) === from) {
      this.takeOvers.delete(msg.failed);
      this.owners = this.owners.map((list) => list.map((node) => (node === msg.failed ? from : node)));
      this.lastHeardMs.set(from, this.ctx.now());
      this.ctx.trace('take-over-done', { failed: msg.failed, spare: from });
      for (const client of this.clients) this.ctx.send(client, { t: 'ring', owners: this.owners });
    }
  }

  onTimer(): void {
    const now = this.ctx.now();
    for (const node of this.members()) {
      if (this.failed.has(node) || now - (this.lastHeardMs.get(node) ?? now) <= this.detectMs) continue;
      this.failed.add(node);
      this.assignSpare(node);
    }
    for (const node of this.members()) if (!this.failed.has(node)) this.ctx.send(node, { t: 'ping' });
    this.ctx.setTimer(this.pingEveryMs, 'tick');
  }

  private assignSpare(node: string): void {
    const spare = this.spares.shift();
    if (spare === undefined) return this.ctx.trace('no-spare', { failed: node });
    const ranges: Array<{ range: number; source: string }> = [];
    this.owners.forEach((list, range) => {
      if (!list.includes(node)) return;
      const source = list.find((other) => other !== node && !this.failed.has(other));
      if (source !== undefined) ranges.push({ range, source });
    });
    this.takeOvers.set(node, spare);
    this.ctx.send(spare, { t: 'take-over', failed: node, ranges });
  }

  private members(): string[] {
    return [...new Set(this.owners.flat())];
  }
}
