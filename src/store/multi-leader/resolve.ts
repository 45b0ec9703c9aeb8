import { latestVersion } from './key-versions.js';
import { sortedDistinct } from './values.js';
import { compareStamps, datumValue, laterStamp, type Datum, type Stamp, type Version } from './version.js';

/**
 * How concurrent versions of a key are shown to clients:
 * - `lww`: the version with the greatest stamp wins, the others are hidden;
 * - `siblings`: every concurrent value is shown, as a sorted list;
 * - `merge`: counters add up per-leader contributions, sets take the union, and
 *   anything else (plain writes, mixed kinds) falls back to LWW.
 */
export type ConflictPolicy = (typeof CONFLICT_POLICIES)[number];
/** Every {@link ConflictPolicy}, for validation. */
export const CONFLICT_POLICIES = ['lww', 'siblings', 'merge'] as const;

/**
 * What a read returns: null for a missing key; one value when there is one; under
 * `siblings` with several distinct values, their sorted list.
 *
 * @example
 * readValue([], 'lww'); // null
 */
export function readValue(versions: readonly Version[], policy: ConflictPolicy): unknown {
  if (versions.length === 0) return null;
  if (policy === 'siblings') {
    const values = sortedDistinct(versions.map((version) => datumValue(version.datum)));
    return values.length === 1 ? values[0] : values;
  }
  return datumValue(resolvedDatum(versions, policy)!);
}

/**
 * The values a replica holds for a key, for convergence checks: the sorted distinct
 * siblings under `siblings`, else the single resolved value.
 *
 * @example
 * replicaValues([], 'siblings'); // []
 */
export function replicaValues(versions: readonly Version[], policy: ConflictPolicy): unknown[] {
  if (versions.length === 0) return [];
  if (policy === 'siblings') return sortedDistinct(versions.map((version) => datumValue(version.datum)));
  return [readValue(versions, policy)];
}

/**
 * The datum a read-modify-write verb (incr, append, sadd) starts from. Under `lww`
 * and `siblings` it is the latest-stamped version (siblings mode keeps it simple:
 * the write then supersedes every sibling); under `merge` it is the merged datum.
 *
 * @example
 * resolvedDatum([], 'merge'); // undefined
 */
export function resolvedDatum(versions: readonly Version[], policy: ConflictPolicy): Datum | undefined {
  if (versions.length === 0) return undefined;
  if (policy === 'merge') return mergeVersions(versions);
  return latestVersion(versions)!.datum;
}

/**
 * Merges concurrent versions by kind: all counters -> one counter; all sets -> the
 * union; otherwise the latest-stamped datum (LWW fallback).
 *
 * @example
 * mergeVersions([counterFromDc1, counterFromDc2]); // counter with both contributions
 */
export function mergeVersions(versions: readonly Version[]): Datum {
  const kinds = new Set(versions.map((version) => version.datum.kind));
  if (kinds.size === 1 && kinds.has('counter')) return mergeCounters(versions);
  if (kinds.size === 1 && kinds.has('set')) {
    const elements = versions.flatMap((version) => (version.datum as { elements: unknown[] }).elements);
    return { kind: 'set', elements: sortedDistinct(elements) };
  }
  return latestVersion(versions)!.datum;
}

/**
 * Counters that started from different bases cannot be added: a later plain write
 * reset the counter, so (LWW on the base) only the counters on the latest base
 * count. On one base, each leader's contribution is taken from the version that has
 * seen most of that leader's writes: a leader's part only grows with its own writes,
 * which are exactly what its version-vector entry counts.
 */
function mergeCounters(versions: readonly Version[]): Datum {
  type Counter = Extract<Datum, { kind: 'counter' }>;
  const counters = versions.map((version) => ({ vv: version.vv, counter: version.datum as Counter }));
  const newestBase = counters.reduce<Stamp | null>((acc, c) => laterStamp(acc, c.counter.baseStamp), null);
  const onBase = counters.filter((c) => sameStamp(c.counter.baseStamp, newestBase));
  const parts: Record<string, number> = {};
  const nodes = [...new Set(onBase.flatMap((c) => Object.keys(c.counter.parts)))].sort();
  for (const node of nodes) {
    let best = onBase[0]!;
    for (const candidate of onBase) {
      if ((candidate.vv[node] ?? 0) > (best.vv[node] ?? 0)) best = candidate;
    }
    parts[node] = best.counter.parts[node] ?? 0;
  }
  return { kind: 'counter', base: onBase[0]!.counter.base, baseStamp: newestBase, parts };
}

function sameStamp(a: Stamp | null, b: Stamp | null): boolean {
  if (a === null || b === null) return a === b;
  return compareStamps(a, b) === 0;
}
