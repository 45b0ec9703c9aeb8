import { DiskFullError, type NodeContext, type SimNode } from '../../src/sim/index.js';

/**
 * A node that exercises every part of the kernel from its own random draws:
 * periodic timers, sends to random peers, replies, disk appends and fsyncs,
 * custom trace events. Used by determinism tests and the kernel benchmark.
 */
export class ChattyNode implements SimNode<unknown> {
  private counter: number;

  constructor(private readonly ctx: NodeContext<unknown>) {
    this.counter = ctx.disk.read().length;
  }

  start(): void {
    this.ctx.setTimer(1 + this.ctx.random() * 10, 'tick');
  }

  onTimer(name: string): void {
    const peers = this.ctx.peers;
    if (peers.length > 0) {
      const to = peers[Math.floor(this.ctx.random() * peers.length)]!;
      this.ctx.send(to, { kind: 'gossip', n: this.counter++, at: this.ctx.now() });
    }
    this.persist();
    this.ctx.setTimer(1 + this.ctx.random() * 10, name);
    if (this.ctx.random() < 0.1) this.ctx.setTimer(this.ctx.random() * 5, 'extra');
    if (this.ctx.random() < 0.05) this.ctx.cancelTimer('extra');
  }

  onMessage(from: string, msg: unknown): void {
    const { kind, n } = msg as { kind: string; n: number };
    if (kind === 'gossip' && this.ctx.random() < 0.5) this.ctx.send(from, { kind: 'ack', n });
    if (this.ctx.random() < 0.05) this.ctx.trace('noticed', { from, n });
  }

  private persist(): void {
    try {
      this.ctx.disk.append({ n: this.counter });
      if (this.ctx.random() < 0.3) this.ctx.disk.fsync();
    } catch (error) {
      if (!(error instanceof DiskFullError)) throw error;
      this.ctx.trace('disk-full');
    }
  }
}
