/**
 * Prefix sums over a counter's increments, so each read's bounds cost two
 * binary searches: what was certainly applied before a read began (acknowledged
 * increments completed before it), and what may have been applied before it
 * ended (every increment not known to have failed, invoked before it).
 */
import type { ClientOp } from './client-ops.js';

/**
 * Bounds on a counter's value at a read, from its increments.
 *
 * @example
 * const sums = new IncrementSums(increments, 0);
 * sums.bounds(read.call, read.ret); // { lower: 3, upper: 7 }
 */
export class IncrementSums {
  private readonly doneRets: number[];
  private readonly donePositive: number[];
  private readonly doneNegative: number[];
  private readonly startedCalls: number[];
  private readonly startedPositive: number[];
  private readonly startedNegative: number[];

  /** @param increments acknowledged and indeterminate increments (failed ones left out) */
  constructor(increments: readonly ClientOp[], private readonly initial: number) {
    const done = increments.filter((op) => op.outcome === 'ok').sort((a, b) => a.ret - b.ret);
    const started = [...increments].sort((a, b) => a.call - b.call);
    this.doneRets = done.map((op) => op.ret);
    [this.donePositive, this.doneNegative] = prefixSums(done);
    this.startedCalls = started.map((op) => op.call);
    [this.startedPositive, this.startedNegative] = prefixSums(started);
  }

  /** Bounds for a read invoked at history index `call` and completed at `ret`. */
  bounds(call: number, ret: number): { lower: number; upper: number } {
    const done = countBelow(this.doneRets, call);
    const started = countBelow(this.startedCalls, ret);
    return {
      lower: this.initial + this.donePositive[done]! + this.startedNegative[started]!,
      upper: this.initial + this.startedPositive[started]! + this.doneNegative[done]!,
    };
  }
}

/** The increment an op asks for: its number, or 1 when it names none. */
function deltaOf(op: ClientOp): number {
  return typeof op.input === 'number' ? op.input : 1;
}

/** Running sums of the positive and of the negative deltas; entry i covers the first i ops. */
function prefixSums(ops: readonly ClientOp[]): [number[], number[]] {
  const positive = [0];
  const negative = [0];
  for (const op of ops) {
    const delta = deltaOf(op);
    positive.push(positive[positive.length - 1]! + Math.max(0, delta));
    negative.push(negative[negative.length - 1]! + Math.min(0, delta));
  }
  return [positive, negative];
}

/** How many of the sorted `values` are strictly below `limit`. */
function countBelow(values: readonly number[], limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid]! < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}
