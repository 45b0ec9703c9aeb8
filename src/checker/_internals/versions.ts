/**
 * Orders the versions stores report for a key's state, as plain data:
 * a tag `{ c, node }` (last-writer-wins and ABD), a list of version vectors
 * (one per sibling), or a single version vector.
 */

/**
 * How two versions relate.
 */
export type VersionOrder = 'equal' | 'before' | 'after' | 'concurrent';

type Vector = Record<string, number>;

/**
 * Compares two versions: tags by (c, node); sibling lists by dominance (a list
 * is at or below another when each of its vectors is at or below one of the
 * other's). A version of an unknown shape is only ever equal to itself.
 *
 * @example
 * compareVersions({ c: 1, node: 'n1' }, { c: 2, node: 'n1' }); // 'before'
 * compareVersions([{ n1: 1 }], [{ n2: 1 }]);                     // 'concurrent'
 */
export function compareVersions(a: unknown, b: unknown): VersionOrder {
  if (isTag(a) && isTag(b)) {
    if (a.c !== b.c) return a.c < b.c ? 'before' : 'after';
    if (a.node !== b.node) return a.node < b.node ? 'before' : 'after';
    return 'equal';
  }
  const left = vectorsOf(a);
  const right = vectorsOf(b);
  if (left === undefined || right === undefined) return JSON.stringify(a) === JSON.stringify(b) ? 'equal' : 'concurrent';
  const aBelow = left.every((v) => right.some((w) => vectorAtOrBelow(v, w)));
  const bBelow = right.every((w) => left.some((v) => vectorAtOrBelow(w, v)));
  if (aBelow && bBelow) return 'equal';
  if (aBelow) return 'before';
  if (bBelow) return 'after';
  return 'concurrent';
}

/**
 * True when `version` lacks something `newer` has (merging `newer` in would change it):
 * it is older, or concurrent with it.
 *
 * @example
 * isBehind(null, { c: 1, node: 'n1' }); // true: no version at all is older than any
 */
export function isBehind(version: unknown, newer: unknown): boolean {
  if (version === null || version === undefined) return newer !== null && newer !== undefined;
  const order = compareVersions(version, newer);
  return order === 'before' || order === 'concurrent';
}

function isTag(value: unknown): value is { c: number; node: string } {
  const tag = value as { c?: unknown; node?: unknown } | null;
  return typeof tag === 'object' && tag !== null && typeof tag.c === 'number' && typeof tag.node === 'string';
}

function vectorsOf(value: unknown): Vector[] | undefined {
  if (Array.isArray(value)) return value.every(isVector) ? (value as Vector[]) : undefined;
  return isVector(value) ? [value] : undefined;
}

function isVector(value: unknown): value is Vector {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((n) => typeof n === 'number');
}

function vectorAtOrBelow(v: Vector, w: Vector): boolean {
  for (const [node, count] of Object.entries(v)) if (count > (w[node] ?? 0)) return false;
  return true;
}
