import { latestVersion } from './key-versions.js';
import { readValue, resolvedDatum, type ConflictPolicy } from './resolve.js';
import { sortedDistinct, valuesEqual } from './values.js';
import type { Datum, Version } from './version.js';

/**
 * The datum a write verb produces, or why it certainly was not applied.
 */
export type VerbResult = { ok: true; datum: Datum } | { ok: false; error: string };

/**
 * The verbs that change a key (everything but `read`).
 *
 * @example
 * WRITE_VERBS.includes('incr'); // true
 */
export const WRITE_VERBS: readonly string[] = ['write', 'cas', 'append', 'incr', 'sadd'];

/**
 * Computes what a write verb makes of a key's current versions at the accepting
 * leader `self`. Values: write v; cas [expected, new] (compared with what a read
 * would return now, so a client that read siblings can replace them by passing
 * the list it read); append a string (onto a string or nothing); incr a number
 * (null means 1); sadd an element.
 *
 * Under `merge`, incr builds a counter holding `self`'s own contribution and sadd
 * builds a set, so concurrent updates merge instead of competing.
 *
 * @example
 * applyVerb('incr', 2, [], 'lww', 'dc1-n1'); // { ok: true, datum: { kind: 'register', value: 2 } }
 */
export function applyVerb(
  f: string,
  value: unknown,
  versions: readonly Version[],
  policy: ConflictPolicy,
  self: string,
): VerbResult {
  const base = resolvedDatum(versions, policy);
  switch (f) {
    case 'write':
      return register(value ?? null);
    case 'cas':
      if (!Array.isArray(value) || value.length !== 2) return { ok: false, error: 'bad-value' };
      if (!valuesEqual(readValue(versions, policy), value[0])) return { ok: false, error: 'cas-mismatch' };
      return register(value[1] ?? null);
    case 'append':
      return appendTo(base, value);
    case 'incr':
      return incrementOf(base, value, versions, policy, self);
    case 'sadd':
      return addTo(base, value, policy);
    default:
      return { ok: false, error: 'unknown-verb' };
  }
}

function register(value: unknown): VerbResult {
  return { ok: true, datum: { kind: 'register', value } };
}

function appendTo(base: Datum | undefined, suffix: unknown): VerbResult {
  if (typeof suffix !== 'string') return { ok: false, error: 'bad-value' };
  const current = base === undefined ? null : base.kind === 'register' ? base.value : undefined;
  if (current === null) return register(suffix);
  if (typeof current !== 'string') return { ok: false, error: 'type-mismatch' };
  return register(current + suffix);
}

function incrementOf(
  base: Datum | undefined,
  value: unknown,
  versions: readonly Version[],
  policy: ConflictPolicy,
  self: string,
): VerbResult {
  const delta = value ?? 1;
  if (typeof delta !== 'number' || !Number.isFinite(delta)) return { ok: false, error: 'bad-value' };
  if (base?.kind === 'counter') {
    const parts = { ...base.parts, [self]: (base.parts[self] ?? 0) + delta };
    return { ok: true, datum: { ...base, parts } };
  }
  const current = base === undefined ? null : base.kind === 'register' ? base.value : undefined;
  if (current !== null && typeof current !== 'number') return { ok: false, error: 'type-mismatch' };
  const start = current ?? 0;
  if (policy !== 'merge') return register(start + delta);
  // The counter starts from the register it replaces; the register's stamp names
  // that base, so counters on the same base can later be added together.
  const baseStamp = base === undefined ? null : latestVersion(versions)!.stamp;
  return { ok: true, datum: { kind: 'counter', base: start, baseStamp, parts: { [self]: delta } } };
}

function addTo(base: Datum | undefined, element: unknown, policy: ConflictPolicy): VerbResult {
  const item = element ?? null;
  if (base?.kind === 'set') return { ok: true, datum: { kind: 'set', elements: sortedDistinct([...base.elements, item]) } };
  const current = base === undefined ? null : base.kind === 'register' ? base.value : undefined;
  if (current !== null && !Array.isArray(current)) return { ok: false, error: 'type-mismatch' };
  const elements = sortedDistinct([...(current ?? []), item]);
  return policy === 'merge' ? { ok: true, datum: { kind: 'set', elements } } : register(elements);
}
