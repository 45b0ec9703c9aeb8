/**
 * Canonical JSON: object keys sorted, so equal data always gives the same text.
 * Used wherever replicas must agree without talking: ordering siblings and set
 * elements, breaking ties between equal tags, hashing versions into Merkle trees.
 *
 * @example
 * canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }); // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const fields = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${fields.join(',')}}`;
}

/**
 * A total, replica-independent order on JSON data: null, then booleans, then
 * numbers (numerically), then strings, then arrays, then objects (the last two by
 * canonical JSON). Sets of numbers therefore read back in numeric order.
 *
 * @example
 * [10, 'a', 9].sort(compareCanonical); // [9, 10, 'a']
 */
export function compareCanonical(a: unknown, b: unknown): number {
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA !== rankB) return rankA - rankB;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const x = typeof a === 'string' ? a : canonicalJson(a);
  const y = typeof b === 'string' ? b : canonicalJson(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function typeRank(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'boolean') return 1;
  if (typeof value === 'number') return 2;
  if (typeof value === 'string') return 3;
  return Array.isArray(value) ? 4 : 5;
}

/**
 * Deep equality of JSON data.
 *
 * @example
 * sameData({ a: 1, b: 2 }, { b: 2, a: 1 }); // true
 */
export function sameData(a: unknown, b: unknown): boolean {
  // A structural walk, not a comparison of canonical texts: replicas compare states on
  // every message, and building and sorting key lists there was the store's largest cost.
  if (a === b) return true;
  if (a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let defined = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    defined++;
    if (!sameData(x[key], y[key])) return false;
  }
  for (const key in y) if (y[key] !== undefined) defined--;
  return defined === 0;
}

/**
 * The elements, deduplicated and in canonical order: how sets are stored.
 *
 * @example
 * sortedUnique([10, 1, 10]); // [1, 10]
 */
export function sortedUnique(elements: readonly unknown[]): unknown[] {
  const byText = new Map<string, unknown>();
  for (const element of elements) byText.set(canonicalJson(element), element);
  return [...byText.values()].sort(compareCanonical);
}
