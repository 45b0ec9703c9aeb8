/**
 * The effect of each mutating verb on a key, in both versioning modes. Pure
 * functions: the coordinator computes the new state here, then replicates it.
 *
 * @example
 * applyToValue('incr', 4, 3);          // { ok: true, value: 7 }
 * applyToValue('cas', 1, [2, 3]);      // { ok: false, error: 'cas-mismatch' }
 */
import type { StoreVerb } from '../definition.js';
import { increment, merge, type VersionVector } from '../shared/version-vector.js';
import { sameData, sortedUnique } from './canonical.js';
import { mergeData, type CounterData, type SetData, type SiblingData, type SiblingState } from './key-state.js';
import { currentValue } from './key-view.js';

/**
 * The verbs that change a key.
 */
export type MutatingVerb = Exclude<StoreVerb, 'read'>;
const MUTATING: readonly string[] = ['write', 'cas', 'append', 'incr', 'sadd'];

/**
 * `fail` outcomes are certain: the verb did not apply, nothing was written.
 */
export type VerbOutcome<T> = { ok: true; result: T } | { ok: false; error: string };

/**
 * True for the verbs that change a key.
 *
 * @example
 * isMutatingVerb('sadd'); // true
 */
export function isMutatingVerb(f: string): f is MutatingVerb {
  return MUTATING.includes(f);
}

/**
 * Whether the coordinator must read R replicas before it can compute the new
 * state. Tagged mode keeps whole values, so every read-modify-write reads first;
 * version vectors merge counters and sets, so only cas and append need the read.
 *
 * @example
 * needsReadBeforeWrite('incr', 'lww'); // true
 * needsReadBeforeWrite('incr', 'vv');  // false
 */
export function needsReadBeforeWrite(f: MutatingVerb, versioning: 'lww' | 'vv'): boolean {
  if (f === 'write') return false;
  if (f === 'cas' || f === 'append') return true;
  return versioning === 'lww';
}

/**
 * The new plain value after `f(arg)` on `current` (tagged mode; null = absent).
 *
 * @example
 * applyToValue('sadd', [1, 5], 3); // { ok: true, result: [1, 3, 5] }
 */
export function applyToValue(f: MutatingVerb, current: unknown, arg: unknown): VerbOutcome<unknown> {
  switch (f) {
    case 'write':
      return { ok: true, result: arg };
    case 'cas': {
      if (!Array.isArray(arg) || arg.length !== 2) return { ok: false, error: 'bad-argument' };
      return sameData(current ?? null, arg[0]) ? { ok: true, result: arg[1] } : { ok: false, error: 'cas-mismatch' };
    }
    case 'append':
      if (typeof arg !== 'string') return { ok: false, error: 'bad-argument' };
      if (current !== null && current !== undefined && typeof current !== 'string') return { ok: false, error: 'type-mismatch' };
      return { ok: true, result: (current ?? '') + arg };
    case 'incr':
      if (typeof arg !== 'number' || !Number.isFinite(arg)) return { ok: false, error: 'bad-argument' };
      if (current !== null && current !== undefined && typeof current !== 'number') return { ok: false, error: 'type-mismatch' };
      return { ok: true, result: (current ?? 0) + arg };
    case 'sadd':
      if (current !== null && current !== undefined && !Array.isArray(current)) return { ok: false, error: 'type-mismatch' };
      return { ok: true, result: sortedUnique([...((current as unknown[] | null) ?? []), arg]) };
  }
}

/**
 * The new sibling state after `f(arg)` coordinated by `coordinator` (version-vector
 * mode). The new version has seen every sibling in `state`, so it supersedes them
 * all; counters and sets carry the old contributions forward instead of losing them.
 *
 * @example
 * applyToSiblings('incr', undefined, 2, 'n1');
 * // { ok: true, result: { kind: 'siblings', siblings: [{ vv: { n1: 1 },
 * //   data: { type: 'counter', base: 0, p: { n1: 2 }, n: {} } }] } }
 */
export function applyToSiblings(
  f: MutatingVerb,
  state: SiblingState | undefined,
  arg: unknown,
  coordinator: string,
): VerbOutcome<SiblingState> {
  const siblings = state?.siblings ?? [];
  const seen = siblings.reduce<VersionVector>((vv, s) => merge(vv, s.vv), {});
  const data = newData(f, state, arg, coordinator);
  if (!data.ok) return data;
  return { ok: true, result: { kind: 'siblings', siblings: [{ vv: increment(seen, coordinator), data: data.result }] } };
}

function newData(f: MutatingVerb, state: SiblingState | undefined, arg: unknown, coordinator: string): VerbOutcome<SiblingData> {
  if (f === 'incr') {
    if (typeof arg !== 'number' || !Number.isFinite(arg)) return { ok: false, error: 'bad-argument' };
    const counter = existingCounter(state);
    if (!counter.ok) return counter;
    const side = arg >= 0 ? 'p' : 'n';
    const own = { ...counter.result[side], [coordinator]: (counter.result[side][coordinator] ?? 0) + Math.abs(arg) };
    return { ok: true, result: { ...counter.result, [side]: own } };
  }
  if (f === 'sadd') {
    const set = existingSet(state);
    if (!set.ok) return set;
    return { ok: true, result: { type: 'set', elements: sortedUnique([...set.result.elements, arg]) } };
  }
  const value = applyToValue(f, currentValue(state), arg);
  return value.ok ? { ok: true, result: { type: 'value', value: value.result } } : value;
}

function existingCounter(state: SiblingState | undefined): VerbOutcome<CounterData> {
  const counters = (state?.siblings ?? []).map((s) => s.data).filter((d): d is CounterData => d.type === 'counter');
  if (counters.length > 0) return { ok: true, result: counters.reduce((a, b) => mergeData(a, b) as CounterData) };
  const current = currentValue(state);
  if (current !== null && typeof current !== 'number') return { ok: false, error: 'type-mismatch' };
  return { ok: true, result: { type: 'counter', base: current ?? 0, p: {}, n: {} } };
}

function existingSet(state: SiblingState | undefined): VerbOutcome<SetData> {
  const sets = (state?.siblings ?? []).map((s) => s.data).filter((d): d is SetData => d.type === 'set');
  if (sets.length > 0) return { ok: true, result: sets.reduce((a, b) => mergeData(a, b) as SetData) };
  const current = currentValue(state);
  if (current !== null && !Array.isArray(current)) return { ok: false, error: 'type-mismatch' };
  return { ok: true, result: { type: 'set', elements: sortedUnique(current ?? []) } };
}
