/**
 * Client latency and success by phase of a run: before the first fault, while
 * a fault is in force, and after (once healed).
 */
import type { ClientOp } from './client-ops.js';
import type { FaultInterval } from './nemesis-faults.js';

/**
 * One phase's ops and the latency percentiles of its successful ones (ms; null when none succeeded).
 */
export interface PhaseLatency {
  phase: 'before' | 'during' | 'after';
  ops: number;
  ok: number;
  fail: number;
  info: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}

/**
 * Splits ops by the phase their invocation fell in, and summarises each.
 *
 * @example
 * latencyByPhase(ops, faults).map((p) => p.p99Ms); // [3.1, 152, 4.2]
 */
export function latencyByPhase(ops: readonly ClientOp[], faults: readonly FaultInterval[]): PhaseLatency[] {
  const firstFaultNs = Math.min(Infinity, ...faults.map((f) => f.startNs));
  const phaseOf = (op: ClientOp): PhaseLatency['phase'] => {
    if (op.callNs < firstFaultNs) return 'before';
    return faults.some((f) => f.startNs <= op.callNs && op.callNs < f.endNs) ? 'during' : 'after';
  };
  const byPhase = { before: [] as ClientOp[], during: [] as ClientOp[], after: [] as ClientOp[] };
  for (const op of ops) byPhase[phaseOf(op)].push(op);
  return (['before', 'during', 'after'] as const).map((phase) => summarise(phase, byPhase[phase]));
}

function summarise(phase: PhaseLatency['phase'], ops: readonly ClientOp[]): PhaseLatency {
  const latencies = ops.filter((op) => op.outcome === 'ok').map((op) => (op.completeNs - op.callNs) / 1e6).sort((a, b) => a - b);
  return {
    phase,
    ops: ops.length,
    ok: latencies.length,
    fail: ops.filter((op) => op.outcome === 'fail').length,
    info: ops.filter((op) => op.outcome === 'info').length,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
  };
}

/**
 * The nearest-rank percentile of sorted values (null for none).
 *
 * @example
 * percentile([1, 2, 3, 4], 50); // 2
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}
