import type { NodeContext, SimNode } from '../sim/node.js';
import type { ClientReply, ClientRequest } from '../store/protocol.js';

/**
 * One write a store acknowledged, as the client saw it: its key (each write has
 * its own), when the ack came and which node sent it.
 */
export interface StoreAck {
  key: string;
  atMs: number;
  node: string;
  /** When the attempt that was acknowledged left the writer (earlier attempts may have failed). */
  sentAtMs: number;
}

/**
 * A store writer's settings: the store's nodes (the first is tried first), the
 * pause between writes, how long it waits for an answer before trying the next
 * node, and a prefix that keeps several writers' keys apart.
 *
 * @example
 * const config: StoreWriterConfig = { nodes: ['n1', 'n2'], writeEveryMs: 5, timeoutMs: 200, prefix: 'c1-' };
 */
export interface StoreWriterConfig {
  nodes: readonly string[];
  writeEveryMs: number;
  timeoutMs: number;
  prefix: string;
}

/**
 * A client of a store that writes without end, one write at a time, each to a
 * key of its own (so a lost write shows as a missing key): it follows
 * redirects to the leader they name, tries the next node on a silence of
 * `timeoutMs` or a refusal, and records every ack in `acks`.
 *
 * @example
 * const acks: StoreAck[] = [];
 * world.addNode('c1', (ctx) => new StoreWriter(ctx, config, acks), { kind: 'client' });
 */
export class StoreWriter implements SimNode<ClientRequest | ClientReply> {
  private target = 0;
  private pending: { key: string; value: number } | undefined;
  private attempt = 0;
  private count = 0;
  private sentAtMs = 0;

  constructor(
    private readonly ctx: NodeContext<ClientRequest | ClientReply>,
    private readonly config: StoreWriterConfig,
    private readonly acks: StoreAck[],
  ) {}

  start(): void {
    this.ctx.setTimer(this.config.writeEveryMs, 'next');
  }

  onMessage(from: string, msg: ClientRequest | ClientReply): void {
    if (msg.kind !== 'client-reply' || this.pending === undefined || msg.requestId !== this.requestId()) return;
    if (msg.outcome === 'ok') {
      this.acks.push({ key: this.pending.key, atMs: this.ctx.now(), node: from, sentAtMs: this.sentAtMs });
      this.pending = undefined;
      this.ctx.cancelTimer('timeout');
      this.ctx.setTimer(this.config.writeEveryMs, 'next');
    } else if (msg.outcome === 'redirect' && msg.leader !== undefined) {
      this.target = Math.max(0, this.config.nodes.indexOf(msg.leader));
      this.send();
    } else {
      // No leader known, a refusal or an unknown outcome: the same write, at the next node, after a pause.
      this.target++;
      this.ctx.cancelTimer('timeout');
      this.ctx.setTimer(this.config.writeEveryMs, 'retry');
    }
  }

  onTimer(name: string): void {
    if (name === 'next') {
      this.count++;
      this.pending = { key: `${this.config.prefix}${this.count}`, value: this.count };
      this.send();
    } else if (name === 'timeout') {
      this.target++;
      this.send();
    } else if (name === 'retry' && this.pending !== undefined) {
      this.send();
    }
  }

  private requestId(): string {
    return `${this.config.prefix}${this.attempt}`;
  }

  private send(): void {
    if (this.pending === undefined) return;
    this.attempt++;
    this.sentAtMs = this.ctx.now();
    this.ctx.setTimer(this.config.timeoutMs, 'timeout');
    const to = this.config.nodes[this.target % this.config.nodes.length]!;
    this.ctx.send(to, { kind: 'client-request', requestId: this.requestId(), f: 'write', key: this.pending.key, value: this.pending.value });
  }
}
