import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/checker/index.js';
import { casRegisterModel } from '../../src/models/cas-register.js';
import { kvModel } from '../../src/models/kv.js';
import { registerModel } from '../../src/models/register.js';
import { setModel } from '../../src/models/set.js';
import type { Model } from '../../src/models/model.js';
import { linearizableHistory, type ConstructedModel } from '../support/histories.js';

const FACTORIES: Record<ConstructedModel, (init: unknown) => Model<any>> = {
  register: (init) => registerModel({ init }),
  'cas-register': (init) => casRegisterModel({ init }),
  kv: (init) => kvModel({ init }),
  set: () => setModel(),
};

const RUNS_PER_MODEL = 750;

// Percent of info completions. Indeterminate appends nobody read back are pruned before
// the search (each subset of them would otherwise give another string to consider).
const INFO_PERCENT: Record<ConstructedModel, number> = { register: 20, 'cas-register': 20, kv: 20, set: 20 };

describe('linearizability checker on histories linearizable by construction', () => {
  it.each(Object.keys(FACTORIES) as ConstructedModel[])('%s: up to 200 ops, always valid', (name) => {
    fc.assert(
      fc.property(linearizableHistory(name, { maxOps: 200, processes: 5, infoPercent: INFO_PERCENT[name] }), ({ history, init }) => {
        const result = check(history, FACTORIES[name](init));
        expect(result.detail.failures).toEqual([]);
        expect(result.valid).toBe(true);
      }),
      { numRuns: RUNS_PER_MODEL },
    );
  });
});

describe('linearizability without search on histories linearizable by construction', () => {
  it.each(['register', 'kv'] as const)('%s with unique written values: up to 200 ops, always valid, decided without search', (name) => {
    fc.assert(
      fc.property(linearizableHistory(name, { maxOps: 200, processes: 5, infoPercent: 20, uniqueWrites: true }), ({ history, init }) => {
        const result = check(history, FACTORIES[name](init));
        expect(result.detail.failures).toEqual([]);
        expect(result.valid).toBe(true);
        if (result.detail.partitions > 0) expect(result.detail.algorithm).toBe('unique-values');
      }),
      { numRuns: RUNS_PER_MODEL },
    );
  });
});
