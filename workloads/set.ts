import { setModel } from '../src/models/set.js';
import { setCheckers } from './_internals/checker-lists.js';
import { chance, DEFAULT_READ_FRACTION, planOps } from './_internals/plan.js';
import type { Workload } from './workload.js';

const MODEL = setModel();

/**
 * One grow-only set (key k0): adds of fresh integers and reads of the whole
 * set, so a read shows exactly which adds it saw, and a lost add is visible.
 *
 * @example
 * const ops = setWorkload.generate({ workload: 'set', ops: 10, clients: 2, keys: 1 }, random);
 * ops.filter((op) => op.f === 'add').map((op) => op.value); // [1, 2, 3, ...]
 */
export const setWorkload: Workload = {
  name: 'set',
  model: MODEL,
  checkers: setCheckers(MODEL),
  // A set nobody added to reads empty, though the store holds no key for it.
  nilReads: [],
  verbs: { add: 'sadd' },
  summary: 'one grow-only set: adds of unique integers and reads of every element',
  generate(spec, random) {
    let nextElement = 1;
    const readFraction = spec.readFraction ?? DEFAULT_READ_FRACTION;
    // The set model is one set: every op goes to one key.
    return planOps({ ...spec, keys: 1 }, random, () =>
      chance(random, readFraction) ? { f: 'read', value: null } : { f: 'add', value: nextElement++ },
    );
  },
};
