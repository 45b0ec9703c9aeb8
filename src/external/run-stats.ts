import type { Op } from '../history/op.js';
import { clientPairs, percentiles } from './checks/pairs.js';

/** Availability and latency of the client ops (final reads apart). */
export interface RunStatsSummary {
  ops: number;
  ok: number;
  fail: number;
  info: number;
  /** Share of ops that completed ok, in [0, 1]. */
  availability: number;
  /** Latency of ok ops, ms, by f and over all. */
  latencyMs: Record<string, ReturnType<typeof percentiles>>;
}

/**
 * Counts and latency percentiles of a run's client ops before the final reads.
 *
 * @example
 * runStats(history, finalFromIndex).availability; // e.g. 0.93
 */
export function runStats(history: readonly Op[], finalFromIndex: number): RunStatsSummary {
  const pairs = clientPairs(history).filter((pair) => pair.invoke.index < finalFromIndex);
  const count = (type: string): number => pairs.filter((pair) => (pair.complete?.type ?? 'info') === type).length;
  const ok = pairs.filter((pair) => pair.complete?.type === 'ok');
  const latencyMs: Record<string, ReturnType<typeof percentiles>> = { all: percentiles(ok.map((pair) => (pair.complete!.time - pair.invoke.time) / 1e6)) };
  for (const f of new Set(ok.map((pair) => pair.invoke.f))) {
    latencyMs[f] = percentiles(ok.filter((pair) => pair.invoke.f === f).map((pair) => (pair.complete!.time - pair.invoke.time) / 1e6));
  }
  return { ops: pairs.length, ok: ok.length, fail: count('fail'), info: count('info'), availability: pairs.length === 0 ? 0 : Math.round((ok.length / pairs.length) * 1000) / 1000, latencyMs };
}
