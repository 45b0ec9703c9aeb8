/**
 * A Merkle tree over a replica's (key, version) pairs, for anti-entropy: two
 * replicas compare roots, descend only into subtrees whose hashes differ, and
 * end with the few leaves (key ranges) worth exchanging key by key.
 *
 * The tree is a complete binary tree of `depth` levels below the root. A key
 * falls into the leaf given by the top `depth` bits of its hash — the same hash
 * that places it on the ring, so a leaf is a contiguous arc of the key space.
 * An empty subtree hashes to 0, so replicas that both lack a range agree on it.
 *
 * @example
 * const a = MerkleTree.build([['x', 'v1'], ['y', 'v1']], 4);
 * const b = MerkleTree.build([['x', 'v1'], ['y', 'v2']], 4);
 * diffTrees(a, b); // [a.leafOf('y')]
 */
import { hash32 } from './hash-ring.js';

/**
 * The deepest tree allowed: 2^16 leaves is far more than any simulated key space needs.
 *
 * @example
 * MerkleTree.build(entries, MAX_MERKLE_DEPTH); // 65,536 leaves
 */
export const MAX_MERKLE_DEPTH = 16;

/**
 * One node of the tree as sent over the wire: its position in a level and its hash.
 *
 * @example
 * const node: MerkleNodeHash = { index: 3, hash: tree.hashAt(2, 3) };
 */
export interface MerkleNodeHash {
  index: number;
  hash: number;
}

/**
 * The leaf a key falls into in a tree of the given depth.
 *
 * @example
 * leafIndex('x', 0); // 0: a tree of depth 0 is a single leaf
 */
export function leafIndex(key: string, depth: number): number {
  return depth === 0 ? 0 : hash32(key) >>> (32 - depth);
}

/**
 * An immutable Merkle tree. Level 0 is the root; level `depth` holds the leaves.
 *
 * @example
 * const tree = MerkleTree.build([['k', '{"c":1}']], 3);
 * tree.hashAt(0, 0) !== 0;           // the root covers the one key
 * tree.keysInLeaf(tree.leafOf('k')); // ['k']
 */
export class MerkleTree {
  readonly depth: number;
  private readonly levels: Uint32Array[];
  private readonly leafKeys: Map<number, string[]>;

  private constructor(depth: number, levels: Uint32Array[], leafKeys: Map<number, string[]>) {
    this.depth = depth;
    this.levels = levels;
    this.leafKeys = leafKeys;
  }

  /** Builds the tree over `entries` ([key, version] pairs; keys unique). */
  static build(entries: Iterable<readonly [string, string]>, depth: number): MerkleTree {
    if (!Number.isInteger(depth) || depth < 0 || depth > MAX_MERKLE_DEPTH) {
      throw new Error(`merkle depth must be an integer in [0, ${MAX_MERKLE_DEPTH}], got ${depth}`);
    }
    const buckets = new Map<number, Array<readonly [string, string]>>();
    for (const entry of entries) {
      const leaf = leafIndex(entry[0], depth);
      const bucket = buckets.get(leaf);
      if (bucket) bucket.push(entry);
      else buckets.set(leaf, [entry]);
    }
    const levels: Uint32Array[] = [];
    for (let level = 0; level <= depth; level++) levels.push(new Uint32Array(1 << level));
    const leaves = levels[depth]!;
    const leafKeys = new Map<number, string[]>();
    for (const [leaf, bucket] of buckets) {
      bucket.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      leaves[leaf] = hashLeaf(bucket);
      leafKeys.set(leaf, bucket.map((entry) => entry[0]));
    }
    for (let level = depth - 1; level >= 0; level--) {
      const below = levels[level + 1]!;
      const here = levels[level]!;
      for (let i = 0; i < here.length; i++) here[i] = combine(below[2 * i]!, below[2 * i + 1]!);
    }
    return new MerkleTree(depth, levels, leafKeys);
  }

  /** The hash of node `index` at `level` (0 for an empty subtree). */
  hashAt(level: number, index: number): number {
    const row = this.levels[level];
    if (!row || !Number.isInteger(index) || index < 0 || index >= row.length) {
      throw new Error(`no merkle node at level ${level}, index ${index}`);
    }
    return row[index]!;
  }

  /** The hashes of the given nodes of one level, ready to send to a peer. */
  hashesAt(level: number, indices: readonly number[]): MerkleNodeHash[] {
    return indices.map((index) => ({ index, hash: this.hashAt(level, index) }));
  }

  /** The leaf a key falls into in this tree. */
  leafOf(key: string): number {
    return leafIndex(key, this.depth);
  }

  /** The keys this tree holds in one leaf, sorted. */
  keysInLeaf(leaf: number): string[] {
    return [...(this.leafKeys.get(leaf) ?? [])];
  }

  /**
   * Of the peer's node hashes at `level`, the indices where this tree differs:
   * the only subtrees worth descending into.
   */
  differing(level: number, peer: readonly MerkleNodeHash[]): number[] {
    return peer.filter((node) => this.hashAt(level, node.index) !== node.hash).map((node) => node.index);
  }
}

/**
 * The children (at `level + 1`) of the given nodes at `level`.
 *
 * @example
 * childIndices([0, 3]); // [0, 1, 6, 7]
 */
export function childIndices(indices: readonly number[]): number[] {
  return indices.flatMap((index) => [2 * index, 2 * index + 1]);
}

/**
 * The differing leaves of two trees of equal depth, found the way two replicas
 * find them over the wire: comparing level by level, descending only where the
 * hashes differ.
 *
 * @example
 * diffTrees(MerkleTree.build([], 3), MerkleTree.build([], 3)); // []
 */
export function diffTrees(a: MerkleTree, b: MerkleTree): number[] {
  if (a.depth !== b.depth) throw new Error(`cannot compare merkle trees of depth ${a.depth} and ${b.depth}`);
  let frontier = a.differing(0, b.hashesAt(0, [0]));
  for (let level = 1; level <= a.depth && frontier.length > 0; level++) {
    frontier = a.differing(level, b.hashesAt(level, childIndices(frontier)));
  }
  return frontier;
}

function hashLeaf(sortedEntries: ReadonlyArray<readonly [string, string]>): number {
  let text = '';
  for (const [key, version] of sortedEntries) text += `${key.length}:${key}=${version};`;
  // 0 is reserved for "empty", so a non-empty leaf never hashes to it.
  return hash32(text) || 1;
}

function combine(left: number, right: number): number {
  if (left === 0 && right === 0) return 0;
  return hash32(`${left}:${right}`) || 1;
}
