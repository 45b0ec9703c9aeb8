/**
 * Re-fetching keys found rotten at restart (with checksums): the node asks the
 * key's other replicas for their state, merges what they answer, and answers
 * for the key again only once enough of them have answered that any write it
 * had acknowledged is among them: N - W + 1 others (a write acknowledged here
 * sits on W - 1 others, so at most N - W of them can lack it).
 *
 * @example
 * const refetch = new KeyRefetch(env);
 * refetch.start();                    // asks at once when the store found damage
 * refetch.onReply('n2', reply);       // true: it was one of its asks
 */
import { DiskFullError } from '../../sim/node.js';
import type { ReplicaReadReply } from './messages.js';
import type { NodeEnv } from './node-env.js';

/** The timer that asks again while keys are still damaged. */
export const REFETCH_TIMER = 'refetch';

/** Op ids of re-fetch asks start with this, so their replies are told apart from a coordinator's. */
const REFETCH_PREFIX = 'refetch.';

/**
 * One node's re-fetching of damaged keys (see the file's description).
 *
 * @example
 * if (name === REFETCH_TIMER) refetch.onTimer();
 */
export class KeyRefetch {
  /** Per damaged key, the other replicas whose state has been merged here. */
  private readonly heard = new Map<string, Set<string>>();
  /** The key each outstanding ask is about, by op id. */
  private readonly asks = new Map<string, string>();

  constructor(private readonly env: NodeEnv) {}

  start(): void {
    const { store, ctx } = this.env;
    for (const dropped of store.droppedAtStart) ctx.trace('corrupt-dropped', { where: 'disk', kind: dropped.kind, key: dropped.key });
    if (store.damagedKeys().length > 0) this.onTimer();
  }

  /** Asks every other replica of each damaged key not yet heard from; again later while any is left. */
  onTimer(): void {
    const { store, ctx, config } = this.env;
    const damaged = store.damagedKeys();
    if (damaged.length === 0) return;
    this.asks.clear();
    for (const key of damaged) {
      const heard = this.heard.get(key) ?? new Set<string>();
      this.heard.set(key, heard);
      for (const owner of this.env.owners(key)) {
        if (owner === this.env.id || heard.has(owner)) continue;
        const opId = `${REFETCH_PREFIX}${this.env.newId()}`;
        this.asks.set(opId, key);
        ctx.send(owner, { kind: 'replica-read', opId, key });
      }
    }
    ctx.setTimer(config.replicaTimeoutMs * 2, REFETCH_TIMER);
  }

  /** Takes a replica's answer to one of its asks; false when the reply is a coordinator's. */
  onReply(from: string, reply: ReplicaReadReply): boolean {
    if (!reply.opId.startsWith(REFETCH_PREFIX)) return false;
    const key = this.asks.get(reply.opId);
    if (key === undefined || !this.env.store.isDamaged(key)) return true;
    this.asks.delete(reply.opId);
    try {
      if (reply.state !== null) this.env.store.merge(key, reply.state);
    } catch (error) {
      if (!(error instanceof DiskFullError)) throw error;
      return true;
    }
    const heard = this.heard.get(key)!;
    heard.add(from);
    const { n, w } = this.env.config;
    if (heard.size >= n - w + 1 && this.env.store.markRefetched(key)) {
      this.env.ctx.trace('key-refetched', { key, from: [...heard].sort() });
      this.heard.delete(key);
    }
    return true;
  }
}
