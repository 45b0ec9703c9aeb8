/**
 * Version vectors: one counter per node that has written. They tell whether two
 * versions are ordered (one saw the other) or concurrent (a conflict).
 *
 * Stored as plain objects with keys sorted on output, so they are JSON data and
 * hash/compare deterministically.
 *
 * @example
 * const a = increment({}, 'n1');            // { n1: 1 }
 * const b = increment(a, 'n2');             // { n1: 1, n2: 1 }
 * compare(a, b);                            // 'before'
 * compare(increment(a, 'n3'), b);           // 'concurrent'
 */
export type VersionVector = Readonly<Record<string, number>>;

export type Ordering = 'equal' | 'before' | 'after' | 'concurrent';

/** A copy of `vv` with `nodeId`'s counter one higher. */
export function increment(vv: VersionVector, nodeId: string): VersionVector {
  return sortKeys({ ...vv, [nodeId]: (vv[nodeId] ?? 0) + 1 });
}

/** The least vector that dominates both (pointwise maximum). */
export function merge(a: VersionVector, b: VersionVector): VersionVector {
  const out: Record<string, number> = { ...a };
  for (const node of Object.keys(b)) out[node] = Math.max(out[node] ?? 0, b[node]!);
  return sortKeys(out);
}

/** How `a` relates to `b`: equal, before (b saw a), after (a saw b) or concurrent. */
export function compare(a: VersionVector, b: VersionVector): Ordering {
  let aBigger = false;
  let bBigger = false;
  for (const node of unionKeys(a, b)) {
    const x = a[node] ?? 0;
    const y = b[node] ?? 0;
    if (x > y) aBigger = true;
    else if (y > x) bBigger = true;
  }
  if (aBigger && bBigger) return 'concurrent';
  if (aBigger) return 'after';
  if (bBigger) return 'before';
  return 'equal';
}

/** True when `a` has seen everything `b` has (equal or after). */
export function dominates(a: VersionVector, b: VersionVector): boolean {
  const order = compare(a, b);
  return order === 'equal' || order === 'after';
}

/** A canonical string, equal for equal vectors. */
export function vvKey(vv: VersionVector): string {
  return Object.keys(vv)
    .sort()
    .filter((node) => vv[node]! > 0)
    .map((node) => `${node}:${vv[node]}`)
    .join(',');
}

function unionKeys(a: VersionVector, b: VersionVector): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].sort();
}

function sortKeys(vv: Record<string, number>): VersionVector {
  const out: Record<string, number> = {};
  for (const node of Object.keys(vv).sort()) out[node] = vv[node]!;
  return out;
}
