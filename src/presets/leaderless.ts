import { BENIGN_FAULT_KINDS } from '../nemesis/fault.js';
import { presetClient, presetStore } from './build.js';
import type { Preset } from './preset.js';

/**
 * Merkle anti-entropy every 200 ms: a write reaches only W replicas, and a
 * replica that missed it (cut off, crashed, or its hinted copy lost in flight)
 * is repaired only if someone reads the key, unless replicas compare their trees
 * in the background, as Dynamo's do. 200 ms lets a few exchanges run within the
 * settle time after the final heal (1 s by default).
 */
const MERKLE_ANTI_ENTROPY = { enabled: true, intervalMs: 200, treeDepth: 6 };

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
    // Without anti-entropy a replica that missed a quorum write stays behind forever (ABD writes back to a quorum only).
    store: presetStore('leaderless', { abd: true, antiEntropy: MERKLE_ANTI_ENTROPY }),
    client: presetClient(),
    workload: { workload: 'register' },
    faultKinds: [...BENIGN_FAULT_KINDS],
  },
  {
    name: 'll-quorum',
    summary: 'leaderless, N=3 W=2 R=2 (W+R>N) with read repair, timestamps from node clocks',
    promises: 'a read overlaps the last completed write on at least one replica',
    expectedToBreak: 'not linearizable: without write-back a read can see a write in progress that a later read does not, and skewed clocks let an older write win last-writer-wins',
    safe: false,
    expectedAnomaly: 'not-linearizable',
    // Anti-entropy makes "converges after heal" hold without a read of every key after it.
    store: presetStore('leaderless', { antiEntropy: MERKLE_ANTI_ENTROPY }),
    client: presetClient(),
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
    store: presetStore('leaderless', { w: 1, r: 1 }),
    client: presetClient(),
    workload: { workload: 'register' },
    faultKinds: ['partition-one', 'partition-majority', 'latency', 'loss'],
  },
  {
    name: 'll-sloppy',
    summary: 'leaderless, N=3 W=2 R=2 with a sloppy quorum: hinted writes on fallback nodes count toward W',
    promises: 'writes stay available through partitions; eventual convergence once hints are delivered',
    expectedToBreak: 'stale reads: a write acknowledged by fallback nodes is invisible to a read quorum of the real replicas until its hints are handed off',
    safe: false,
    expectedAnomaly: 'stale-read',
    // Hints alone do not converge: a handoff sent to a fallback that is itself cut off is lost,
    // and nothing resends it. Anti-entropy backs hinted handoff up, as in Dynamo.
    store: presetStore('leaderless', { nodes: 5, sloppyQuorum: true, hintedHandoff: true, antiEntropy: MERKLE_ANTI_ENTROPY }),
    client: presetClient(),
    // Half reads from six clients: a read must reach the owners that missed a write while its fallbacks are cut off.
    workload: { workload: 'register', readFraction: 0.5, clients: 6, checkers: ['stale-reads', 'linearizable', 'convergence', 'anti-entropy'] },
    // Partitions that split the owners of a key, so fallbacks take its writes. Not crash-minority: a crashed owner
    // cannot answer a read either, so the read fails instead of missing the write; not partition-one: one cut-off
    // owner is covered by a strict quorum too.
    faultKinds: ['partition-majority', 'partition-third'],
  },
  {
    name: 'll-no-repair',
    summary: 'leaderless, N=3 W=2 R=2 with no read repair, no hinted handoff and no anti-entropy',
    promises: 'quorum overlap only; nothing repairs a replica that missed a write',
    expectedToBreak: 'divergence: a replica that missed writes (cut off, crashed) keeps its old value forever, so replicas disagree after the final heal',
    safe: false,
    expectedAnomaly: 'divergence',
    store: presetStore('leaderless', { readRepair: false, hintedHandoff: false, antiEntropy: { enabled: false, intervalMs: 1000, treeDepth: 6 } }),
    client: presetClient(),
    // Many keys: a key nobody writes again after the heal keeps the replica that missed its last write stale.
    workload: { workload: 'kv', keys: 8, checkers: ['convergence', 'linearizable'] },
    faultKinds: ['partition-one', 'crash-one', 'loss'],
  },
];
