import { compare, merge, vvKey, type VersionVector } from '../shared/version-vector.js';
import { compareStamps, type Version } from './version.js';

/**
 * What happened when a version reached a replica:
 * - `applied`: it saw everything the replica held for the key, and replaced it;
 * - `ignored`: the replica already held it, or something that had seen it;
 * - `concurrent`: neither saw the other (a conflict); both are kept, and the
 *   configured policy decides what clients see.
 *
 * @example
 * if (insertVersion(held, incoming).outcome === 'concurrent') ctx.trace('conflict', { key });
 */
export type InsertOutcome = 'applied' | 'ignored' | 'concurrent';

/**
 * The result of {@link insertVersion}: the outcome and the key's new versions.
 *
 * @example
 * const { outcome, versions } = insertVersion([], v); // outcome 'applied', versions [v]
 */
export interface InsertResult {
  outcome: InsertOutcome;
  versions: Version[];
}

/**
 * Adds `incoming` to a key's versions, which are kept as the set of versions no
 * other version has seen (an antichain by version vector).
 *
 * Keeping every concurrent version, rather than throwing losers away on arrival,
 * makes the result independent of arrival order: every replica that has received
 * the same writes holds the same versions, so replicas converge whatever the
 * policy. The policy only decides what a read shows (see resolve.ts). The versions
 * are kept sorted (by stamp, then vector) so equal contents are equal arrays.
 *
 * @example
 * const a = { vv: { n1: 1 }, stamp: { ts: 1, node: 'n1' }, datum: { kind: 'register', value: 'a' } } as const;
 * const b = { vv: { n2: 1 }, stamp: { ts: 2, node: 'n2' }, datum: { kind: 'register', value: 'b' } } as const;
 * insertVersion([a], b).outcome; // 'concurrent'
 */
export function insertVersion(current: readonly Version[], incoming: Version): InsertResult {
  const survivors: Version[] = [];
  for (const held of current) {
    const order = compare(incoming.vv, held.vv);
    if (order === 'equal' || order === 'before') return { outcome: 'ignored', versions: [...current] };
    if (order === 'concurrent') survivors.push(held);
  }
  const versions = [...survivors, incoming].sort(compareVersions);
  return { outcome: survivors.length > 0 ? 'concurrent' : 'applied', versions };
}

/**
 * The least vector that has seen every version of the key: the context a new local
 * write starts from, so that the write supersedes all of them.
 *
 * @example
 * mergedVector([]); // {}
 */
export function mergedVector(versions: readonly Version[]): VersionVector {
  return versions.reduce<VersionVector>((acc, version) => merge(acc, version.vv), {});
}

/**
 * The version with the greatest stamp (undefined when there is none).
 *
 * @example
 * latestVersion([]); // undefined
 */
export function latestVersion(versions: readonly Version[]): Version | undefined {
  let latest: Version | undefined;
  for (const version of versions) {
    if (latest === undefined || compareStamps(version.stamp, latest.stamp) > 0) latest = version;
  }
  return latest;
}

function compareVersions(a: Version, b: Version): number {
  const byStamp = compareStamps(a.stamp, b.stamp);
  if (byStamp !== 0) return byStamp;
  const ka = vvKey(a.vv);
  const kb = vvKey(b.vv);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
