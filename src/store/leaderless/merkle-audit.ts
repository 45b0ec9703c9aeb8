/**
 * What each side of a Merkle comparison traces so that a checker can verify the
 * tree against a brute-force comparison of the two replicas: for every node of
 * the tree a side compares, a digest of each key's whole state under that node,
 * taken at the moment the side hashes it. The digest is computed here from the
 * stored state itself, not from what the tree hashed, so a tree that hashes too
 * little (or the wrong thing) shows up as a disagreement between the two.
 *
 * @example
 * ctx.trace('merkle-step', { session, level, digests: digestsUnder(env, 'n2', 6, 0, [0]) });
 */
import { hash32 } from '../shared/hash-ring.js';
import { leafIndex } from '../shared/merkle-tree.js';
import { canonicalJson } from './canonical.js';
import type { NodeEnv } from './node-env.js';

/**
 * Per compared node (by index at `level`): each key shared with `peer` that
 * falls under it, with a 32-bit digest of the key's full state here.
 *
 * @example
 * digestsUnder(env, 'n2', 6, 0, [0]); // { '0': { k0: 123456789, k3: 987654321 } }
 */
export function digestsUnder(
  env: NodeEnv,
  peer: string,
  depth: number,
  level: number,
  indices: readonly number[],
): Record<string, Record<string, number>> {
  const digests: Record<string, Record<string, number>> = {};
  for (const index of indices) digests[index] = {};
  for (const key of env.store.keys()) {
    const owners = env.owners(key);
    if (!owners.includes(peer) || !owners.includes(env.id)) continue;
    const node = leafIndex(key, depth) >>> (depth - level);
    const under = digests[node];
    if (under !== undefined) under[key] = hash32(canonicalJson(env.store.get(key)));
  }
  return digests;
}

/**
 * The size of a message as the network counts it (its JSON text), for the
 * bytes anti-entropy spends.
 *
 * @example
 * messageBytes({ kind: 'merkle-diff', differing: [] }); // 35
 */
export function messageBytes(message: unknown): number {
  return JSON.stringify(message).length;
}
