import { multiLeader } from './build.js';
import type { Preset } from './preset.js';

/**
 * The multi-leader presets: two datacenters, each with its own leader, that
 * accept writes independently and exchange them asynchronously.
 *
 * @example
 * MULTI_LEADER_PRESETS.map((preset) => preset.name); // ['ml-lww', 'ml-vv']
 */
export const MULTI_LEADER_PRESETS: Preset[] = [
  {
    name: 'ml-lww',
    summary: 'two datacenter leaders, concurrent writes resolved by last-writer-wins on timestamps',
    promises: 'replicas converge to one value per key',
    expectedToBreak: 'lost writes and stale reads: two leaders accept concurrent writes and the one with the lower timestamp is silently dropped (worse with skewed clocks)',
    safe: false,
    expectedAnomaly: 'not-linearizable',
    store: multiLeader({ conflictResolution: 'lww' }),
    workload: { workload: 'register' },
    faultKinds: ['partition-group', 'latency', 'clock-bump', 'clock-drift', 'crash-one'],
  },
  {
    name: 'ml-vv',
    summary: 'two datacenter leaders, concurrent writes kept as siblings by version vectors',
    promises: 'no acknowledged write is silently lost: conflicts surface as siblings; replicas converge',
    expectedToBreak: 'linearizability: a read after concurrent writes returns several siblings, and reads in one datacenter miss writes of the other until they replicate',
    safe: false,
    expectedAnomaly: 'not-linearizable',
    store: multiLeader({ conflictResolution: 'siblings' }),
    workload: { workload: 'register' },
    faultKinds: ['partition-group', 'latency', 'crash-one', 'pause'],
  },
];
