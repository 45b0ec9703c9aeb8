import { describe, expect, it } from 'vitest';
import { leafIndex } from '../../../src/store/shared/merkle-tree.js';
import { Harness } from './support/harness.js';

const DEPTH = 8;
const UNCHANGED = ['k0', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8', 'k9'];
const CHANGED = ['k1', 'k2', 'fresh'];
const changedLeaves = [...new Set(CHANGED.map((key) => leafIndex(key, DEPTH)))].sort((a, b) => a - b);

/** n3 misses a few writes while partitioned; then the partition heals and only anti-entropy can fix it. */
function divergedReplicas(enabled: boolean): { h: Harness; healedAtMs: number } {
  const h = new Harness({
    nodes: 3,
    n: 3,
    w: 2,
    r: 2,
    readRepair: false,
    hintedHandoff: false,
    antiEntropy: { enabled, intervalMs: 200, treeDepth: DEPTH },
  });
  for (const key of [...UNCHANGED, 'k1', 'k2']) expect(h.call('n1', 'write', key, `${key}-v1`)?.outcome).toBe('ok');
  h.advance(50);
  h.isolate('n3');
  for (const key of CHANGED) expect(h.call('n1', 'write', key, `${key}-v2`)?.outcome).toBe('ok');
  h.world.heal();
  const healedAtMs = h.world.now();
  h.advance(2_000);
  return { h, healedAtMs };
}

describe('leaderless Merkle-tree anti-entropy', () => {
  it('precondition: the changed keys do not share a leaf with unchanged ones', () => {
    const unchangedLeaves = new Set(UNCHANGED.map((key) => leafIndex(key, DEPTH)));
    for (const leaf of changedLeaves) expect(unchangedLeaves.has(leaf)).toBe(false);
  });

  it('repairs exactly the keys that differ, and no others', () => {
    const { h, healedAtMs } = divergedReplicas(true);
    for (const key of [...UNCHANGED, ...CHANGED]) {
      expect(h.state('n3')[key]).toEqual(h.state('n1')[key]);
      expect(h.state('n2')[key]).toEqual(h.state('n1')[key]);
    }
    expect(h.valuesOf('fresh')).toEqual({ n1: ['fresh-v2'], n2: ['fresh-v2'], n3: ['fresh-v2'] });

    const repairs = h.events('anti-entropy-repair');
    expect(new Set(repairs.map((e) => e.node))).toEqual(new Set(['n3']));
    expect(repairs.flatMap((e) => e.detail.keys).sort()).toEqual([...CHANGED].sort());

    const exchanges = h.events('merkle-exchange').filter((e) => e.timeMs >= healedAtMs);
    expect(exchanges.length).toBeGreaterThan(4);
    for (const exchange of exchanges) {
      // Only keys in differing leaves travel, and only the changed keys ever differ.
      for (const key of exchange.detail.keysSent) {
        expect(CHANGED).toContain(key);
        expect(exchange.detail.differingLeaves).toContain(leafIndex(key, DEPTH));
      }
      for (const leaf of exchange.detail.differingLeaves) expect(changedLeaves).toContain(leaf);
    }
    // The first exchange between n3 and a peer found exactly the leaves of the changed keys.
    const first = exchanges.find((e) => (e.node === 'n3' || e.detail.peer === 'n3') && e.detail.differingLeaves.length > 0)!;
    expect(first.detail.differingLeaves).toEqual(changedLeaves);
    // Once repaired, exchanges find nothing to do.
    const last = exchanges.slice(-4);
    for (const exchange of last) expect(exchange.detail).toMatchObject({ differingLeaves: [], keysSent: [] });
  });

  it('never reports differences between replicas that agree', () => {
    const { h, healedAtMs } = divergedReplicas(true);
    const between12 = h
      .events('merkle-exchange')
      .filter((e) => e.timeMs >= healedAtMs && [e.node, e.detail.peer].sort().join() === 'n1,n2');
    expect(between12.length).toBeGreaterThan(0);
    for (const exchange of between12) expect(exchange.detail.differingLeaves).toEqual([]);
  });

  it('converges every owner of every key on a larger ring, where peers share only some ranges', () => {
    const antiEntropy = { enabled: true, intervalMs: 100, treeDepth: 5 };
    const config = { nodes: 5, n: 3, w: 2, r: 2, readRepair: false, hintedHandoff: false, antiEntropy, coordinator: 'contacted' as const };
    const h = new Harness(config);
    h.isolate('n2');
    const keys = Array.from({ length: 30 }, (_, i) => `key-${i}`);
    keys.forEach((key, i) => expect(h.call('n1', 'write', key, i)?.outcome).toBe('ok'));
    const missedByN2 = keys.filter((key) => h.store.nodeIds.filter((id) => h.state(id)[key] !== undefined).length < 3);
    expect(missedByN2.length).toBeGreaterThan(5);
    h.world.heal();
    h.advance(3_000);
    const store = h.store;
    for (const key of keys) {
      const holders = store.nodeIds.filter((id) => h.state(id)[key] !== undefined);
      expect(holders).toHaveLength(3); // exactly the owners, all of them
      for (const id of holders) expect(h.state(id)[key]).toEqual(h.state(holders[0]!)[key]);
    }
  });

  it('leaves the replica stale when switched off', () => {
    const { h } = divergedReplicas(false);
    expect(h.valuesOf('fresh').n3).toBeUndefined();
    expect(h.valuesOf('k1').n3).toEqual(['k1-v1']);
    expect(h.events('merkle-exchange')).toEqual([]);
  });
});
