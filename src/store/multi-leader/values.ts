/**
 * A total, deterministic order on JSON values, and structural equality. Sibling
 * lists and sets are kept sorted by this order so every replica shows the same
 * bytes for the same contents, whatever order the versions arrived in.
 */

const TYPE_RANK: Record<string, number> = {
  null: 0,
  boolean: 1,
  number: 2,
  string: 3,
  array: 4,
  object: 5,
};

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Orders JSON values: null < booleans < numbers < strings < arrays < objects;
 * within a type, by value (arrays element-wise, objects by their canonical text).
 *
 * @example
 * [3, 'a', null, 1].sort(compareValues); // [null, 1, 3, 'a']
 */
export function compareValues(a: unknown, b: unknown): number {
  const ta = typeName(a);
  const tb = typeName(b);
  if (ta !== tb) return TYPE_RANK[ta]! - TYPE_RANK[tb]!;
  switch (ta) {
    case 'null':
      return 0;
    case 'boolean':
    case 'number':
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    case 'string':
      return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
    case 'array':
      return compareArrays(a as unknown[], b as unknown[]);
    default:
      return compareText(canonicalJson(a), canonicalJson(b));
  }
}

function compareArrays(a: unknown[], b: unknown[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareValues(a[i], b[i]);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * JSON text with object keys sorted, so equal values give equal text.
 *
 * @example
 * canonicalJson({ b: 1, a: [2] }); // '{"a":[2],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const fields = Object.keys(record)
    .sort()
    .map((field) => `${JSON.stringify(field)}:${canonicalJson(record[field])}`);
  return `{${fields.join(',')}}`;
}

/**
 * Structural equality of JSON values (undefined counts as null, as after a JSON trip).
 *
 * @example
 * valuesEqual([1, { a: 2 }], [1, { a: 2 }]); // true
 */
export function valuesEqual(a: unknown, b: unknown): boolean {
  return compareValues(a, b) === 0;
}

/**
 * The distinct values of `values`, sorted by {@link compareValues}.
 *
 * @example
 * sortedDistinct([2, 1, 2]); // [1, 2]
 */
export function sortedDistinct(values: readonly unknown[]): unknown[] {
  const sorted = [...values].sort(compareValues);
  return sorted.filter((value, i) => i === 0 || !valuesEqual(value, sorted[i - 1]));
}
