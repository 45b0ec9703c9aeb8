/**
 * The counter checker: every read of a counter must lie between what the
 * increments certainly did and what they possibly did. Below the bound an
 * acknowledged increment is missing (a lost write); above it some increment was
 * counted more often than it was issued (a retried increment applied twice).
 */
import type { Op } from '../history/op.js';
import type { ReplicaState } from '../store/definition.js';
import { clientOps, groupBy } from './_internals/client-ops.js';
import { replicaObservations } from './_internals/final-reads.js';
import { IncrementSums } from './_internals/increment-sums.js';
import type { Checker, Verdict } from './checker.js';

/**
 * Options of {@link checkCounter}.
 *
 * @example
 * checkCounter(history, { initial: 0, finalStates: run.replicaStates });
 */
export interface CounterOptions {
  /** The counter's value before any increment. Default 0. */
  initial?: number;
  /** Replica states at the end: each replica's total is judged like a read made after every op. */
  finalStates?: Record<string, ReplicaState>;
  /** Violations listed in the evidence (all are counted). Default 20. */
  maxListed?: number;
}

/**
 * A read outside its bounds. `lower`: initial + the acknowledged increments
 * completed before the read began (+ every decrement that may have happened);
 * `upper`: initial + every increment, acknowledged or indeterminate, invoked
 * before the read ended (+ the decrements certainly done).
 */
export interface CounterViolation {
  key: string | number | undefined;
  /** The read ("p1 at #12") or the replica ("n2") that showed the value. */
  by: string;
  value: number;
  lower: number;
  upper: number;
  kind: 'lost-write' | 'double-apply';
}

/**
 * The evidence of {@link checkCounter}.
 *
 * @example
 * checkCounter(history).detail!.reads; // reads checked
 */
export interface CounterDetail {
  reads: number;
  increments: { acknowledged: number; indeterminate: number };
  violations: CounterViolation[];
  lostWrites: number;
  doubleApplies: number;
}

const INCREMENTS = new Set(['add', 'incr', 'increment']);
const READS = new Set(['read', 'get']);

/**
 * Checks counter reads (and, when given, final replica totals) against their
 * bounds, per key. Invalid with 'double-apply' when a value exceeds its upper
 * bound, else 'lost-write' when one falls below its lower bound.
 *
 * @example
 * checkCounter([
 *   { index: 0, time: 0, process: 0, type: 'invoke', f: 'add', value: 2 },
 *   { index: 1, time: 1, process: 0, type: 'ok', f: 'add', value: 2 },
 *   { index: 2, time: 2, process: 1, type: 'invoke', f: 'read', value: null },
 *   { index: 3, time: 3, process: 1, type: 'ok', f: 'read', value: 4 },
 * ]).anomaly; // 'double-apply'
 */
export function checkCounter(history: readonly Op[], options: CounterOptions = {}): Verdict<CounterDetail> {
  const initial = options.initial ?? 0;
  const violations: CounterViolation[] = [];
  const detail: CounterDetail = { reads: 0, increments: { acknowledged: 0, indeterminate: 0 }, violations: [], lostWrites: 0, doubleApplies: 0 };
  for (const [key, ops] of groupBy(clientOps(history), (op) => op.key)) {
    const increments = ops.filter((op) => INCREMENTS.has(op.f) && op.outcome !== 'fail');
    const reads = ops.filter((op) => READS.has(op.f) && op.outcome === 'ok' && typeof op.output === 'number');
    if (increments.length === 0 && reads.length === 0) continue;
    detail.increments.acknowledged += increments.filter((op) => op.outcome === 'ok').length;
    detail.increments.indeterminate += increments.filter((op) => op.outcome === 'info').length;
    const sums = new IncrementSums(increments, initial);
    const judge = (by: string, value: number, bounds: { lower: number; upper: number }) => {
      detail.reads++;
      if (value < bounds.lower) violations.push({ key, by, value, ...bounds, kind: 'lost-write' });
      else if (value > bounds.upper) violations.push({ key, by, value, ...bounds, kind: 'double-apply' });
    };
    for (const read of reads) judge(`p${read.process} at #${read.invokeIndex}`, read.output as number, sums.bounds(read.call, read.ret));
    for (const seen of replicaObservations(options.finalStates, key)) {
      if (seen.values.length === 1 && typeof seen.values[0] === 'number') judge(seen.by, seen.values[0], sums.bounds(Infinity, Infinity));
    }
  }
  detail.lostWrites = violations.filter((v) => v.kind === 'lost-write').length;
  detail.doubleApplies = violations.filter((v) => v.kind === 'double-apply').length;
  detail.violations = violations.slice(0, options.maxListed ?? 20);
  const first = violations.find((v) => v.kind === 'double-apply') ?? violations[0];
  if (first === undefined) return { valid: true, reason: `all ${detail.reads} counter reads within their bounds`, detail };
  const where = first.key === undefined ? '' : `key ${String(first.key)}: `;
  const why = first.kind === 'double-apply' ? 'above every total the increments allow' : 'below the acknowledged increments';
  return {
    valid: false,
    anomaly: first.kind,
    reason: `${violations.length} counter reads out of bounds; ${where}${first.by} read ${first.value}, ${why} [${first.lower}, ${first.upper}]`,
    detail,
  };
}


/**
 * The counter checker from `initial` (default 0): every read within the bounds
 * the increments allow, and, when the context has them, every replica's final total.
 *
 * @example
 * counterChecker().check(history.ops, {}).anomaly; // 'double-apply' for a read above every possible total
 */
export function counterChecker(options: { initial?: number } = {}): Checker {
  return {
    name: 'counter',
    check(history, context) {
      const initial = options.initial ?? 0;
      return checkCounter(history, context.replicaStates === undefined ? { initial } : { initial, finalStates: context.replicaStates });
    },
  };
}
