import { registerModel } from '../src/models/register.js';
import { registerCheckers } from './_internals/checker-lists.js';
import { chance, DEFAULT_READ_FRACTION, planOps } from './_internals/plan.js';
import type { Workload } from './workload.js';

const MODEL = registerModel();

/**
 * One read/write register (key k0): reads, and writes of fresh integers 1, 2,
 * 3... so every value read names the one write that produced it.
 *
 * @example
 * const ops = registerWorkload.generate({ workload: 'register', ops: 4, clients: 2, keys: 1 }, random);
 * // [{ process: 0, f: 'write', key: 'k0', value: 1, atMs: 0 }, { process: 1, f: 'read', ... }, ...]
 */
export const registerWorkload: Workload = {
  name: 'register',
  model: MODEL,
  checkers: registerCheckers(MODEL),
  verbs: {},
  summary: 'one register: reads and writes of unique integers',
  generate(spec, random) {
    let nextValue = 1;
    const readFraction = spec.readFraction ?? DEFAULT_READ_FRACTION;
    // The register model is one value, not one per key: every op goes to one key.
    return planOps({ ...spec, keys: 1 }, random, () =>
      chance(random, readFraction) ? { f: 'read', value: null } : { f: 'write', value: nextValue++ },
    );
  },
};
