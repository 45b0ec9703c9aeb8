/**
 * How a stored key state looks from outside: the value a read answers, the
 * values a convergence check compares, and the single "current" value a
 * read-modify-write builds on.
 *
 * @example
 * readResult(undefined); // null: an absent key reads as Jepsen's nil
 */
import type { ReplicaValue } from '../definition.js';
import { compareCanonical } from './canonical.js';
import { mergeData, type KeyState, type SiblingData } from './key-state.js';

/**
 * The value of one sibling as clients see it: a plain value, a counter's total,
 * or a set's sorted elements.
 *
 * @example
 * dataValue({ type: 'counter', base: 1, p: { n1: 3 }, n: { n2: 1 } }); // 3
 */
export function dataValue(data: SiblingData): unknown {
  if (data.type === 'value') return data.value;
  if (data.type === 'set') return [...data.elements];
  let total = data.base;
  for (const node of Object.keys(data.p)) total += data.p[node]!;
  for (const node of Object.keys(data.n)) total -= data.n[node]!;
  return total;
}

/**
 * Every value the state holds, in canonical order: one for a tagged state; for
 * siblings, one per plain value plus one for all counter siblings merged (their
 * per-node contributions) and one for all set siblings merged (their union).
 *
 * @example
 * visibleValues({ kind: 'tagged', tag: { c: 1, node: 'n1' }, value: 7 }); // [7]
 */
export function visibleValues(state: KeyState | undefined): unknown[] {
  if (state === undefined) return [];
  if (state.kind === 'tagged') return [state.value];
  const plain = state.siblings.filter((s) => s.data.type === 'value').map((s) => s.data);
  const folded = (['counter', 'set'] as const).flatMap((type) => {
    const same = state.siblings.filter((s) => s.data.type === type).map((s) => s.data);
    return same.length === 0 ? [] : [same.reduce(mergeData)];
  });
  return [...plain, ...folded].map(dataValue).sort(compareCanonical);
}

/**
 * What a read answers: null when absent, the value when there is one, and the
 * sorted list of sibling values when concurrent versions are kept.
 *
 * @example
 * readResult({ kind: 'siblings', siblings: [
 *   { vv: { n1: 1 }, data: { type: 'value', value: 'b' } },
 *   { vv: { n2: 1 }, data: { type: 'value', value: 'a' } }] }); // ['a', 'b']
 */
export function readResult(state: KeyState | undefined): unknown {
  const values = visibleValues(state);
  if (values.length === 0) return null;
  return values.length === 1 ? values[0] : values;
}

/**
 * The one value a read-modify-write (cas, append) builds on: with siblings, the
 * greatest in canonical order, so every coordinator resolves them the same way.
 *
 * @example
 * currentValue(undefined); // null
 */
export function currentValue(state: KeyState | undefined): unknown {
  const values = visibleValues(state);
  return values.length === 0 ? null : values[values.length - 1];
}

/**
 * The state as the convergence checker sees it: values and version.
 *
 * @example
 * replicaValue({ kind: 'tagged', tag: { c: 3, node: 'n2' }, value: 'x' });
 * // { values: ['x'], version: { c: 3, node: 'n2' } }
 */
export function replicaValue(state: KeyState): ReplicaValue {
  if (state.kind === 'tagged') return { values: [state.value], version: { ...state.tag } };
  return { values: visibleValues(state), version: state.siblings.map((s) => s.vv) };
}
