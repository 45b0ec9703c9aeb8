import { describe, expect, it } from 'vitest';
import { Harness } from './support/harness.js';

function staleReplicaScenario(readRepair: boolean): Harness {
  const h = new Harness({ nodes: 3, n: 3, w: 2, r: 2, readRepair, hintedHandoff: false });
  h.isolate('n3');
  expect(h.call('n1', 'write', 'x', 'fresh')?.outcome).toBe('ok');
  h.world.heal();
  h.advance(100);
  expect(h.valuesOf('x')).toEqual({ n1: ['fresh'], n2: ['fresh'], n3: undefined });
  expect(h.call('n1', 'read', 'x')).toMatchObject({ outcome: 'ok', value: 'fresh' });
  h.advance(100);
  return h;
}

describe('leaderless read repair', () => {
  it('brings a replica that answered a read with an older version up to date', () => {
    const h = staleReplicaScenario(true);
    expect(h.valuesOf('x')).toEqual({ n1: ['fresh'], n2: ['fresh'], n3: ['fresh'] });
    expect(h.state('n3').x).toEqual(h.state('n1').x);
    expect(h.events('read-repair')).toEqual([expect.objectContaining({ node: 'n1', detail: { key: 'x', replicas: ['n3'], sent: h.state('n1').x!.version, observed: { n3: null } } })]);
  });

  it('leaves the stale replica alone when switched off', () => {
    const h = staleReplicaScenario(false);
    expect(h.valuesOf('x').n3).toBeUndefined();
    expect(h.events('read-repair')).toEqual([]);
  });

  it('repairs an older value, not only a missing one', () => {
    const h = new Harness({ nodes: 3, n: 3, w: 3, r: 3, hintedHandoff: false });
    expect(h.call('n1', 'write', 'x', 'old')?.outcome).toBe('ok');
    h.isolate('n2');
    expect(h.call('n1', 'write', 'x', 'new')?.outcome).toBe('error'); // W = 3 cannot be met
    h.world.heal();
    expect(h.valuesOf('x')).toEqual({ n1: ['new'], n2: ['old'], n3: ['new'] });
    expect(h.call('n3', 'read', 'x')).toMatchObject({ outcome: 'ok', value: 'new' });
    h.advance(50);
    expect(h.valuesOf('x')).toEqual({ n1: ['new'], n2: ['new'], n3: ['new'] });
  });
});
