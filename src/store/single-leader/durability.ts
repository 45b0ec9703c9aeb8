import type { StoreNodeContext } from '../trace-events.js';
import type { FsyncPolicy } from './config.js';

/** Name of the batched-fsync timer. */
export const FSYNC_TIMER = 'fsync';

/**
 * Runs work once what has been appended to disk is durable, under the node's fsync
 * policy: at once after an fsync ('every-write'), or at the next group fsync
 * ('batched', one fsync per interval for everything appended meanwhile). Acks wait
 * here, so nothing is acknowledged before it is on disk.
 *
 * @example
 * ctx.disk.append(record);
 * durability.afterDurable(() => reply());
 */
export class Durability {
  private waiting: (() => void)[] = [];
  private armed = false;

  constructor(
    private readonly ctx: StoreNodeContext<unknown>,
    private readonly policy: FsyncPolicy,
    private readonly intervalMs: number,
    /** Told after every fsync, so the node knows what is durable. */
    private readonly onSynced: () => void,
  ) {}

  /** Calls `then` once every record appended so far is durable. */
  afterDurable(then: () => void): void {
    if (this.ctx.disk.unsynced === 0 && this.waiting.length === 0) return then();
    if (this.policy === 'every-write') {
      this.fsync();
      return then();
    }
    this.waiting.push(then);
    if (!this.armed) {
      this.armed = true;
      this.ctx.setTimer(this.intervalMs, FSYNC_TIMER);
    }
  }

  /**
   * Makes what has been appended durable at the next group fsync, whatever the
   * policy, with nothing waiting for it (only the ack-before-fsync mutation does this).
   */
  syncLater(): void {
    if (this.ctx.disk.unsynced === 0 || this.armed) return;
    this.armed = true;
    this.ctx.setTimer(this.intervalMs, FSYNC_TIMER);
  }

  /** The batched fsync: makes everything durable and runs the work that waited for it. */
  onTimer(): void {
    this.armed = false;
    this.fsync();
    const ready = this.waiting;
    this.waiting = [];
    for (const then of ready) then();
  }

  private fsync(): void {
    this.ctx.disk.fsync();
    this.onSynced();
  }
}
