import { canonicalKey } from '../canonical.js';

/**
 * Collections whose state is an array kept sorted by each element's canonical key:
 * the same content then has one array, one hash and one text, whatever the order the
 * elements came in. States are never mutated; every change returns a new array.
 */

/**
 * The position of the first element whose key is not below `key`.
 *
 * @example
 * lowerBound([1, 3], '2'); // 1
 */
export function lowerBound(values: readonly unknown[], key: string): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (canonicalKey(values[middle]) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A copy with `value` inserted in order; with `distinct`, the same array when an equal
 * element is there already.
 *
 * @example
 * insertSorted([1, 3], 2, true); // [1, 2, 3]
 */
export function insertSorted(values: readonly unknown[], value: unknown, distinct: boolean): readonly unknown[] {
  const key = canonicalKey(value);
  const at = lowerBound(values, key);
  if (distinct && at < values.length && canonicalKey(values[at]) === key) return values;
  return [...values.slice(0, at), value, ...values.slice(at)];
}

/**
 * A copy without one element equal to `value`, or undefined when there is none.
 *
 * @example
 * removeOne([1, 1, 2], 1); // [1, 2]
 */
export function removeOne(values: readonly unknown[], value: unknown): readonly unknown[] | undefined {
  const key = canonicalKey(value);
  const at = lowerBound(values, key);
  if (at === values.length || canonicalKey(values[at]) !== key) return undefined;
  return [...values.slice(0, at), ...values.slice(at + 1)];
}

/**
 * The distinct canonical keys of some values, sorted: a set's identity.
 *
 * @example
 * distinctKeys([2, 1, 2]); // ['1', '2']
 */
export function distinctKeys(values: readonly unknown[]): string[] {
  return [...new Set(values.map(canonicalKey))].sort();
}

/**
 * An injective hash for a sorted collection: the canonical keys, in order.
 *
 * @example
 * sortedHash([1, 'a']); // '[1,"a"]'
 */
export function sortedHash(values: readonly unknown[]): string {
  return canonicalKey(values);
}
