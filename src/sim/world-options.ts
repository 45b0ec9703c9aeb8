import type { ImmutableDataMode } from './immutable-data.js';
import type { LatencyDistribution } from './latency.js';
import type { LinkConfig } from './link.js';
import type { TraceOptions } from './trace.js';

/**
 * Initial network settings, applied to every link (faults may change them
 * later, per link or globally). `countBytes: false` skips measuring message
 * sizes (stats then report 0 bytes).
 */
export interface NetworkOptions extends Partial<LinkConfig> {
  countBytes?: boolean;
}

/**
 * Everything that shapes a {@link World} before the first event: the seed fixes
 * every random choice; the rest are initial settings.
 */
export interface WorldOptions {
  seed: number;
  network?: NetworkOptions;
  /** Records a node's disk holds before appends throw DiskFullError (default: unlimited). */
  diskCapacityRecords?: number;
  trace?: TraceOptions;
  /**
   * How data is passed between nodes that declare `immutableData`: as it is
   * (`'trust'`) or deep-frozen (`'verify'`). Default: see {@link defaultImmutableDataMode}.
   */
  immutableData?: ImmutableDataMode;
}

/**
 * Latency when none is configured: a quiet LAN.
 *
 * @example
 * world.setLatency(DEFAULT_LATENCY_MS); // undo a latency fault
 */
export const DEFAULT_LATENCY_MS: LatencyDistribution = { kind: 'uniform', min: 1, max: 5 };

/**
 * The link config every link starts with, given the world's network options.
 *
 * @example
 * linkDefaults({ lossProbability: 0.1 }).reorderDelayMs; // 20
 */
export function linkDefaults(network: NetworkOptions = {}): LinkConfig {
  return {
    latencyMs: network.latencyMs ?? DEFAULT_LATENCY_MS,
    extraLatencyMs: network.extraLatencyMs ?? 0,
    lossProbability: network.lossProbability ?? 0,
    duplicateProbability: network.duplicateProbability ?? 0,
    reorderProbability: network.reorderProbability ?? 0,
    reorderDelayMs: network.reorderDelayMs ?? 20,
  };
}
