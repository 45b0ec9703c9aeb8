import type { Op } from '../../history/op.js';

/** One client op: its invocation and completion (none when it never completed). */
export interface OpPair {
  invoke: Op;
  complete: Op | undefined;
}

/**
 * The history's client ops as invoke/completion pairs, in invocation order.
 *
 * @example
 * clientPairs(history).filter((p) => p.complete?.type === 'ok');
 */
export function clientPairs(history: readonly Op[]): OpPair[] {
  const open = new Map<number, OpPair>();
  const pairs: OpPair[] = [];
  for (const op of history) {
    if (op.process === 'nemesis') continue;
    if (op.type === 'invoke') {
      const pair = { invoke: op, complete: undefined };
      open.set(op.process, pair);
      pairs.push(pair);
    } else {
      const pair = open.get(op.process);
      if (pair !== undefined) pair.complete = op;
      open.delete(op.process);
    }
  }
  return pairs;
}

/**
 * Nearest-rank percentiles of `values`, rounded to 0.1.
 *
 * @example
 * percentiles([1, 2, 3, 4]); // { count: 4, p50: 2, p95: 4, p99: 4, max: 4 }
 */
export function percentiles(values: readonly number[]): { count: number; p50?: number; p95?: number; p99?: number; max?: number } {
  if (values.length === 0) return { count: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]! * 10) / 10;
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}
