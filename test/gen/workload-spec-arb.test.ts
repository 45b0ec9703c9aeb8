import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WORKLOADS } from '../../workloads/index.js';
import { workloadSpecArb } from '../../src/gen/workload-spec-arb.js';
import { seededRandom } from '../../src/run/seeds.js';

describe('workloadSpecArb', () => {
  it('stays within its bounds and names a real workload', () => {
    const arb = workloadSpecArb({ minOps: 5, maxOps: 40, maxClients: 3, maxKeys: 2, maxValues: 4, maxSpacingMs: 20 });
    fc.assert(
      fc.property(arb, (spec) => {
        expect(WORKLOADS[spec.workload]).toBeDefined();
        expect(spec.ops).toBeGreaterThanOrEqual(5);
        expect(spec.ops).toBeLessThanOrEqual(40);
        expect(spec.clients).toBeGreaterThanOrEqual(1);
        expect(spec.clients).toBeLessThanOrEqual(3);
        expect(spec.keys).toBeLessThanOrEqual(2);
        expect(spec.values).toBeLessThanOrEqual(4);
        expect(spec.readFraction).toBeGreaterThanOrEqual(0);
        expect(spec.readFraction).toBeLessThanOrEqual(1);
        expect(spec.spacingMs).toBeLessThanOrEqual(20);
      }),
      { numRuns: 200 },
    );
  });

  it('gives specs each workload turns into exactly that many ops', () => {
    fc.assert(
      fc.property(workloadSpecArb({ maxOps: 30 }), fc.integer(), (spec, seed) => {
        const ops = WORKLOADS[spec.workload]!.generate(spec, seededRandom(seed));
        expect(ops).toHaveLength(spec.ops);
        for (const op of ops) expect(op.process).toBeLessThan(spec.clients);
      }),
      { numRuns: 100 },
    );
  });

  it('draws only the workloads it is given', () => {
    const specs = fc.sample(workloadSpecArb({ workloads: ['kv', 'set'] }), { seed: 5, numRuns: 50 });
    expect(new Set(specs.map((s) => s.workload))).toEqual(new Set(['kv', 'set']));
  });

  it('refuses an unknown workload by name', () => {
    expect(() => workloadSpecArb({ workloads: ['queue'] })).toThrow(/unknown workload 'queue'/);
  });
});
