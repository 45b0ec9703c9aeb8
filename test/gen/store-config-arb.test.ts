import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storeConfigArb } from '../../src/gen/store-config-arb.js';
import { createStore, validateStoreConfig, type StoreMode } from '../../src/store/config.js';
import { MODES } from '../../src/store/modes.js';
import { scenarioArb } from '../../src/gen/scenario-arb.js';
import { validateClientPolicy } from '../../src/client/policy.js';

describe('storeConfigArb', () => {
  it('only makes configs the store accepts, unchanged by validation', () => {
    fc.assert(
      fc.property(storeConfigArb(), (config) => {
        // Validation fills defaults: a complete, valid config comes back equal.
        expect(validateStoreConfig(structuredClone(config))).toEqual(config);
        expect(createStore(config).nodeIds.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps to the modes and node bound it is given', () => {
    const modes: StoreMode[] = ['leaderless', 'single-leader'];
    fc.assert(
      fc.property(storeConfigArb({ modes, maxNodes: 4 }), (config) => {
        expect(modes).toContain(config.mode);
        expect(createStore(config).nodeIds.length).toBeLessThanOrEqual(4);
      }),
      { numRuns: 200 },
    );
  });

  it('draws every mode and the knobs that make stores weak', () => {
    const configs = fc.sample(storeConfigArb(), { seed: 3, numRuns: 400 });
    expect(new Set(configs.map((c) => c.mode))).toEqual(new Set(['single-leader', 'multi-leader', 'leaderless']));
    const leaderless = configs.flatMap((c) => (c.mode === 'leaderless' ? [c.leaderless] : []));
    expect(leaderless.some((c) => c.w + c.r <= c.n)).toBe(true);
    expect(leaderless.some((c) => c.w + c.r > c.n && c.abd)).toBe(true);
    const singleLeader = configs.flatMap((c) => (c.mode === 'single-leader' ? [c.singleLeader] : []));
    expect(new Set(singleLeader.map((c) => c.acks))).toEqual(new Set(['majority', 'async', 'semi-sync', 'sync']));
    expect(singleLeader.some((c) => !c.fencing)).toBe(true);
  });

  it('draws store settings only: the clients\' policy is a scenario\'s', () => {
    for (const config of fc.sample(storeConfigArb(), { seed: 1, numRuns: 20 })) expect(Object.keys(config).sort()).toEqual(['mode', MODES[config.mode].field].sort());
  });

  it('scenarios draw a client policy beside the store, or keep the default one when asked not to', () => {
    const drawn = fc.sample(scenarioArb({ workload: { ops: 5 } }), { seed: 1, numRuns: 20 });
    for (const scenario of drawn) expect(validateClientPolicy(scenario.client)).toEqual(scenario.client);
    expect(new Set(drawn.map((scenario) => scenario.client!.idempotency.enabled)).size).toBe(2);
    const kept = fc.sample(scenarioArb({ workload: { ops: 5 }, store: { clientPolicy: false } }), { seed: 1, numRuns: 5 });
    for (const scenario of kept) expect(scenario.client).toBeUndefined();
  });

  it('refuses an empty list of modes', () => {
    expect(() => storeConfigArb({ modes: [] })).toThrow(/at least one mode/);
  });
});
