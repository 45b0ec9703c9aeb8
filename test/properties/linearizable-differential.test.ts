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
