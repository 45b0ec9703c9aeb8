import type { VersionVector } from '../shared/version-vector.js';

/**
 * A last-writer-wins timestamp: the accepting leader's own clock reading, with its
 * node id to break ties, so two stamps are never equal across leaders.
 */
export interface Stamp {
  /** The accepting leader's `ctx.now()` in ms (its possibly skewed clock). */
  ts: number;
  node: string;
}

/**
 * What one version of a key holds. Plain writes make registers; in merge mode,
 * `incr` makes counters and `sadd` makes sets, which merge instead of competing.
 *
 * A counter is a base value (from the plain write it started from, or 0) plus each
 * leader's own contribution since that base. Keeping contributions per leader is what
 * lets two concurrent counters add up without counting anything twice.
 */
export type Datum =
  | { kind: 'register'; value: unknown }
  | { kind: 'counter'; base: number; baseStamp: Stamp | null; parts: Record<string, number> }
  | { kind: 'set'; elements: unknown[] };

/**
 * One version of a key: its contents, the version vector saying which writes it has
 * seen, and the stamp of the write that made it.
 */
export interface Version {
  vv: VersionVector;
  stamp: Stamp;
  datum: Datum;
}

/**
 * Orders stamps by time, then node id.
 *
 * @example
 * compareStamps({ ts: 1, node: 'b' }, { ts: 1, node: 'a' }); // > 0
 */
export function compareStamps(a: Stamp, b: Stamp): number {
  if (a.ts !== b.ts) return a.ts < b.ts ? -1 : 1;
  return a.node < b.node ? -1 : a.node > b.node ? 1 : 0;
}

/**
 * The later of two stamps, treating null as "before everything".
 *
 * @example
 * laterStamp(null, { ts: 1, node: 'a' }); // { ts: 1, node: 'a' }
 */
export function laterStamp(a: Stamp | null, b: Stamp | null): Stamp | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareStamps(a, b) >= 0 ? a : b;
}

/**
 * The value a client sees for a datum: a register's value, a counter's total, a
 * set's sorted elements.
 *
 * @example
 * datumValue({ kind: 'counter', base: 1, baseStamp: null, parts: { a: 2, b: 3 } }); // 6
 */
export function datumValue(datum: Datum): unknown {
  switch (datum.kind) {
    case 'register':
      return datum.value ?? null;
    case 'counter':
      // Summed in node-id order so floating-point totals are the same on every replica.
      return Object.keys(datum.parts)
        .sort()
        .reduce((sum, node) => sum + datum.parts[node]!, datum.base);
    case 'set':
      return datum.elements;
  }
}
