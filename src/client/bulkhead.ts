import { requireInteger } from '../config/config-error.js';
import { join, requireBoolean } from '../config/config-checks.js';

/**
 * A bulkhead per target node: at most `maxConcurrent` requests in flight to one
 * node across all client processes; further requests wait in a FIFO queue of at
 * most `maxQueued`, and beyond that are rejected at once (recorded as fail
 * 'bulkhead-full': they were never sent). A slow node thus ties up a bounded share
 * of the clients instead of all of them.
 */
export interface BulkheadConfig {
  /** Whether requests go through bulkheads at all. Default false. */
  enabled: boolean;
  /** Requests in flight at once to one node. Default 4. */
  maxConcurrent: number;
  /** Requests waiting for a slot to one node; 0 = reject at once when full. Default 8. */
  maxQueued: number;
}

/**
 * The documented defaults of {@link BulkheadConfig}.
 *
 * @example
 * defaultBulkheadConfig().maxConcurrent; // 4
 */
export function defaultBulkheadConfig(): BulkheadConfig {
  return {
  enabled: false,
  maxConcurrent: 4,
  maxQueued: 8,
};
}

/**
 * Throws a ConfigError naming the bad field.
 *
 * @example
 * validateBulkheadConfig({ enabled: true, maxConcurrent: 0, maxQueued: 0 }, 'client.bulkhead');
 * // throws "client.bulkhead.maxConcurrent: 0 must be an integer >= 1"
 */
export function validateBulkheadConfig(config: BulkheadConfig, path: string): void {
  requireBoolean(join(path, 'enabled'), config.enabled);
  requireInteger(join(path, 'maxConcurrent'), config.maxConcurrent, 1);
  requireInteger(join(path, 'maxQueued'), config.maxQueued, 0);
}

/**
 * What {@link Bulkhead.acquire} did with a request.
 *
 * @example
 * const admission: BulkheadAdmission = bulkhead.acquire(() => send());
 */
export type BulkheadAdmission = 'granted' | 'queued' | 'rejected';

/**
 * One node's bulkhead. A queued request's `onGranted` runs when an earlier one
 * releases its slot, inside that release.
 *
 * @example
 * const b = new Bulkhead({ enabled: true, maxConcurrent: 1, maxQueued: 1 });
 * b.acquire(() => {});              // 'granted'
 * b.acquire(() => send());          // 'queued'
 * b.acquire(() => {});              // 'rejected'
 * b.release();                      // runs send(): the queued request now holds the slot
 */
export class Bulkhead {
  private inFlightCount = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly config: BulkheadConfig) {}

  get inFlight(): number {
    return this.inFlightCount;
  }

  get queued(): number {
    return this.waiting.length;
  }

  acquire(onGranted: () => void): BulkheadAdmission {
    if (this.inFlightCount < this.config.maxConcurrent) {
      this.inFlightCount++;
      return 'granted';
    }
    if (this.waiting.length < this.config.maxQueued) {
      this.waiting.push(onGranted);
      return 'queued';
    }
    return 'rejected';
  }

  /** Frees a slot; the oldest waiting request, if any, takes it over at once. */
  release(): void {
    const next = this.waiting.shift();
    if (next === undefined) {
      this.inFlightCount--;
      return;
    }
    next();
  }
}

/**
 * The bulkheads of every target node, made on first use and shared by all client
 * processes of a run.
 *
 * @example
 * const bulkheads = new Bulkheads(defaultBulkheadConfig());
 * bulkheads.forNode('n1').acquire(() => {});
 */
export class Bulkheads {
  private readonly byNode = new Map<string, Bulkhead>();

  constructor(readonly config: BulkheadConfig) {}

  forNode(nodeId: string): Bulkhead {
    let bulkhead = this.byNode.get(nodeId);
    if (bulkhead === undefined) {
      bulkhead = new Bulkhead(this.config);
      this.byNode.set(nodeId, bulkhead);
    }
    return bulkhead;
  }
}
