import type { RegisterClusters } from './register-clusters.js';

/** When each op of a partition was invoked and completed (Infinity: never known to). */
export interface OpTimes {
  call: ArrayLike<number>;
  ret: ArrayLike<number>;
}

/**
 * Each cluster's zone (Gibbons & Korach; Golab, Li & Shah): `low` is the earliest
 * completion among its ops, `high` the latest invocation, and `lowOp`/`highOp` the ops
 * that set them (-1 for the initial value's write, which happened before everything:
 * low = high = -Infinity until a read says more). A cluster whose ops must all take
 * effect together as one block of the linearization (its write, then its reads) must
 * come before another when one of its ops completed before one of the other's began:
 * `low[a] < high[b]`. Clusters that are left out (an unread indeterminate write) get
 * low = +Infinity and high = -Infinity, which orders them against nothing.
 */
export interface Zones {
  low: Float64Array;
  high: Float64Array;
  lowOp: Int32Array;
  highOp: Int32Array;
}

/**
 * The zones of every cluster.
 *
 * @example
 * const { low, high } = clusterZones(times, clusters);
 */
export function clusterZones({ call, ret }: OpTimes, clusters: RegisterClusters): Zones {
  const { count, write, readStart, reads } = clusters;
  const low = new Float64Array(count).fill(Infinity);
  const high = new Float64Array(count).fill(-Infinity);
  const lowOp = new Int32Array(count).fill(-1);
  const highOp = new Int32Array(count).fill(-1);
  const include = (c: number, i: number): void => {
    if (ret[i]! < low[c]!) {
      low[c] = ret[i]!;
      lowOp[c] = i;
    }
    if (call[i]! > high[c]!) {
      high[c] = call[i]!;
      highOp[c] = i;
    }
  };
  low[0] = -Infinity;
  for (let c = 0; c < count; c++) {
    const start = readStart[c]!;
    const end = readStart[c + 1]!;
    const w = write[c]!;
    if (c > 0 && (ret[w] !== Infinity || end > start)) include(c, w);
    for (let r = start; r < end; r++) include(c, reads[r]!);
  }
  return { low, high, lowOp, highOp };
}

/**
 * Two clusters each of which must come before the other (`low[a] < high[b]` and
 * `low[b] < high[a]`), or undefined when there are none. Every cycle among clusters
 * contains such a pair (take the cluster of least `low` on the cycle: it must also
 * precede its predecessor), so none means the clusters can be ordered.
 *
 * O(n log n): sorted by `low`, the clusters that must precede b form a prefix (those
 * with low < high[b]); only the largest `high` in that prefix, other than b's own,
 * needs comparing with low[b].
 *
 * @example
 * const pair = zoneConflict(zones); // [a, b] or undefined
 */
export function zoneConflict({ low, high }: Zones): [number, number] | undefined {
  const count = low.length;
  const byLow = sortedByWeight(timeWeights(low, 1, () => 0)) ?? sortedBy(count, (a, b) => low[a]! - low[b]! || a - b);
  const sortedLow = new Float64Array(count);
  for (let i = 0; i < count; i++) sortedLow[i] = low[byLow[i]!]!;
  // best[i], second[i]: the clusters of largest high among byLow[0..i].
  const best = new Int32Array(count);
  const second = new Int32Array(count);
  let first = -1;
  let runnerUp = -1;
  for (let i = 0; i < count; i++) {
    const c = byLow[i]!;
    if (first === -1 || high[c]! > high[first]!) {
      runnerUp = first;
      first = c;
    } else if (runnerUp === -1 || high[c]! > high[runnerUp]!) {
      runnerUp = c;
    }
    best[i] = first;
    second[i] = runnerUp;
  }
  for (let b = 0; b < count; b++) {
    const prefix = countBelow(sortedLow, high[b]!);
    if (prefix === 0) continue;
    const a = best[prefix - 1] === b ? second[prefix - 1]! : best[prefix - 1]!;
    if (a !== -1 && low[b]! < high[a]!) return [a, b];
  }
  return undefined;
}

/** Indices 0..count-1 sorted by `compare`. */
export function sortedBy(count: number, compare: (a: number, b: number) => number): Int32Array {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return order.sort(compare);
}

/**
 * Indices 0..n-1 sorted by integer weights in [0, 2^26), ties by index, or undefined when
 * a weight is out of that range (or n is): a native sort of packed numbers, many times
 * faster than a sort with a comparator on the millions of clusters of a big history.
 *
 * @example
 * sortedByWeight(Float64Array.of(2, 0, 2)); // Int32Array [1, 0, 2]
 */
export function sortedByWeight(weights: Float64Array | undefined): Int32Array | undefined {
  if (weights === undefined || weights.length > PACK) return undefined;
  const n = weights.length;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const weight = weights[i]!;
    if (!(weight >= 0 && weight < PACK) || !Number.isInteger(weight)) return undefined;
    packed[i] = weight * PACK + i;
  }
  packed.sort();
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = packed[i]! % PACK;
  return order;
}

const PACK = 2 ** 26;

/**
 * Integer weights in the order of `times` (instants, -Infinity or +Infinity): -Infinity
 * first, +Infinity last, each scaled by `scale` plus `extra(i)` (below `scale`) to break
 * ties; undefined when the instants are not integers small enough to pack.
 *
 * @example
 * timeWeights(Float64Array.of(-Infinity, 5, Infinity), 1, () => 0); // [0, 6, 7]
 */
export function timeWeights(times: Float64Array, scale: number, extra: (i: number) => number): Float64Array | undefined {
  let latest = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    if (t === Infinity || t === -Infinity) continue;
    if (!Number.isInteger(t) || t < 0) return undefined;
    if (t > latest) latest = t;
  }
  if ((latest + 3) * scale >= PACK) return undefined;
  const weights = new Float64Array(times.length);
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    weights[i] = (t === -Infinity ? 0 : t === Infinity ? latest + 2 : t + 1) * scale + extra(i);
  }
  return weights;
}

/** How many of the ascending `values` are strictly below `bound`. */
function countBelow(values: Float64Array, bound: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
