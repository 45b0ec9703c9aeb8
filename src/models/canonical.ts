/**
 * One text per value, the same for values a history means as equal: map keys sorted,
 * `undefined` read as Jepsen's nil, a bigint the same as its number. Strings are
 * JSON-quoted and structures bracketed, so the text can be read back unambiguously:
 * two values get the same key only when a history means them as equal.
 *
 * @example
 * canonicalKey({ b: 1, a: [null, 'x'] }); // '{"a":[null,"x"],"b":1}'
 * canonicalKey(3) === canonicalKey(3n);   // true
 */
export function canonicalKey(value: unknown): string {
  switch (typeof value) {
    case 'number':
      // String(-0) is "0" already, as it should be: -0 === 0. An integer beyond 2^53
      // gives the digits a writer writes for it, which a reader reads as the bigint
      // of the same key.
      return String(value);
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return 'null';
    case 'bigint':
      return String(value);
    case 'object':
      return value === null ? 'null' : structureKey(value);
    default:
      // Functions and symbols have no place in a history; give them a text that
      // cannot collide with data rather than failing in the middle of a search.
      return `<${typeof value}:${String(value)}>`;
  }
}

function structureKey(value: object): string {
  if (Array.isArray(value)) return `[${value.map(canonicalKey).join(',')}]`;
  if (value instanceof Set) return `#{${[...value].map(canonicalKey).sort().join(',')}}`;
  if (value instanceof Map) {
    const entries = [...value].map(([k, v]) => `${canonicalKey(k)}:${canonicalKey(v)}`);
    return `map{${entries.sort().join(',')}}`;
  }
  const keys = Object.keys(value).sort();
  const record = value as Record<string, unknown>;
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalKey(record[k])}`).join(',')}}`;
}

/**
 * Equality as a history means it: deep, key-order blind, nil = undefined = null.
 *
 * @example
 * sameValue([1, { a: 2 }], [1, { a: 2 }]); // true
 * sameValue(null, undefined);              // true
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const ta = typeof a;
  const tb = typeof b;
  // Fast paths for the common scalar cases; everything else goes through the encoding.
  if (ta === 'string' || tb === 'string') return false;
  if (ta === 'number' && tb === 'number') return a !== a && b !== b;
  return canonicalKey(a) === canonicalKey(b);
}

/**
 * Jepsen's nil: an absent value (`undefined`) is the same as `null`.
 *
 * @example
 * nil(undefined); // null
 */
export function nil(value: unknown): unknown {
  return value === undefined ? null : value;
}

/**
 * An injective hash for a state that is a single value, cheap in the search's hot
 * loop: a number hashes to itself and a string to itself (the engine caches a string's
 * own hash, so a state string met again costs nothing to look up). Everything else is
 * its canonical key behind a NUL mark; the rare string that itself starts with NUL gets
 * a second NUL, so no string can pass for a structure or for nil. The number 3 and the
 * string "3" are told apart by type: compare hashes with `===` or as Map keys, never
 * by their text.
 *
 * @example
 * valueHash(3);    // 3
 * valueHash('3');  // '3'
 * valueHash(null); // '\u0000null'
 */
export function valueHash(value: unknown): string | number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.charCodeAt(0) === 0 ? MARK + value : value;
  return MARK + canonicalKey(value);
}

const MARK = '\u0000';

/**
 * A stand-in for a value, identical for any two values that are {@link sameValue}:
 * scalars stay themselves (nil as null), structures become their canonical key.
 * Pruning in the checker compares observed and written values by identity, so they
 * are handed over in this form. A few unequal values share a stand-in (the string
 * "[1,2]" and the list [1, 2]); that only makes pruning more careful.
 *
 * @example
 * comparable(undefined); // null
 * comparable([1, 2]);    // '[1,2]'
 */
export function comparable(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'bigint') {
    const asNumber = Number(value);
    return Number.isSafeInteger(asNumber) ? asNumber : canonicalKey(value);
  }
  // Integers beyond 2^53 meet big bigints on the common ground of their text.
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
    return canonicalKey(value);
  }
  return typeof value === 'object' ? canonicalKey(value) : value;
}
