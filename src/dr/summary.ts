import type { RecoveryMeasure } from './run-recovery.js';

/**
 * p50 and p99 of a measure over runs; `null` when that percentile falls on a
 * run that never recovered (no value to give).
 */
export interface Percentiles {
  p50: number | null;
  p99: number | null;
}

/**
 * One setup measured over many runs: RTO, RPO (writes and ms) as p50/p99, the
 * runs that did not recover, and the mean cost per run.
 *
 * @example
 * summarize('hot', measures).rtoMs.p99;
 */
export interface RecoverySummary {
  name: string;
  rtoMs: Percentiles;
  rpoWrites: Percentiles;
  rpoMs: Percentiles;
  /** Runs with no acknowledged write after the failure before the run ended. */
  unrecovered: number;
  cost: { nodeSeconds: number; bytesShipped: number; bytesReplicated: number };
}

/**
 * Nearest-rank percentile `q` (0..1) of values where null stands for "never"
 * (sorted last); null when the rank lands on one.
 *
 * @example
 * percentile([3, 1, null, 2], 0.5); // 2
 * percentile([3, 1, null, 2], 0.99); // null
 */
export function percentile(values: readonly (number | null)[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : a - b));
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  const value = sorted[rank - 1]!;
  return value === null ? null : round(value);
}

/**
 * Summarizes the runs of one setup. Costs are means per run, rounded.
 *
 * @example
 * summarize('warm', [runStandby('warm', 1, RECOVERY_TIMING)]).unrecovered; // 0
 */
export function summarize(name: string, measures: readonly RecoveryMeasure[]): RecoverySummary {
  const pair = (pick: (m: RecoveryMeasure) => number | null): Percentiles => {
    const values = measures.map(pick);
    return { p50: percentile(values, 0.5), p99: percentile(values, 0.99) };
  };
  const mean = (pick: (m: RecoveryMeasure) => number) => measures.reduce((sum, m) => sum + pick(m), 0) / Math.max(1, measures.length);
  return {
    name,
    rtoMs: pair((m) => m.rtoMs),
    rpoWrites: pair((m) => m.rpoWrites),
    rpoMs: pair((m) => m.rpoMs),
    unrecovered: measures.filter((m) => m.rtoMs === null).length,
    cost: {
      nodeSeconds: round(mean((m) => m.nodeSeconds)),
      bytesShipped: Math.round(mean((m) => m.bytesShipped)),
      bytesReplicated: Math.round(mean((m) => m.bytesReplicated)),
    },
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
