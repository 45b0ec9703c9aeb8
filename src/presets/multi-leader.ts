import { presetClient, presetStore } from './build.js';
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
    expectedToBreak: 'lost writes: two leaders accept writes and the one with the lower timestamp is silently dropped; with skewed clocks an acknowledged write is overwritten by an older one',
    safe: false,
    expectedAnomaly: 'lost-write',
    store: presetStore('multi-leader', { conflictResolution: 'lww' }),
    client: presetClient(),
    // Judged for what it promises (convergence) and what it breaks (durability) only:
    // it is not linearizable in almost every run, which would hide the lost writes.
    // Mostly writes from four clients, so writes meet in both datacenters.
    workload: { workload: 'register', clients: 4, readFraction: 0.2, checkers: ['durability', 'convergence'] },
    // Skewed clocks are what let an older write win; a partition lets the datacenters take writes apart.
    faultKinds: ['clock-bump', 'clock-drift', 'partition-group'],
  },
  {
    name: 'ml-vv',
    summary: 'two datacenter leaders, concurrent writes kept as siblings by version vectors',
    promises: 'no acknowledged write is silently lost: conflicts surface as siblings; replicas converge',
    expectedToBreak: 'linearizability: a read after concurrent writes returns several siblings, and reads in one datacenter miss writes of the other until they replicate',
    safe: false,
    expectedAnomaly: 'not-linearizable',
    store: presetStore('multi-leader', { conflictResolution: 'siblings' }),
    client: presetClient(),
    workload: { workload: 'register' },
    faultKinds: ['partition-group', 'latency', 'crash-one', 'pause'],
  },
];
