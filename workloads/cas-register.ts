import { casRegisterModel } from '../src/models/cas-register.js';
import { registerCheckers } from './_internals/checker-lists.js';
import { casOps } from './_internals/cas-ops.js';
import { DEFAULT_READ_FRACTION, planOps } from './_internals/plan.js';
import type { Workload } from './workload.js';

const MODEL = casRegisterModel();

/**
 * One compare-and-set register (key k0): reads, writes and cas ops; every
 * value written (by a write or a cas) is a fresh integer.
 *
 * @example
 * const ops = casRegisterWorkload.generate({ workload: 'cas-register', ops: 20, clients: 3, keys: 1 }, random);
 * ops.some((op) => op.f === 'cas'); // true (a cas is [expected, new])
 */
export const casRegisterWorkload: Workload = {
  name: 'cas-register',
  model: MODEL,
  checkers: registerCheckers(MODEL),
  verbs: {},
  summary: 'one register: reads, writes and compare-and-set of unique integers',
  generate(spec, random) {
    // The cas-register model is one value: every op goes to one key.
    return planOps({ ...spec, keys: 1 }, random, casOps(spec.readFraction ?? DEFAULT_READ_FRACTION));
  },
};
