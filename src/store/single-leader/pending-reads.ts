import type { StoreNodeContext } from '../trace-events.js';
import { REQUEST_TIMER_PREFIX, type ReplyBody } from './write-waiters.js';

/**
 * A read the leader cannot answer yet. `confirmRound`: it waits until a majority has
 * acknowledged that heartbeat round (leadership confirmed after the read arrived);
 * without it, the read waits for a valid lease.
 */
export interface PendingRead {
  requestId: string;
  client: string;
  key: string;
  confirmRound?: number;
}

/**
 * Reads waiting for their leadership confirmation or lease. A read that times out is
 * answered 'fail': a read has no effect, so not serving it is a certain outcome.
 *
 * @example
 * reads.add({ requestId: 'r1', client: 'c1', key: 'x', confirmRound: 3 });
 * reads.serveReady((read) => quorumRound >= read.confirmRound!, (read) => table.read(read.key, commit));
 */
export class PendingReads {
  private readonly pending = new Map<string, PendingRead>();

  constructor(
    private readonly ctx: StoreNodeContext<unknown>,
    private readonly timeoutMs: number,
    private readonly send: (to: string, requestId: string, reply: ReplyBody) => void,
  ) {}

  get size(): number {
    return this.pending.size;
  }

  add(read: PendingRead): void {
    this.pending.set(read.requestId, read);
    this.ctx.setTimer(this.timeoutMs, REQUEST_TIMER_PREFIX + read.requestId);
  }

  /** Answers every read `isReady` accepts, with the value `valueOf` gives. */
  serveReady(isReady: (read: PendingRead) => boolean, valueOf: (read: PendingRead) => unknown): void {
    for (const [requestId, read] of this.pending) {
      if (!isReady(read)) continue;
      this.pending.delete(requestId);
      this.ctx.cancelTimer(REQUEST_TIMER_PREFIX + requestId);
      this.send(read.client, requestId, { outcome: 'ok', value: valueOf(read) });
    }
  }

  /** The read timed out. False when it was not waiting here. */
  expire(requestId: string): boolean {
    const read = this.pending.get(requestId);
    if (read === undefined) return false;
    this.pending.delete(requestId);
    this.send(read.client, requestId, { outcome: 'fail', error: 'read-timeout' });
    return true;
  }

  /** No longer the leader: send every waiting reader to `leader` (when known). */
  redirectAll(leader: string | undefined): void {
    for (const [requestId, read] of this.pending) {
      this.ctx.cancelTimer(REQUEST_TIMER_PREFIX + requestId);
      this.send(read.client, requestId, leader === undefined ? { outcome: 'redirect' } : { outcome: 'redirect', leader });
    }
    this.pending.clear();
  }
}
