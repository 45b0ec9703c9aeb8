import { describe, expect, it } from 'vitest';
import { HashRing } from '../../../src/store/shared/hash-ring.js';
import { defaultLeaderlessConfig } from '../../../src/store/leaderless/config.js';
import { Harness } from './support/harness.js';

const NODES = ['n1', 'n2', 'n3', 'n4'];
const KEY = 'user:42';
const [COORDINATOR, OTHER_OWNER, DOWN_OWNER, FALLBACK] = new HashRing(NODES, defaultLeaderlessConfig().vnodes).walk(KEY) as [
  string,
  string,
  string,
  string,
];

describe('leaderless hinted handoff', () => {
  it('keeps a write for an owner that is down and delivers it once the owner is back', () => {
    const h = new Harness({ nodes: 4, n: 3, w: 2, r: 2, hintedHandoff: true, readRepair: false });
    h.world.crash(DOWN_OWNER);
    expect(h.call(COORDINATOR, 'write', KEY, 'v1')?.outcome).toBe('ok');
    h.advance(200);
    const stored = h.events('hint-stored');
    expect(stored).toEqual([expect.objectContaining({ node: FALLBACK, detail: expect.objectContaining({ owner: DOWN_OWNER, key: KEY }) })]);
    // A hint is not a replica: the fallback does not serve the key as its own.
    expect(h.state(FALLBACK)[KEY]).toBeUndefined();
    expect(h.events('hint-delivered')).toEqual([]);

    h.advance(1_000); // the holder keeps retrying while the owner is down
    expect(h.events('hint-delivered')).toEqual([]);
    h.world.restart(DOWN_OWNER);
    expect(h.state(DOWN_OWNER)[KEY]).toBeUndefined();
    h.advance(500);

    expect(h.valuesOf(KEY)).toEqual({ [COORDINATOR]: ['v1'], [OTHER_OWNER]: ['v1'], [DOWN_OWNER]: ['v1'], [FALLBACK]: undefined });
    const delivered = h.events('hint-delivered');
    expect(delivered).toEqual([{ node: FALLBACK, timeMs: expect.any(Number), detail: { owner: DOWN_OWNER, keys: [KEY], count: 1, hints: [expect.any(String)] } }]);
    // Delivered hints are deleted durably: a restarted holder does not send them again.
    h.world.crash(FALLBACK);
    h.world.restart(FALLBACK);
    h.advance(500);
    expect(h.events('hint-delivered')).toHaveLength(1);
  });

  it('keeps hints across a crash of the node holding them', () => {
    const h = new Harness({ nodes: 4, n: 3, w: 2, r: 2, hintedHandoff: true, readRepair: false });
    h.world.crash(DOWN_OWNER);
    expect(h.call(COORDINATOR, 'write', KEY, 'v1')?.outcome).toBe('ok');
    h.advance(100);
    h.world.crash(FALLBACK);
    h.world.restart(FALLBACK);
    h.world.restart(DOWN_OWNER);
    h.advance(500);
    expect(h.valuesOf(KEY)[DOWN_OWNER]).toEqual(['v1']);
  });

  it('does nothing for the absent owner when switched off', () => {
    const h = new Harness({ nodes: 4, n: 3, w: 2, r: 2, hintedHandoff: false, readRepair: false });
    h.world.crash(DOWN_OWNER);
    expect(h.call(COORDINATOR, 'write', KEY, 'v1')?.outcome).toBe('ok');
    h.world.restart(DOWN_OWNER);
    h.advance(1_000);
    expect(h.events('hint-stored')).toEqual([]);
    expect(h.valuesOf(KEY)[DOWN_OWNER]).toBeUndefined();
  });
});
