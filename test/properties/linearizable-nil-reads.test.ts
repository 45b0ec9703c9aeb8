import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/checker/index.js';
import { casRegisterModel } from '../../src/models/cas-register.js';
import { kvModel } from '../../src/models/kv.js';
import type { Model } from '../../src/models/model.js';
import type { NilReads } from '../../src/models/nil-reads.js';
import { registerModel } from '../../src/models/register.js';
import { bruteForceLinearizable } from '../support/brute-force.js';
import { randomHistory, toOperations } from '../support/histories.js';
import type { Op } from '../../src/history/op.js';

const RUNS_PER_MODEL = 1500;

const FACTORIES = {
  register: (init: unknown, nilReads: NilReads) => registerModel({ init, nilReads }),
  'cas-register': (init: unknown, nilReads: NilReads) => casRegisterModel({ init, nilReads }),
  kv: (init: unknown, nilReads: NilReads) => kvModel({ init: init === null ? null : '', nilReads }),
} satisfies Record<string, (init: unknown, nilReads: NilReads) => Model<any>>;

/** kv's random gets never return nil: let the ones that read the empty text read nil instead. */
const nilGets = (history: Op[]): Op[] => history.map((op) => (op.type === 'ok' && op.f === 'get' && op.value === '' ? { ...op, value: null } : op));

describe('linearizability with nil reads as unknown (Jepsen\'s reading)', () => {
  it.each(Object.keys(FACTORIES) as Array<keyof typeof FACTORIES>)(
    '%s: the search agrees with brute force, and allows every history the value reading allows',
    (name) => {
      const verdicts = { valid: 0, invalid: 0, differ: 0 };
      const histories = randomHistory(name, { maxOps: 8, processes: 3 }).map((history) => (name === 'kv' ? nilGets(history) : history));
      const cases = fc.tuple(histories, fc.constantFrom(null, 0));
      fc.assert(
        fc.property(cases, ([history, init]) => {
          const unknown = FACTORIES[name](init, 'unknown');
          const expected = bruteForceLinearizable(toOperations(history), unknown);
          expect(check(history, unknown).valid).toBe(expected);
          const asValue = check(history, FACTORIES[name](init, 'value')).valid;
          // A read of nil matches more states under unknown, never fewer.
          if (asValue === true) expect(expected).toBe(true);
          verdicts[expected ? 'valid' : 'invalid']++;
          if (asValue !== expected) verdicts.differ++;
        }),
        { numRuns: RUNS_PER_MODEL },
      );
      // Both verdicts must be common, and the readings must part on some histories, or the comparison says little.
      expect(verdicts.valid).toBeGreaterThan(RUNS_PER_MODEL / 10);
      expect(verdicts.invalid).toBeGreaterThan(RUNS_PER_MODEL / 10);
      expect(verdicts.differ).toBeGreaterThan(0);
    },
  );
});
