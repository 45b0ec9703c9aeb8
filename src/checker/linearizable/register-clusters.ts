import type { Operation } from '../../history/operation.js';
import { canonicalKey } from '../../models/canonical.js';
import type { Model } from '../../models/model.js';

/**
 * The models whose reads return the whole state and whose writes replace it: the
 * only ones where "a read of v was written by the write of v" is what a read means.
 * A name is not proof, so each op is also asked (see {@link registerClusters}).
 */
export const UNIQUE_VALUE_MODELS: ReadonlySet<string> = new Set(['register', 'cas-register', 'kv']);

/**
 * One partition of a register history with unique written values, grouped by value:
 * cluster 0 is the initial value (no write), cluster c > 0 has the write `write[c]`;
 * the reads that returned the cluster's value are `reads[readStart[c] .. readStart[c+1])`.
 * Positions index the partition's operations.
 */
export interface RegisterClusters {
  count: number;
  /** Position of each cluster's write; -1 for cluster 0, the initial value. */
  write: Int32Array;
  readStart: Int32Array;
  reads: Int32Array;
  /** A read of a value that is neither the initial one nor written by any op. */
  orphanRead: number;
  /** Operations left out: indeterminate reads and indeterminate writes nobody read. */
  dropped: number;
}

/**
 * Groups a partition into {@link RegisterClusters}, or undefined when the partition is
 * not a plain register with unique values: an op that is neither a read nor a blind
 * write, two writes of the same value, a write of the initial value, or a read the
 * model also accepts in a state other than the value it returned (a read that matches
 * anything is no evidence of who wrote what).
 *
 * Each op is put to the model itself rather than judged by its f: a foreign state
 * must be refused by a read, and a write must step
 * from it to one state, the value it writes.
 *
 * @example
 * const clusters = registerClusters(ops, registerModel({ init: 0 }));
 */
export function registerClusters(ops: readonly Operation[], model: Model<any>): RegisterClusters | undefined {
  if (!UNIQUE_VALUE_MODELS.has(model.name) || model.readOnly === undefined) return undefined;
  const n = ops.length;
  const clusterOf = new Int32Array(n).fill(-1);
  const isRead = new Uint8Array(n);
  const byValue = new Map<unknown, number>([[valueKey(model.init()), 0]]);
  const writes: number[] = [-1];
  for (let i = 0; i < n; i++) {
    const { input, output } = ops[i]!;
    if (model.readOnly(input)) {
      isRead[i] = 1;
      if (ops[i]!.ret !== Infinity && model.step(FOREIGN, input, output).length !== 0) return undefined;
      continue;
    }
    if (model.blindWrite?.(input) === undefined) return undefined;
    const after = model.step(FOREIGN, input, output);
    if (after.length !== 1 || after[0] === FOREIGN) return undefined;
    const key = valueKey(after[0]);
    if (byValue.has(key)) return undefined;
    byValue.set(key, writes.length);
    clusterOf[i] = writes.length;
    writes.push(i);
  }
  return groupReads(ops, isRead, clusterOf, byValue, writes);
}

function groupReads(
  ops: readonly Operation[],
  isRead: Uint8Array,
  clusterOf: Int32Array,
  byValue: Map<unknown, number>,
  writes: number[],
): RegisterClusters {
  const count = writes.length;
  const readCount = new Int32Array(count + 1);
  let orphanRead = -1;
  let dropped = 0;
  for (let i = 0; i < ops.length; i++) {
    if (isRead[i] === 0) continue;
    const op = ops[i]!;
    // A read with an unknown result observed nothing.
    if (op.ret === Infinity || !op.output.known) {
      dropped++;
      continue;
    }
    const c = byValue.get(valueKey(op.output.value));
    if (c === undefined) {
      if (orphanRead === -1) orphanRead = i;
      continue;
    }
    clusterOf[i] = c;
    readCount[c + 1]!++;
  }
  return clustersOfReads({ isRead: (i) => isRead[i] === 1, clusterOf, readCount, writes: Int32Array.from(writes), ret: (i) => ops[i]!.ret, orphanRead, dropped });
}

/**
 * {@link RegisterClusters} from the cluster of each op (reads assigned, counted per
 * cluster in `readCount[c + 1]`): the reads listed cluster by cluster in position order,
 * and the unread indeterminate writes counted among the ops left out. Shared by the
 * partitions of Operations and those read as columns.
 *
 * @example
 * const clusters = clustersOfReads({ isRead, clusterOf, readCount, writes, ret, orphanRead: -1, dropped: 0 });
 */
export function clustersOfReads(c: {
  isRead: (i: number) => boolean;
  clusterOf: Int32Array;
  readCount: Int32Array;
  /** Each cluster's write (-1 for cluster 0): the clusters' `write`. */
  writes: Int32Array;
  ret: (i: number) => number;
  orphanRead: number;
  dropped: number;
}): RegisterClusters {
  const { isRead, clusterOf, readCount, writes } = c;
  const count = writes.length;
  const readStart = new Int32Array(count + 1);
  for (let k = 0; k < count; k++) readStart[k + 1] = readStart[k]! + readCount[k + 1]!;
  const fill = readStart.slice(0, count);
  const reads = new Int32Array(readStart[count]!);
  for (let i = 0; i < clusterOf.length; i++) {
    if (isRead(i) && clusterOf[i]! >= 0) reads[fill[clusterOf[i]!]!++] = i;
  }
  // An indeterminate write that no read returned may never have happened: leaving it
  // out loses nothing (its value is never seen), so it is dropped, not a cluster.
  let dropped = c.dropped;
  for (let k = 1; k < count; k++) {
    if (c.ret(writes[k]!) === Infinity && readStart[k + 1] === readStart[k]) dropped++;
  }
  return { count, write: writes, readStart, reads, orphanRead: c.orphanRead, dropped };
}

/**
 * A state that is not the value of any read or write in the partition: reads must
 * refuse it. A string, because a model compares strings at once (a symbol would be
 * turned into text on every read); should a history ever hold this very string, the
 * read that returned it seems to accept it and the partition is searched instead.
 */
const FOREIGN = '\u0000faultline: a state no op wrote\u0000';

/**
 * A Map key for a value, equal for two values exactly when sameValue holds: numbers
 * and strings stand for themselves (a string starting with NUL gets another, so it
 * cannot pass for an encoded value), a bigint a number can hold becomes that number,
 * everything else its canonical text behind a NUL.
 */
export function valueKey(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
      return value.charCodeAt(0) === 0 ? NUL + value : value;
    case 'number':
      return Number.isSafeInteger(value) || !Number.isInteger(value) ? value : NUL + canonicalKey(value);
    case 'bigint': {
      const asNumber = Number(value);
      return Number.isSafeInteger(asNumber) ? asNumber : NUL + canonicalKey(value);
    }
    default:
      return NUL + canonicalKey(value);
  }
}

const NUL = '\u0000';
