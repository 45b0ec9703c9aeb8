import { chance, DEFAULT_READ_FRACTION, planOps } from './_internals/plan.js';
import { convergenceChecker } from '../src/checker/convergence.js';
import { registerModel } from '../src/models/register.js';
import type { Workload } from './workload.js';

/**
 * One register written with the nondeterministic values `'NOW()'` and
 * `'RAND()'`, which a store evaluates where it executes the write. It shows
 * what statement-based replication does to such writes: each follower
 * evaluates them again and gets its own value. Since the written value is only
 * known from the store's reply, the history cannot be checked against a
 * register model; replicas must still converge.
 *
 * @example
 * const ops = nondeterministicWorkload.generate({ workload: 'nondeterministic', ops: 10, clients: 2, keys: 1 }, random);
 * ops.filter((op) => op.f === 'write').every((op) => op.value === 'NOW()' || op.value === 'RAND()'); // true
 */
export const nondeterministicWorkload: Workload = {
  name: 'nondeterministic',
  model: registerModel(),
  checkers: [convergenceChecker()],
  verbs: {},
  summary: "one register: writes of NOW() and RAND(), evaluated by the store, and reads (checked for convergence only)",
  generate(spec, random) {
    const readFraction = spec.readFraction ?? DEFAULT_READ_FRACTION;
    return planOps({ ...spec, keys: 1 }, random, () => {
      if (chance(random, readFraction)) return { f: 'read', value: null };
      return { f: 'write', value: chance(random, 0.5) ? 'NOW()' : 'RAND()' };
    });
  },
};
