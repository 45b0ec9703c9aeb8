/**
 * What a replica stores for one key, in either versioning mode, and how two
 * copies merge. Merging is commutative, associative and idempotent, so replicas
 * that have seen the same versions hold the same state whatever the order —
 * which is what read repair, hinted handoff and anti-entropy rely on.
 *
 * @example
 * const older: KeyState = { kind: 'tagged', tag: { c: 1, node: 'n1' }, value: 'a' };
 * const newer: KeyState = { kind: 'tagged', tag: { c: 2, node: 'n2' }, value: 'b' };
 * mergeStates(older, newer); // newer
 */
import { compare, type VersionVector } from '../shared/version-vector.js';
import { canonicalJson, compareCanonical, sameData, sortedUnique } from './canonical.js';

/**
 * A totally ordered version: (clock ms or logical counter, node id).
 */
export interface Tag {
  c: number;
  node: string;
}

/**
 * LWW/ABD state: one value under the highest tag seen.
 */
export interface TaggedState {
  kind: 'tagged';
  tag: Tag;
  value: unknown;
}

/**
 * A counter that merges: each node's own increments (p) and decrements (n), on top of a base.
 */
export interface CounterData {
  type: 'counter';
  /** The number the counter started from (a plain value it replaced); merged by max. */
  base: number;
  p: Record<string, number>;
  n: Record<string, number>;
}

/**
 * A grow-only set that merges by union; elements in canonical order.
 */
export interface SetData {
  type: 'set';
  elements: unknown[];
}

/**
 * A plain value (register): concurrent ones are kept side by side as siblings.
 */
export interface ValueData {
  type: 'value';
  value: unknown;
}

/**
 * What one sibling holds.
 */
export type SiblingData = ValueData | CounterData | SetData;

/**
 * One version of a key under a version vector.
 */
export interface Sibling {
  vv: VersionVector;
  data: SiblingData;
}

/**
 * Version-vector state: the concurrent versions not yet superseded, in canonical order.
 */
export interface SiblingState {
  kind: 'siblings';
  siblings: Sibling[];
}

/**
 * What a replica stores for one key, in either versioning mode.
 */
export type KeyState = TaggedState | SiblingState;

/**
 * Orders tagged states: by tag (c, then node id), then by canonical value so two
 * different values under an equal tag still resolve the same way everywhere.
 *
 * @example
 * compareTagged({ kind: 'tagged', tag: { c: 5, node: 'n1' }, value: 1 },
 *               { kind: 'tagged', tag: { c: 5, node: 'n2' }, value: 0 }); // < 0
 */
export function compareTagged(a: TaggedState, b: TaggedState): number {
  if (a.tag.c !== b.tag.c) return a.tag.c - b.tag.c;
  if (a.tag.node !== b.tag.node) return a.tag.node < b.tag.node ? -1 : 1;
  return compareCanonical(a.value, b.value);
}

/**
 * The state a replica holds after learning `incoming` on top of `current`.
 *
 * @example
 * mergeStates(undefined, state) === state; // true
 */
export function mergeStates(current: KeyState | undefined, incoming: KeyState): KeyState {
  if (current === undefined) return incoming;
  if (current.kind === 'tagged' && incoming.kind === 'tagged') {
    return compareTagged(incoming, current) > 0 ? incoming : current;
  }
  if (current.kind === 'siblings' && incoming.kind === 'siblings') {
    return { kind: 'siblings', siblings: reconcileSiblings([...current.siblings, ...incoming.siblings]) };
  }
  throw new Error(`cannot merge a ${current.kind} state with a ${incoming.kind} state`);
}

/**
 * True when `replica` lacks something `newest` has (merging would change it):
 * the replicas read repair and anti-entropy must update.
 *
 * @example
 * isBehind(undefined, state); // true
 */
export function isBehind(replica: KeyState | undefined, newest: KeyState): boolean {
  if (replica === undefined) return true;
  return !sameData(mergeStates(replica, newest), replica);
}

/**
 * Keeps the siblings no other sibling has seen, in canonical order: the maximal
 * versions of the union. (Concurrent counters and sets stay separate siblings here,
 * each with its own vector, and are folded into one value only when read; folding
 * them in storage would invent a vector neither replica had and break associativity.)
 *
 * @example
 * reconcileSiblings([{ vv: { n1: 1 }, data: a }, { vv: { n1: 2 }, data: b }]); // [{ vv: { n1: 2 }, data: b }]
 */
export function reconcileSiblings(all: readonly Sibling[]): Sibling[] {
  const unique = new Map<string, Sibling>();
  for (const sibling of all) {
    const key = canonicalJson(sibling.vv);
    const seen = unique.get(key);
    // One vector names one event; should two copies ever differ, keep the same one everywhere.
    if (!seen || compareCanonical(sibling.data, seen.data) > 0) unique.set(key, sibling);
  }
  const candidates = [...unique.values()];
  return candidates.filter((s) => !candidates.some((other) => compare(s.vv, other.vv) === 'before')).sort(compareCanonical);
}

/**
 * Merges two counters (pointwise max of each node's contributions) or two sets (union).
 *
 * @example
 * mergeData({ type: 'set', elements: [1] }, { type: 'set', elements: [2] }); // elements [1, 2]
 */
export function mergeData(a: SiblingData, b: SiblingData): SiblingData {
  if (a.type === 'counter' && b.type === 'counter') {
    return { type: 'counter', base: Math.max(a.base, b.base), p: maxPerNode(a.p, b.p), n: maxPerNode(a.n, b.n) };
  }
  if (a.type === 'set' && b.type === 'set') return { type: 'set', elements: sortedUnique([...a.elements, ...b.elements]) };
  throw new Error(`cannot merge ${a.type} data with ${b.type} data`);
}

function maxPerNode(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const node of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    out[node] = Math.max(a[node] ?? 0, b[node] ?? 0);
  }
  return out;
}
