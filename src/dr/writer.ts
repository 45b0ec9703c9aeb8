import type { NodeContext, SimNode } from '../sim/node.js';
import type { DrMessage } from './messages.js';

/**
 * One acknowledged write, as the client saw it: when the ack came, and which
 * node's log holds it at which index.
 */
export interface AckedWrite {
  id: number;
  atMs: number;
  origin: string;
  index: number;
}

/**
 * A writer's settings: where it writes first, the pause between writes, how
 * long it waits for an ack before trying the next serving node, and the keys
 * it writes. `idBase` keeps the ids of several writers apart.
 *
 * @example
 * const config: WriterConfig = { serving: ['p'], writeEveryMs: 5, timeoutMs: 200, keys: 100, idBase: 0 };
 */
export interface WriterConfig {
  serving: string[];
  writeEveryMs: number;
  timeoutMs: number;
  keys: number;
  idBase: number;
}

/**
 * A client that writes without end, one write at a time: it sends a write to
 * the first serving node it knows, waits for the ack (or tries the next node
 * after `timeoutMs`, or at once when the monitor announces a new route), and
 * records every ack in `acks`.
 *
 * @example
 * const acks: AckedWrite[] = [];
 * world.addNode('c1', (ctx) => new Writer(ctx, config, acks), { kind: 'client' });
 */
export class Writer implements SimNode<DrMessage> {
  private route: string[];
  private target = 0;
  private pending: { id: number; key: string; value: number } | undefined;
  private count = 0;

  constructor(
    private readonly ctx: NodeContext<DrMessage>,
    private readonly config: WriterConfig,
    private readonly acks: AckedWrite[],
  ) {
    this.route = [...config.serving];
  }

  start(): void {
    this.ctx.setTimer(this.config.writeEveryMs, 'next');
  }

  onMessage(_from: string, msg: DrMessage): void {
    if (msg.t === 'ack' && this.pending?.id === msg.id) {
      this.acks.push({ id: msg.id, atMs: this.ctx.now(), origin: msg.origin, index: msg.index });
      this.pending = undefined;
      this.ctx.cancelTimer('timeout');
      this.ctx.setTimer(this.config.writeEveryMs, 'next');
    } else if (msg.t === 'refuse' && this.pending?.id === msg.id) {
      this.target++;
      this.ctx.setTimer(this.config.writeEveryMs, 'retry');
    } else if (msg.t === 'route') {
      this.route = msg.serving;
      this.target = 0;
      if (this.pending !== undefined) this.send();
    }
  }

  onTimer(name: string): void {
    if (name === 'next') {
      this.count++;
      const key = `k${Math.floor(this.ctx.random() * this.config.keys)}`;
      this.pending = { id: this.config.idBase + this.count, key, value: this.config.idBase + this.count };
      this.send();
    } else if (name === 'timeout') {
      this.target++;
      this.send();
    } else if (name === 'retry' && this.pending !== undefined) {
      this.send();
    }
  }

  private send(): void {
    this.ctx.setTimer(this.config.timeoutMs, 'timeout');
    if (this.route.length === 0 || this.pending === undefined) return;
    const to = this.route[this.target % this.route.length]!;
    this.ctx.send(to, { t: 'write', ...this.pending });
  }
}
