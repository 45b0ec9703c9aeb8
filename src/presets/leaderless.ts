import { FAULT_KINDS } from '../nemesis/fault.js';
import { leaderless } from './build.js';
import type { Preset } from './preset.js';

/**
 * The leaderless (Dynamo-style) presets, from ABD registers down to no repair.
 *
 * @example
 * LEADERLESS_PRESETS.find((preset) => preset.safe)?.name; // 'll-abd'
 */
export const LEADERLESS_PRESETS: Preset[] = [
  {
    name: 'll-abd',
    summary: 'leaderless, N=3 W=2 R=2, ABD: logical tags, writes read the highest tag first, reads write back',
    promises: 'linearizable registers while a majority of replicas is reachable',
    expectedToBreak: 'nothing (ops fail or time out without a quorum, but no violation)',
    safe: true,
    store: leaderless({ abd: true }),
    workload: { workload: 'register' },
    faultKinds: [...FAULT_KINDS],
  },
  {
    name: 'll-quorum',
    summary: 'leaderless, N=3 W=2 R=2 (W+R>N) with read repair, timestamps from node clocks',
    promises: 'a read overlaps the last completed write on at least one replica',
    expectedToBreak: 'not linearizable: without write-back a read can see a write in progress that a later read does not, and skewed clocks let an older write win last-writer-wins',
    safe: false,
    expectedAnomaly: 'not-linearizable',
    store: leaderless({}),
    workload: { workload: 'register' },
    faultKinds: ['clock-bump', 'clock-drift', 'partition-one', 'latency', 'loss', 'pause'],
  },
  {
    name: 'll-weak',
    summary: 'leaderless, N=3 W=1 R=1 (W+R<=N)',
    promises: 'availability while any replica is reachable; eventual convergence',
    expectedToBreak: 'stale reads: a read and the last completed write can touch disjoint replicas',
    safe: false,
    expectedAnomaly: 'not-linearizable',
    store: leaderless({ w: 1, r: 1 }),
    workload: { workload: 'register' },
    faultKinds: ['partition-one', 'partition-majority', 'latency', 'loss'],
  },
  {
    name: 'll-sloppy',
    summary: 'leaderless, N=3 W=2 R=2 with a sloppy quorum: hinted writes on fallback nodes count toward W',
    promises: 'writes stay available through partitions; eventual convergence once hints are delivered',
    expectedToBreak: 'stale reads: a write acknowledged by fallback nodes is invisible to a read quorum of the real replicas until its hints are handed off',
    safe: false,
    expectedAnomaly: 'not-linearizable',
    store: leaderless({ nodes: 5, sloppyQuorum: true, hintedHandoff: true }),
    workload: { workload: 'register' },
    faultKinds: ['partition-one', 'partition-majority', 'partition-third', 'crash-minority'],
  },
  {
    name: 'll-no-repair',
    summary: 'leaderless, N=3 W=2 R=2 with no read repair, no hinted handoff and no anti-entropy',
    promises: 'quorum overlap only; nothing repairs a replica that missed a write',
    expectedToBreak: 'divergence: a replica that missed writes (cut off, crashed) keeps its old value forever, so replicas disagree after the final heal',
    safe: false,
    expectedAnomaly: 'divergence',
    store: leaderless({ readRepair: false, hintedHandoff: false, antiEntropy: { enabled: false, intervalMs: 1000, treeDepth: 6 } }),
    // Many keys: a key nobody writes again after the heal keeps the replica that missed its last write stale.
    workload: { workload: 'kv', keys: 8 },
    faultKinds: ['partition-one', 'crash-one', 'loss'],
  },
];
