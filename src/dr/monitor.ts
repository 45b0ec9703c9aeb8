import type { NodeContext, SimNode } from '../sim/node.js';
import type { DrMessage } from './messages.js';

/**
 * The cloud's control plane, as far as failover needs it: start a machine that
 * was not running (a restore target, serving capacity kept off).
 */
export interface ControlPlane {
  provision(id: string): void;
}

/**
 * What the monitor does when every serving node has failed: promote a standby
 * (`{ promote: id }`) or start a machine that restores itself
 * (`{ provision: id }`), in this order until one serves.
 */
export type Successor = { promote: string } | { provision: string };

/**
 * The monitor's settings: the serving nodes it watches, its heartbeat period
 * and the silence after which a node counts as failed, who takes over, and the
 * clients it tells where to write.
 *
 * @example
 * const config: MonitorConfig = { serving: ['p'], successors: [{ promote: 's' }], clients: ['c1'], pingEveryMs: 50, detectMs: 300 };
 */
export interface MonitorConfig {
  serving: string[];
  successors: Successor[];
  clients: string[];
  pingEveryMs: number;
  detectMs: number;
}

/**
 * A heartbeat failure detector with the failover runbook: it pings every
 * serving node, drops one silent for `detectMs` from the route it gives the
 * clients, and when none is left starts the next successor, asking it again
 * each period until it answers that it serves.
 *
 * @example
 * world.addNode('m', (ctx) => new Monitor(ctx, config, controlPlane));
 */
export class Monitor implements SimNode<DrMessage> {
  private serving: string[];
  private readonly lastHeardMs = new Map<string, number>();
  private next = 0;
  private current: Successor | undefined;

  constructor(
    private readonly ctx: NodeContext<DrMessage>,
    private readonly config: MonitorConfig,
    private readonly controlPlane: ControlPlane,
  ) {
    this.serving = [...config.serving];
  }

  start(): void {
    for (const node of this.serving) this.lastHeardMs.set(node, this.ctx.now());
    this.ctx.setTimer(this.config.pingEveryMs, 'tick');
  }

  onMessage(from: string, msg: DrMessage): void {
    if (msg.t === 'pong') this.lastHeardMs.set(from, this.ctx.now());
    else if (msg.t === 'serving' && !this.serving.includes(from)) {
      this.serving.push(from);
      this.lastHeardMs.set(from, this.ctx.now());
      this.current = undefined;
      this.ctx.trace('failover-done', { node: from });
      this.announce();
    }
  }

  onTimer(): void {
    const now = this.ctx.now();
    const failed = this.serving.filter((node) => now - (this.lastHeardMs.get(node) ?? now) > this.config.detectMs);
    if (failed.length > 0) {
      this.serving = this.serving.filter((node) => !failed.includes(node));
      this.ctx.trace('failure-detected', { nodes: failed });
      this.announce();
    }
    if (this.serving.length === 0) this.failover();
    for (const node of this.serving) this.ctx.send(node, { t: 'ping' });
    this.ctx.setTimer(this.config.pingEveryMs, 'tick');
  }

  private failover(): void {
    if (this.current === undefined) {
      this.current = this.config.successors[this.next++];
      if (this.current === undefined) return;
      if ('provision' in this.current) this.controlPlane.provision(this.current.provision);
    }
    if ('promote' in this.current) this.ctx.send(this.current.promote, { t: 'promote' });
  }

  private announce(): void {
    for (const client of this.config.clients) this.ctx.send(client, { t: 'route', serving: [...this.serving] });
  }
}
