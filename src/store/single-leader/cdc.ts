import type { CdcChange, CdcError } from './messages.js';
import type { SingleLeaderNode } from './node.js';

/**
 * Change data capture over row-based replication. A consumer sends
 * `{kind: 'cdc-subscribe', fromOffset}` to any node; that node sends it one
 * `cdc-change` per row change, in log order, for every entry from `fromOffset` up to
 * what it knows to be acknowledged, then each new one as it is acknowledged (live).
 * Entries without row changes (a new leader's no-op) send nothing.
 *
 * Subscriptions live in the node's memory: after a crash the consumer subscribes
 * again from the last offset it processed. If a failover truncates entries already
 * published (possible with async acks), the node publishes the replacements for
 * those offsets again: a consumer sees a repeated offset when history was rewritten.
 *
 * @example
 * world.node<SingleLeaderNode>('n1')!.cdc.subscribe('consumer', 1);
 */
export class CdcPublisher {
  /** Consumer id -> next offset to publish to it. */
  private readonly subscribers = new Map<string, number>();

  constructor(private readonly node: SingleLeaderNode) {}

  subscribe(consumer: string, fromOffset: unknown): void {
    if (this.node.config.replication !== 'row') return this.refuse(consumer, 'cdc-needs-row-replication');
    if (typeof fromOffset !== 'number' || !Number.isInteger(fromOffset)) return this.refuse(consumer, 'bad-offset');
    this.subscribers.set(consumer, Math.max(1, fromOffset));
    this.node.ctx.trace('cdc-subscribe', { consumer, fromOffset });
    this.publish(this.node.readableOffset());
  }

  /** Sends every subscriber the changes it has not had, up to `upToOffset`. */
  publish(upToOffset: number): void {
    const log = this.node.replica.log;
    for (const [consumer, next] of this.subscribers) {
      let offset = next;
      for (; offset <= upToOffset; offset++) {
        const entry = log.entryAt(offset);
        if (entry === undefined) break;
        if (entry.payload.kind !== 'row') continue;
        for (const row of entry.payload.changes) {
          const change: CdcChange = { kind: 'cdc-change', offset, epoch: entry.epoch, key: row.key, before: row.before, after: row.after };
          this.node.ctx.send(consumer, change);
        }
      }
      this.subscribers.set(consumer, offset);
    }
  }

  /** Entries after `offset` were truncated: publish their replacements again. */
  rewind(offset: number): void {
    for (const [consumer, next] of this.subscribers) if (next > offset + 1) this.subscribers.set(consumer, offset + 1);
  }

  private refuse(consumer: string, error: string): void {
    const message: CdcError = { kind: 'cdc-error', error };
    this.node.ctx.send(consumer, message);
  }
}
