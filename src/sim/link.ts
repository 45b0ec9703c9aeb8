import type { LatencyDistribution } from './latency.js';

/**
 * How one directed link behaves. Probabilities are in [0, 1].
 * `reorderProbability`: chance a message is held back by an extra random delay
 * of up to `reorderDelayMs`, so later messages may overtake it; messages not
 * held back keep their send order on the link (FIFO).
 */
export interface LinkConfig {
  latencyMs: LatencyDistribution;
  /** Added to every message's latency (a slow link), on top of the distribution. */
  extraLatencyMs: number;
  lossProbability: number;
  duplicateProbability: number;
  reorderProbability: number;
  reorderDelayMs: number;
}

/**
 * Per directed link counters. A duplicate counts as one more sent message.
 * `bytes` is the `JSON.stringify` length of the messages sent (0 when byte
 * counting is off).
 *
 * @example
 * world.stats.link('n1', 'n2'); // { from: 'n1', to: 'n2', sent: 10, delivered: 9, dropped: 1, duplicated: 0, bytes: 420 }
 */
export interface LinkStats {
  from: string;
  to: string;
  sent: number;
  delivered: number;
  dropped: number;
  duplicated: number;
  bytes: number;
}

/** A directed link's live state: its config, counters, and FIFO watermark. */
export class Link {
  blocked = false;
  /** Arrival time of the last in-order message: later ones may not arrive before it. */
  lastArrivalMs = 0;
  readonly stats: LinkStats;

  constructor(
    readonly from: string,
    readonly to: string,
    public config: LinkConfig,
  ) {
    this.stats = { from, to, sent: 0, delivered: 0, dropped: 0, duplicated: 0, bytes: 0 };
  }
}
