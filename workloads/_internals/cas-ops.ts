import { chance, pick, type OpSlot } from './plan.js';

/** How many of a key's latest written values a cas may expect. */
const CAS_CANDIDATES = 3;

/**
 * Makes reads, writes and compare-and-sets over integer values unique per run:
 * each write and each cas's new value is fresh; a cas expects one of the last
 * few values issued for its key, so it succeeds often enough to matter.
 *
 * @example
 * const ops = casOps(0.5);
 * ops({ process: 0, key: 'k0', random }); // { f: 'write', value: 1 }
 */
export function casOps(readFraction: number): (slot: OpSlot) => { f: string; value: unknown } {
  let nextValue = 1;
  const recentByKey = new Map<string, number[]>();
  return ({ key, random }) => {
    if (chance(random, readFraction)) return { f: 'read', value: null };
    const recent = recentByKey.get(key) ?? [];
    const value = nextValue++;
    recentByKey.set(key, [...recent, value].slice(-CAS_CANDIDATES));
    // A cas needs a value to expect: the key's first update is always a write.
    if (recent.length === 0 || chance(random, 0.5)) return { f: 'write', value };
    return { f: 'cas', value: [pick(random, recent), value] };
  };
}
