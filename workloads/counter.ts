import { counterModel } from '../src/models/counter.js';
import { counterCheckers } from './_internals/checker-lists.js';
import { chance, DEFAULT_READ_FRACTION, planOps } from './_internals/plan.js';
import type { Workload } from './workload.js';

/** Largest increment when the spec does not set `values`. */
const DEFAULT_MAX_INCREMENT = 5;

const MODEL = counterModel();

/**
 * One counter (key k0): increments by 1..values and reads of the total.
 * Increments cannot be unique (a sum hides which ones it holds); varied sizes
 * at least make a double-applied or lost one show as a wrong total.
 *
 * @example
 * const ops = counterWorkload.generate({ workload: 'counter', ops: 10, clients: 2, keys: 1, values: 3 }, random);
 * ops.filter((op) => op.f === 'add').every((op) => op.value >= 1 && op.value <= 3); // true
 */
export const counterWorkload: Workload = {
  name: 'counter',
  model: MODEL,
  checkers: counterCheckers(MODEL),
  // A counter nobody incremented reads 0, though the store holds no key for it.
  nilReads: 0,
  verbs: { add: 'incr' },
  summary: 'one counter: increments of 1..values and reads of the total',
  generate(spec, random) {
    const readFraction = spec.readFraction ?? DEFAULT_READ_FRACTION;
    const maxIncrement = Math.max(1, Math.floor(spec.values ?? DEFAULT_MAX_INCREMENT));
    // The counter model is one total: every op goes to one key.
    return planOps({ ...spec, keys: 1 }, random, () =>
      chance(random, readFraction)
        ? { f: 'read', value: null }
        : { f: 'add', value: 1 + Math.floor(random() * maxIncrement) },
    );
  },
};
