import { describe, expect, it } from 'vitest';
import { defaultMultiLeaderConfig } from '../../../src/store/multi-leader/config.js';
import { Topology } from '../../../src/store/multi-leader/topology.js';
import { Harness } from './support/harness.js';
import { splitGroups, expectAllEqual } from './support/scenarios.js';

describe('home routing', () => {
  it('avoids conflicts: concurrent writes to one key from both groups are ordered at its home leader', () => {
    const h = new Harness({ conflictResolution: 'siblings', homeRouting: true });
    h.at(10, 'a', 'dc1-n1', { f: 'write', key: 'x', value: 'from-dc1' });
    h.at(10, 'b', 'dc2-n1', { f: 'write', key: 'x', value: 'from-dc2' });
    h.runUntil(500);
    expect(h.reply('a')?.reply.outcome).toBe('ok');
    expect(h.reply('b')?.reply.outcome).toBe('ok');
    expect(h.traced('conflict')).toEqual([]);
    expect(h.traced('forward')).toHaveLength(1);
    const home = h.traced('forward')[0]!.detail.to as string;
    const state = h.state('dc1-n1').x!;
    expect(state.values).toHaveLength(1);
    expect(state.version).toEqual({ [home]: 2 });
    expectAllEqual(h);
  });

  it('without it, the same writes conflict', () => {
    const h = new Harness({ conflictResolution: 'siblings', homeRouting: false });
    h.at(10, 'a', 'dc1-n1', { f: 'write', key: 'x', value: 'from-dc1' });
    h.at(10, 'b', 'dc2-n1', { f: 'write', key: 'x', value: 'from-dc2' });
    h.runUntil(500);
    expect(h.traced('conflict').length).toBeGreaterThan(0);
    expect(h.state('dc1-n1').x?.values).toEqual(['from-dc1', 'from-dc2']);
  });

  it('answers error (unknown outcome) when the home leader cannot be reached', () => {
    const h = new Harness({ homeRouting: true, forwardTimeoutMs: 100 });
    // Find a key whose home is dc2, and write it at dc1 while dc2 is cut off.
    const topology = new Topology(defaultMultiLeaderConfig());
    const key = ['a', 'b', 'c', 'd', 'e', 'f'].find((k) => topology.homeLeader(k) === 'dc2-n1')!;
    splitGroups(h, 400);
    h.at(10, 'w', 'dc1-n1', { f: 'write', key, value: 1 });
    h.runUntil(300);
    expect(h.reply('w')?.reply).toMatchObject({ outcome: 'error', error: 'forward-timeout' });
  });
});
