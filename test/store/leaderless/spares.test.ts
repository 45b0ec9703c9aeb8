import { describe, expect, it } from 'vitest';
import { HashRing } from '../../../src/store/shared/hash-ring.js';
import { defaultLeaderlessConfig } from '../../../src/store/leaderless/config.js';
import { validateLeaderlessConfig } from '../../../src/store/leaderless/validate-config.js';
import { leaderlessStore } from '../../../src/store/leaderless/store.js';
import { Harness } from './support/harness.js';

const MEMBERS = ['n1', 'n2', 'n3'];
const RING = new HashRing(MEMBERS, defaultLeaderlessConfig().vnodes);
const KEYS = Array.from({ length: 40 }, (_, i) => `k${i}`);
/** Two copies, both needed to acknowledge a write: a lost member blocks writes to its ranges. */
const QUORUMS = { nodes: 3, n: 2, w: 2, r: 1 };

function ownedBy(member: string): string[] {
  return KEYS.filter((key) => RING.preferenceList(key, 2).includes(member));
}

/** A harness with every key written once through a member that survives. */
function written(spares: number): Harness {
  const h = new Harness({ ...QUORUMS, spares });
  for (const key of KEYS) expect(h.call('n1', 'write', key, `v-${key}`)?.outcome).toBe('ok');
  return h;
}

describe('leaderless spares', () => {
  it('are nodes of the store that clients do not reach, and hold nothing while every member is up', () => {
    const store = leaderlessStore({ ...QUORUMS, spares: 2 });
    expect(store.nodeIds).toEqual(['n1', 'n2', 'n3', 's1', 's2']);
    expect(store.entryPoints).toEqual(['n1', 'n2', 'n3']);
    const h = written(2);
    h.advance(2_000);
    expect(h.state('s1')).toEqual({});
    expect(h.state('s2')).toEqual({});
    expect(h.events('spare-takeover')).toEqual([]);
  });

  it('take a destroyed member\'s ranges over, receive their data from the surviving copies, then serve them', () => {
    const h = written(1);
    h.world.destroy('n2');
    h.advance(1_500);
    expect(h.events('spare-takeover').map((e) => e.detail)).toEqual([{ failed: 'n2', spare: 's1' }]);
    const [complete] = h.events('transfer-complete');
    const lost = ownedBy('n2');
    expect(lost.length).toBeGreaterThan(0);
    expect(complete?.detail).toMatchObject({ failed: 'n2', from: ['n1', 'n3'], keys: lost.length });
    expect(complete!.detail.bytes).toBeGreaterThan(lost.length * 10);
    expect(complete!.detail.ms).toBeGreaterThan(0);
    // Exactly the ranges n2 held, with the acknowledged values.
    expect(Object.keys(h.state('s1')).sort()).toEqual([...lost].sort());
    for (const key of lost) expect(h.state('s1')[key]?.values).toEqual([`v-${key}`]);
    // Writes to those ranges need two copies again, and the spare is one of them.
    const key = lost[0]!;
    expect(h.call('n1', 'write', key, 'after')?.outcome).toBe('ok');
    expect(h.state('s1')[key]?.values).toEqual(['after']);
  });

  it('without a spare, a destroyed member leaves its ranges unable to take writes', () => {
    const h = written(0);
    h.world.destroy('n2');
    h.advance(1_500);
    const key = ownedBy('n2')[0]!;
    expect(h.call('n1', 'write', key, 'after')?.outcome).toBe('error');
  });

  it('N+1 has nothing left for a second failure; N+2 replaces both', () => {
    for (const spares of [1, 2]) {
      const h = written(spares);
      h.world.destroy('n2');
      h.advance(1_500);
      h.world.destroy('n3');
      h.advance(1_500);
      const takeovers = h.events('spare-takeover').map((e) => e.detail);
      const survivor = ownedBy('n3').find((key) => !RING.preferenceList(key, 2).includes('n1'))!;
      if (spares === 1) {
        expect(takeovers).toEqual([{ failed: 'n2', spare: 's1' }]);
        expect(h.call('n1', 'write', ownedBy('n3')[0]!, 'late')?.outcome).toBe('error');
      } else {
        expect(takeovers).toEqual([{ failed: 'n2', spare: 's1' }, { failed: 'n3', spare: 's2' }]);
        // n3's ranges shared with n2 came from s1, the copy that took n2's place.
        expect(h.state('s2')[survivor]?.values).toEqual([`v-${survivor}`]);
        for (const key of KEYS) expect(h.call('n1', 'write', key, 'late')?.outcome).toBe('ok');
      }
    }
  });

  it('are a validated setting', () => {
    expect(validateLeaderlessConfig({}).spares).toBe(0);
    expect(() => validateLeaderlessConfig({ spares: 3 })).toThrow('leaderless.spares');
    expect(() => validateLeaderlessConfig({ spares: 1, spareHeartbeatMs: 100, spareDeclareAfterMs: 100 })).toThrow('leaderless.spareDeclareAfterMs');
  });
});

describe('a spare that restarts after taking a member over', () => {
  it('learns again from the members which ranges it holds, pulls them again, and serves them', () => {
    const h = written(1);
    h.world.destroy('n2');
    h.advance(1_500);
    expect(h.events('transfer-complete')).toHaveLength(1);
    h.world.crash('s1');
    h.world.restart('s1');
    h.advance(1_000);
    // The second transfer is the restarted spare's: it answers reads again only after it.
    expect(h.events('transfer-complete').map((e) => e.node)).toEqual(['s1', 's1']);
    expect(h.events('spare-takeover')).toHaveLength(1);
    const key = ownedBy('n2')[0]!;
    expect(h.call('n1', 'write', key, 'after-restart')?.outcome).toBe('ok');
    expect(h.state('s1')[key]?.values).toEqual(['after-restart']);
  });
});
