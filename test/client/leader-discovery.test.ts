import { describe, expect, it } from 'vitest';
import { DiscoveryService, LeaderCache } from '../../src/client/leader-discovery.js';
import { makeHarness } from './support/harness.js';

const twoWrites = [[{ f: 'write', key: 'x', value: 1 }, { f: 'write', key: 'x', value: 2 }]];

/** Which node received each request, in order. */
function route(h: ReturnType<typeof makeHarness>): string[] {
  return h.world.trace.events.filter((e) => e.kind === 'deliver' && e.peer === 'c0').map((e) => e.node!);
}

describe('leader discovery', () => {
  it('caches a learnt leader, forgets it when it fails, and ignores it while switched off or down', () => {
    const service = new DiscoveryService();
    const cache = new LeaderCache({ enabled: true }, service);
    cache.learn('n2', 0);
    expect(cache.leader(1)).toBe('n2');
    service.failUntil(100);
    expect(cache.leader(50)).toBeUndefined();
    cache.learn('n3', 50); // the service is down: nothing is learnt
    expect(cache.leader(100)).toBe('n2');
    cache.forget('n3');
    expect(cache.leader(100)).toBe('n2');
    cache.forget('n2');
    expect(cache.leader(100)).toBeUndefined();
    const off = new LeaderCache({ enabled: false }, service);
    off.learn('n1', 200);
    expect([off.leader(200), off.usable(200)]).toEqual([undefined, false]);
  });

  it('follows a redirect hint at once and sends the next op straight to the leader', () => {
    const h = makeHarness({ ops: twoWrites, store: { leader: 'n3' } });
    h.world.runUntil(500);
    expect(route(h)).toEqual(['n1', 'n3', 'n3']);
    expect(h.runtime.recorder.ops.filter((op) => op.type === 'ok').map((op) => op.node)).toEqual(['n3', 'n3']);
    expect(h.runtime.stats).toMatchObject({ redirectsFollowed: 1, retries: 0 });
  });

  it('walks the entry points in turn when redirects carry no hint', () => {
    const h = makeHarness({ ops: twoWrites, store: { leader: 'n3', hint: false } });
    h.world.runUntil(500);
    // the first op finds the leader by trying n1, n2, n3; the second goes to the node that answered ok
    expect(route(h)).toEqual(['n1', 'n2', 'n3', 'n3']);
    expect(h.runtime.stats.retries).toBe(2);
  });

  it('falls back to the entry points in turn while discovery is down, then uses the cache again', () => {
    const ops = [[1, 2, 3].map((value, i) => ({ f: 'write', key: 'x', value, atMs: i * 200 }))];
    const h = makeHarness({ ops, store: { leader: 'n3' } });
    h.world.schedule(100, 'discovery down', () => h.runtime.discovery.failUntil(300));
    h.world.runUntil(1000);
    expect(route(h)).toEqual([
      'n1', 'n3', // t=0: redirected to n3, which is learnt
      'n1', 'n2', 'n3', // t=200: discovery down: the hint and the cache are unusable, walk n1, n2, n3
      'n3', // t=400: discovery back: the cached leader again
    ]);
    expect(h.runtime.recorder.ops.filter((op) => op.type === 'ok')).toHaveLength(3);
  });

  it('gives up following hints after maxRedirects', () => {
    const h = makeHarness({
      ops: [[{ f: 'write', key: 'x', value: 1 }]],
      store: { leader: 'n9' }, // a hint to a node that does not serve either
      storeNodes: 3,
      policy: (p) => {
        p.retry.maxRedirects = 0;
        p.retry.maxRetries = 0;
      },
    });
    h.world.runUntil(500);
    expect(h.runtime.recorder.ops[1]).toMatchObject({ type: 'fail', error: 'redirect', node: 'n1' });
  });
});
