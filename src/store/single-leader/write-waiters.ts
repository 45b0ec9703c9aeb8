import type { StoreNodeContext } from '../trace-events.js';
import type { ClientReply } from '../protocol.js';

/**
 * The part of a reply decided when the request was handled; sent once its offset is acknowledged.
 */
export type ReplyBody = Omit<ClientReply, 'kind' | 'requestId'>;

/**
 * A client waiting for the acknowledgement point to reach `offset`.
 */
export interface Waiter {
  requestId: string;
  client: string;
  offset: number;
  reply: ReplyBody;
}

/** Prefix of the per-request timeout timers (writes and reads share it). */
export const REQUEST_TIMER_PREFIX = 'timeout:';

/**
 * Replies held back until what they report is acknowledged. A write's ok waits for
 * its entry; a failed cas and an idempotent retry wait for the entry they depend on,
 * so a client never learns something a failover could still undo. A reply that does
 * not come within the request timeout becomes 'error' (unknown outcome: the entry
 * stays in the log and may still be acknowledged later).
 *
 * @example
 * waiters.add({ requestId: 'r1', client: 'c1', offset: 5, reply: { outcome: 'ok', value: 1 } }, commitOffset);
 * waiters.resolveUpTo(5); // sends r1's reply
 */
export class WriteWaiters {
  private readonly pending = new Map<string, Waiter>();

  constructor(
    private readonly ctx: StoreNodeContext<unknown>,
    private readonly timeoutMs: number,
    private readonly send: (to: string, requestId: string, reply: ReplyBody) => void,
  ) {}

  /** Number of replies still held back. */
  get size(): number {
    return this.pending.size;
  }

  /** Replies at once when `offset` is already acknowledged, else waits for it. */
  add(waiter: Waiter, acknowledgedOffset: number): void {
    if (waiter.offset <= acknowledgedOffset) return this.send(waiter.client, waiter.requestId, waiter.reply);
    this.pending.set(waiter.requestId, waiter);
    this.ctx.setTimer(this.timeoutMs, REQUEST_TIMER_PREFIX + waiter.requestId);
  }

  /** Sends every reply whose offset is now acknowledged. */
  resolveUpTo(acknowledgedOffset: number): void {
    for (const [requestId, waiter] of this.pending) {
      if (waiter.offset > acknowledgedOffset) continue;
      this.pending.delete(requestId);
      this.ctx.cancelTimer(REQUEST_TIMER_PREFIX + requestId);
      this.send(waiter.client, requestId, waiter.reply);
    }
  }

  /** The request timed out: unknown outcome. False when it was not waiting here. */
  expire(requestId: string): boolean {
    const waiter = this.pending.get(requestId);
    if (waiter === undefined) return false;
    this.pending.delete(requestId);
    this.send(waiter.client, requestId, { outcome: 'error', error: 'timeout' });
    return true;
  }

  /** Leadership is lost: every held reply becomes unknown (the entry may survive or not). */
  failAll(error: string): void {
    for (const [requestId, waiter] of this.pending) {
      this.ctx.cancelTimer(REQUEST_TIMER_PREFIX + requestId);
      this.send(waiter.client, requestId, { outcome: 'error', error });
    }
    this.pending.clear();
  }
}
