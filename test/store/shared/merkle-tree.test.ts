import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { childIndices, diffTrees, leafIndex, MerkleTree } from '../../../src/store/shared/merkle-tree.js';

/** Two replicas' (key -> version) maps, plus which keys were made to differ. */
const divergedReplicas = fc
  .record({
    shared: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.string({ maxLength: 4 }), { maxKeys: 40 }),
    changes: fc.array(fc.record({ key: fc.string({ minLength: 1, maxLength: 6 }), side: fc.constantFrom('a', 'b', 'both') }), { maxLength: 8 }),
    depth: fc.integer({ min: 0, max: 8 }),
  })
  .map(({ shared, changes, depth }) => {
    const a = new Map(Object.entries(shared));
    const b = new Map(Object.entries(shared));
    for (const { key, side } of changes) {
      if (side !== 'b') a.set(key, `${a.get(key) ?? ''}+a`);
      if (side !== 'a') b.set(key, `${b.get(key) ?? ''}+b`);
    }
    const differing = [...new Set([...a.keys(), ...b.keys()])].filter((key) => a.get(key) !== b.get(key));
    return { a, b, depth, differing };
  });

describe('MerkleTree', () => {
  it('finds exactly the leaves holding the keys that differ, descending only into differing subtrees', () => {
    fc.assert(
      fc.property(divergedReplicas, ({ a, b, depth, differing }) => {
        const treeA = MerkleTree.build(a, depth);
        const treeB = MerkleTree.build(b, depth);
        const expected = [...new Set(differing.map((key) => leafIndex(key, depth)))].sort((x, y) => x - y);
        expect(diffTrees(treeA, treeB)).toEqual(expected);
        expect(treeA.hashAt(0, 0) === treeB.hashAt(0, 0)).toBe(differing.length === 0);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order entries are given in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.string()), fc.integer({ min: 0, max: 6 }), (entries, depth) => {
        const forward = Object.entries(entries);
        const tree1 = MerkleTree.build(forward, depth);
        const tree2 = MerkleTree.build([...forward].reverse(), depth);
        for (let level = 0; level <= depth; level++) {
          for (let i = 0; i < 1 << level; i++) expect(tree1.hashAt(level, i)).toBe(tree2.hashAt(level, i));
        }
      }),
    );
  });

  it('hashes empty subtrees as 0 and non-empty ones as non-zero', () => {
    const tree = MerkleTree.build([['only', 'v1']], 3);
    const leaf = tree.leafOf('only');
    for (let i = 0; i < 8; i++) expect(tree.hashAt(3, i) === 0).toBe(i !== leaf);
    expect(tree.hashAt(0, 0)).not.toBe(0);
    expect(MerkleTree.build([], 3).hashAt(0, 0)).toBe(0);
  });

  it('lists the keys of a leaf, sorted, and reports differing nodes of a level', () => {
    const keys = Array.from({ length: 50 }, (_, i) => `k${i}`);
    const tree = MerkleTree.build(keys.map((k) => [k, 'v']), 2);
    const all = [0, 1, 2, 3].flatMap((leaf) => tree.keysInLeaf(leaf));
    expect(all.sort()).toEqual([...keys].sort());
    for (const leaf of [0, 1, 2, 3]) expect(tree.keysInLeaf(leaf)).toEqual([...tree.keysInLeaf(leaf)].sort());
    const other = MerkleTree.build(keys.map((k) => [k, k === 'k7' ? 'changed' : 'v']), 2);
    expect(other.differing(2, tree.hashesAt(2, [0, 1, 2, 3]))).toEqual([tree.leafOf('k7')]);
    expect(childIndices([1, 2])).toEqual([2, 3, 4, 5]);
  });

  it('rejects a bad depth or node position', () => {
    expect(() => MerkleTree.build([], -1)).toThrow(/depth/);
    expect(() => MerkleTree.build([], 17)).toThrow(/depth/);
    expect(() => MerkleTree.build([], 2).hashAt(2, 4)).toThrow(/no merkle node/);
    expect(() => diffTrees(MerkleTree.build([], 2), MerkleTree.build([], 3))).toThrow(/depth/);
  });
});
