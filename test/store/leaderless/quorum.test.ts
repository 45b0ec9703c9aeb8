import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Harness } from './support/harness.js';

describe('leaderless quorums', () => {
  it('with W + R > N and no faults, every read sees the last acknowledged write', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.record({ write: fc.boolean(), node: fc.integer({ min: 1, max: 5 }), key: fc.constantFrom('a', 'b', 'c') }), {
          minLength: 1,
          maxLength: 25,
        }),
        (seed, steps) => {
          // Widely varying latency, so replicas really lag behind one another.
          const timeouts = { replicaTimeoutMs: 100, requestTimeoutMs: 400 };
          const config = { nodes: 5, n: 3, w: 2, r: 2, readRepair: false, coordinator: 'contacted' as const, ...timeouts };
          const h = new Harness(config, { seed, latencyMs: { kind: 'uniform', min: 1, max: 40 } });
          const last = new Map<string, unknown>();
          steps.forEach((step, i) => {
            const node = `n${step.node}`;
            if (step.write) {
              expect(h.call(node, 'write', step.key, i)?.outcome).toBe('ok');
              last.set(step.key, i);
            } else {
              const reply = h.call(node, 'read', step.key);
              expect(reply?.outcome).toBe('ok');
              expect(reply?.value).toEqual(last.get(step.key) ?? null);
            }
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('with W + R <= N a read can miss an acknowledged write, and with W + R > N it cannot', () => {
    const outcomes = [1, 2].map((quorum) => {
      const h = new Harness({ nodes: 3, n: 3, w: quorum, r: quorum, readRepair: false, hintedHandoff: false });
      // n1's writes cannot reach n3; n2 still talks to both.
      h.world.partition([['n1', 'n3'], ['n3', 'n1']]);
      expect(h.call('n1', 'write', 'x', 'v1')?.outcome).toBe('ok');
      return h.call('n3', 'read', 'x');
    });
    expect(outcomes[0]).toMatchObject({ outcome: 'ok', value: null }); // W=1, R=1: stale
    expect(outcomes[1]).toMatchObject({ outcome: 'ok', value: 'v1' }); // W=2, R=2: fresh
  });

  it('answers error (unknown outcome) when W acknowledgements do not come in time', () => {
    const h = new Harness({ nodes: 3, n: 3, w: 3, r: 1, hintedHandoff: false });
    h.isolate('n3');
    const reply = h.call('n1', 'write', 'x', 1);
    expect(reply).toMatchObject({ outcome: 'error', error: 'timeout' });
    // The outcome was truly unknown: the write did land on the replicas that answered.
    expect(h.valuesOf('x')).toMatchObject({ n1: [1], n2: [1], n3: undefined });
  });
});
