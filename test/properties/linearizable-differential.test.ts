import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/checker/index.js';
import { casRegisterModel } from '../../src/models/cas-register.js';
import { kvModel } from '../../src/models/kv.js';
import { registerModel } from '../../src/models/register.js';
import { setModel } from '../../src/models/set.js';
import type { Model } from '../../src/models/model.js';
import { bruteForceLinearizable } from '../support/brute-force.js';
import { randomHistory, toOperations, type RandomHistoryModel } from '../support/histories.js';

// 4 x 3,400 = 13,600 histories: the checker must agree with the definition on every one.
const RUNS_PER_MODEL = 3400;

const FACTORIES: Record<RandomHistoryModel, (init: unknown) => Model<any>> = {
  register: (init) => registerModel({ init }),
  'cas-register': (init) => casRegisterModel({ init }),
  set: () => setModel(),
  // Appends and puts on one key: exercises the pruning of indeterminate appends and puts.
  kv: (init) => kvModel({ init: init === null ? null : '' }),
};

describe('linearizability checker vs brute force', () => {
  it.each(Object.keys(FACTORIES) as RandomHistoryModel[])('%s: same verdict on every small history', (name) => {
    const verdicts = { valid: 0, invalid: 0 };
    const cases = fc.tuple(randomHistory(name, { maxOps: 8, processes: 3 }), fc.constantFrom(null, 0));
    fc.assert(
      fc.property(cases, ([history, init]) => {
        const model = FACTORIES[name](init);
        const expected = bruteForceLinearizable(toOperations(history), model);
        const result = check(history, model);
        // 'unknown' is a disagreement too: no budget was given, so it must decide.
        expect(result.valid).toBe(expected);
        verdicts[expected ? 'valid' : 'invalid']++;
      }),
      { numRuns: RUNS_PER_MODEL },
    );
    // Both verdicts must be common, or the comparison says little.
    expect(verdicts.valid).toBeGreaterThan(RUNS_PER_MODEL / 10);
    expect(verdicts.invalid).toBeGreaterThan(RUNS_PER_MODEL / 10);
  });
});

// Registers whose writes all write different values are decided without search: the
// same verdicts as the definition (and as the search), with info and fail ops about.
const UNIQUE_RUNS_PER_MODEL = 3000;

describe('linearizability without search (unique written values) vs brute force', () => {
  it.each(['register', 'kv'] as const)('%s: same verdict as the definition and the search on every small history', (name) => {
    const verdicts = { valid: 0, invalid: 0 };
    const cases = fc.tuple(randomHistory(name, { maxOps: 8, processes: 3, uniqueWrites: true }), fc.constantFrom(null, 0));
    fc.assert(
      fc.property(cases, ([history, init]) => {
        const model = FACTORIES[name](init);
        const expected = bruteForceLinearizable(toOperations(history), model);
        const result = check(history, model);
        expect(result.valid).toBe(expected);
        // A kv history with no ops has no partition: nothing was decided either way.
        expect(result.detail.algorithm).toBe(result.detail.partitions > 0 ? 'unique-values' : 'search');
        expect(check(history, model, { algorithm: 'search' }).valid).toBe(expected);
        // Invalid: the evidence names the op that cannot be placed, as the search's does.
        if (!expected) expect(result.detail.failures[0]?.blocked).toBeDefined();
        verdicts[expected ? 'valid' : 'invalid']++;
      }),
      { numRuns: UNIQUE_RUNS_PER_MODEL },
    );
    expect(verdicts.valid).toBeGreaterThan(UNIQUE_RUNS_PER_MODEL / 10);
    expect(verdicts.invalid).toBeGreaterThan(UNIQUE_RUNS_PER_MODEL / 10);
  });
});
