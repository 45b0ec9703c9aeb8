import { describe, expect, it } from 'vitest';
import { leaderlessNodeIds } from '../../src/store/leaderless/config.js';
import type { MutationName } from '../../src/store/mutations.js';
import { HashRing } from '../../src/store/shared/hash-ring.js';
import { leafIndex } from '../../src/store/shared/merkle-tree.js';
import { leaderlessWorld } from './support/leaderless-world.js';

/**
 * Each leaderless switch, driven by hand through the scenario that shows its
 * bug: with the switch on the nodes do the wrong thing, with it off the same
 * steps give the right result.
 */
describe('leaderless mutation switches', () => {
  /**
   * Five nodes, no anti-entropy: an owner of k is down during a write, so a
   * fallback node keeps a hint for it; the fallback restarts before the owner is back.
   */
  function hintHeldAcrossARestart(mutations: MutationName[]) {
    const config = { nodes: 5 };
    const [coordinator, , owner, fallback] = new HashRing(leaderlessNodeIds({ nodes: 5 }), 8).walk('k');
    const w = leaderlessWorld(mutations, config);
    w.world.crash(owner!);
    const write = w.call(coordinator!, 'write', 'k', 1);
    w.advance(100);
    const stored = w.events('hint-stored').map((e) => e.node);
    w.world.crash(fallback!, { loseUnsynced: false });
    w.world.restart(fallback!);
    w.world.restart(owner!);
    w.advance(1_000);
    return { w, write, stored, owner: owner!, fallback: fallback! };
  }

  it('hints-dropped-on-restart: a fallback that restarts forgets the hints it held', () => {
    const off = hintHeldAcrossARestart([]);
    const on = hintHeldAcrossARestart(['hints-dropped-on-restart']);
    for (const run of [off, on]) {
      expect(run.write).toMatchObject({ outcome: 'ok' });
      expect(run.stored).toEqual([run.fallback]);
    }
    expect(off.w.events('hints-held').map((e) => e.node)).toEqual([off.fallback]);
    expect(off.w.valuesOf('k')[off.owner]).toEqual([1]);
    expect(on.w.events('hints-held')).toEqual([]);
    expect(on.w.events('hint-delivered')).toEqual([]);
    expect(on.w.valuesOf('k')[on.owner]).toBeUndefined();
  });

  /**
   * n3 holds x = 1 and misses x = 2 and z = 1 while cut off; only anti-entropy can
   * bring it up to date. x and z fall in different leaves of the tree (a leaf whose
   * key sets differ is exchanged whole, which would repair x along with z).
   */
  function staleReplicaUnderAntiEntropy(mutations: MutationName[]) {
    const w = leaderlessWorld(mutations, { readRepair: false, antiEntropy: { enabled: true, intervalMs: 100 } });
    expect(w.call('n1', 'write', 'x', 1)).toMatchObject({ outcome: 'ok' });
    w.advance(50);
    w.isolate('n3', true);
    expect(w.call('n1', 'write', 'x', 2)).toMatchObject({ outcome: 'ok' });
    expect(w.call('n1', 'write', 'z', 1)).toMatchObject({ outcome: 'ok' });
    w.isolate('n3', false);
    w.advance(1_000);
    return w;
  }

  it('merkle-without-version: anti-entropy brings back a missing key but not a stale version', () => {
    const off = staleReplicaUnderAntiEntropy([]);
    const on = staleReplicaUnderAntiEntropy(['merkle-without-version']);
    expect(off.valuesOf('x')).toEqual({ n1: [2], n2: [2], n3: [2] });
    expect(off.valuesOf('z')).toEqual({ n1: [1], n2: [1], n3: [1] });
    expect(leafIndex('x', 6)).not.toBe(leafIndex('z', 6));
    expect(on.valuesOf('x')).toEqual({ n1: [2], n2: [2], n3: [1] });
    expect(on.valuesOf('z')).toEqual({ n1: [1], n2: [1], n3: [1] });
  });

  /** n3 misses x = 2; then a read coordinated by n3 sees its own x = 1 and another replica's x = 2. */
  function readAcrossAStaleReplica(mutations: MutationName[]) {
    const w = leaderlessWorld(mutations, { readRepair: true });
    expect(w.call('n1', 'write', 'x', 1)).toMatchObject({ outcome: 'ok' });
    w.advance(50);
    w.isolate('n3', true);
    expect(w.call('n1', 'write', 'x', 2)).toMatchObject({ outcome: 'ok' });
    w.isolate('n3', false);
    const firstRead = w.call('n3', 'read', 'x');
    w.advance(100);
    return { w, firstRead, laterRead: w.call('n1', 'read', 'x') };
  }

  it('read-repair-writes-older: a read puts the older value back over the acknowledged newer one', () => {
    const off = readAcrossAStaleReplica([]);
    const on = readAcrossAStaleReplica(['read-repair-writes-older']);
    for (const run of [off, on]) expect(run.firstRead).toMatchObject({ outcome: 'ok', value: 2 });
    expect(off.w.valuesOf('x')).toEqual({ n1: [2], n2: [2], n3: [2] });
    expect(off.laterRead).toMatchObject({ outcome: 'ok', value: 2 });
    expect(on.laterRead).toMatchObject({ outcome: 'ok', value: 1 });
    expect(Object.values(on.w.valuesOf('x')).filter((values) => values?.[0] === 1).length).toBeGreaterThanOrEqual(2);
  });
});
