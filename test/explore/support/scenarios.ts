import type { Scenario } from '../../../src/run/scenario.js';
import { PRESETS } from '../../../src/presets/index.js';

/**
 * ll-weak (W = R = 1) with a write, then 11 ms later a read served by the other
 * replica, while n1 is cut off: the read misses the write. A small failing run for
 * tests of checking, saving and replaying.
 */
export const staleReadScenario: Scenario = {
  seed: 1,
  preset: 'll-weak',
  store: PRESETS['ll-weak']!.store,
  workload: { workload: 'register', ops: 2, clients: 2, keys: 1 },
  ops: [
    { process: 0, f: 'write', key: 'k0', value: 1, atMs: 0 },
    { process: 1, f: 'read', key: 'k0', value: null, atMs: 11 },
  ],
  faults: [{ kind: 'partition-one', atMs: 0, durationMs: 100, targets: ['n1'] }],
};
