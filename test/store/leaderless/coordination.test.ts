import { describe, expect, it } from 'vitest';
import { HashRing } from '../../../src/store/shared/hash-ring.js';
import { defaultLeaderlessConfig } from '../../../src/store/leaderless/config.js';
import { Harness } from './support/harness.js';

const NODES = ['n1', 'n2', 'n3', 'n4', 'n5'];
const KEY = 'order:1';
const walk = new HashRing(NODES, defaultLeaderlessConfig().vnodes).walk(KEY);
const OWNERS = walk.slice(0, 3);
const OUTSIDER = walk[3]!;

function sentKinds(h: Harness, from: string): string[] {
  return h.world.trace.events.filter((e) => e.kind === 'send' && e.node === from).map((e) => e.detail!.split(' ')[1]!);
}

describe('leaderless request coordination', () => {
  it("forwards a request from a non-replica to the key's first replica (preference-list)", () => {
    const h = new Harness({ nodes: 5, n: 3, w: 2, r: 2 });
    expect(h.call(OUTSIDER, 'write', KEY, 'v')?.outcome).toBe('ok');
    expect(sentKinds(h, OUTSIDER)).toEqual(['forward', 'client-reply']);
    expect(sentKinds(h, OWNERS[0]!)).toContain('replica-write');
    expect(h.call(OUTSIDER, 'read', KEY)).toMatchObject({ outcome: 'ok', value: 'v' });
    expect(h.valuesOf(KEY)[OUTSIDER]).toBeUndefined();
  });

  it('coordinates at the contacted node when configured so', () => {
    const h = new Harness({ nodes: 5, n: 3, w: 2, r: 2, coordinator: 'contacted' });
    expect(h.call(OUTSIDER, 'write', KEY, 'v')?.outcome).toBe('ok');
    const kinds = sentKinds(h, OUTSIDER);
    expect(kinds.filter((k) => k === 'replica-write')).toHaveLength(3);
    expect(kinds).not.toContain('forward');
    expect(h.valuesOf(KEY)[OUTSIDER]).toBeUndefined();
  });

  it('answers error when a forwarded request gets no answer', () => {
    const h = new Harness({ nodes: 5, n: 3, w: 2, r: 2 });
    h.isolate(OUTSIDER);
    expect(h.call(OUTSIDER, 'write', KEY, 'v')).toMatchObject({ outcome: 'error', error: 'forward-timeout' });
  });

  it('fails unknown verbs and bad arguments without writing anything', () => {
    const h = new Harness({ nodes: 3, n: 3, w: 2, r: 2 });
    expect(h.call('n1', 'frobnicate', 'k', 1)).toMatchObject({ outcome: 'fail' });
    expect(h.call('n1', 'cas', 'k', 'not-a-pair')).toMatchObject({ outcome: 'fail', error: 'bad-argument' });
    expect(h.call('n1', 'write', 'k', 'text')?.outcome).toBe('ok');
    expect(h.call('n1', 'incr', 'k', 1)).toMatchObject({ outcome: 'fail', error: 'type-mismatch' });
    expect(h.call('n2', 'read', 'k')).toMatchObject({ outcome: 'ok', value: 'text' });
  });
});
