import type { Operation } from '../../history/operation.js';
import { canonicalKey } from '../canonical.js';

/**
 * Splits operations into one group per key, in order of each key's first op, keeping
 * history order within a group. Keys compare as values (`1` and `"1"` are different
 * keys), so two keys never share a register by accident of spelling.
 *
 * @example
 * partitionByKey(ops).map((group) => group[0]!.input.key); // ['x', 'y']
 */
export function partitionByKey<I extends { key?: unknown }, O>(
  ops: readonly Operation<I, O>[],
): Operation<I, O>[][] {
  // A Map keeps insertion order, which is the history's order: deterministic.
  const groups = new Map<string, Operation<I, O>[]>();
  for (const op of ops) {
    const key = canonicalKey(op.input.key);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [op]);
    else group.push(op);
  }
  return [...groups.values()];
}
