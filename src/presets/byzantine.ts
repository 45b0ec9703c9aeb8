import { presetClient, presetStore } from './build.js';
import type { Preset } from './preset.js';

/** As ll-abd: Merkle anti-entropy every 200 ms. */
const MERKLE_ANTI_ENTROPY = { enabled: true, intervalMs: 200, treeDepth: 6 };

/**
 * The byzantine presets: the safe single-leader and leaderless stores, and the
 * multi-leader store that keeps siblings, without and with the defences that
 * turn wrong data into detected faults.
 *
 * @example
 * BYZANTINE_PRESETS.map((preset) => preset.name); // ['sl-byzantine', 'sl-byzantine-defended', 'll-byzantine', 'll-byzantine-defended', 'ml-byzantine', 'ml-byzantine-defended']
 */
export const BYZANTINE_PRESETS: Preset[] = [
  {
    name: 'sl-byzantine',
    summary: 'sl-majority under byzantine faults, without checksums or authenticated epochs',
    promises: 'nothing once a node sends, stores or answers wrong data: it is crash-tolerant only',
    expectedToBreak: 'values no client wrote are read (corrupted messages, rotten disks, forged epochs, lies), or acknowledged writes lost',
    safe: false,
    expectedAnomaly: 'unexpected-value',
    store: presetStore('single-leader', {}),
    client: presetClient(),
    workload: { workload: 'cas-register' },
    faultKinds: ['corrupt-message', 'corrupt-disk', 'equivocate', 'forge-epoch', 'replay-old', 'lie-read'],
  },
  {
    name: 'sl-byzantine-defended',
    summary: 'sl-majority with checksums (entries, records at rest, client replies) and authenticated epochs (signed votes, certificates)',
    promises: 'linearizable under corrupted messages, replayed messages and forged epochs; rot on one node at a time is re-fetched (see the README for rot and for the lies it cannot defend against)',
    expectedToBreak: 'nothing under its fault kinds; an equivocating or lying leader is still detected, not prevented (fewer than 3f+1 nodes)',
    safe: true,
    store: presetStore('single-leader', { checksums: true, authenticatedEpochs: true }),
    client: presetClient(),
    workload: { workload: 'cas-register' },
    faultKinds: ['corrupt-message', 'forge-epoch', 'replay-old'],
  },
  {
    name: 'll-byzantine',
    summary: 'll-abd under byzantine faults, without checksums or read verification',
    promises: 'nothing once a node sends, stores or answers wrong data: a read takes the newest version any replica claims',
    expectedToBreak: 'a value no client wrote is read (corrupted messages and records win with their altered versions, lies are written back by ABD), or a write acknowledged by a replica that got an old one is missed',
    safe: false,
    expectedAnomaly: 'unexpected-value',
    store: presetStore('leaderless', { abd: true, antiEntropy: MERKLE_ANTI_ENTROPY }),
    client: presetClient(),
    workload: { workload: 'register' },
    faultKinds: ['corrupt-message', 'corrupt-disk', 'replay-old', 'lie-read'],
  },
  {
    name: 'll-byzantine-defended',
    summary: 'll-abd with checksums (messages, records at rest) and read verification (the newest version vouched for by two replicas\' digests)',
    promises: 'linearizable registers with one byzantine replica at a time: altered messages and records are dropped and re-fetched, a lie is outvoted or the read reports an error',
    expectedToBreak: 'nothing while one replica misbehaves (reads that cannot be verified answer error: unknown, not wrong); two replicas of three lying at once can vouch for one made-up value',
    safe: false,
    expectedAnomaly: 'unexpected-value',
    store: presetStore('leaderless', { abd: true, readVerification: true, checksums: true, antiEntropy: MERKLE_ANTI_ENTROPY }),
    client: presetClient(),
    workload: { workload: 'register' },
    faultKinds: ['corrupt-message', 'corrupt-disk', 'replay-old', 'lie-read'],
  },
  {
    name: 'ml-byzantine',
    summary: 'ml-vv under byzantine faults, without checksums',
    promises: 'nothing once a node ships, stores or answers wrong data: it is crash-tolerant only',
    expectedToBreak: 'values no client wrote win with their altered versions and stay (corrupted shipments, rotten entries), a write replaced by an old one in its slot never reaches the other group, two groups hold two versions of one write',
    safe: false,
    expectedAnomaly: 'unexpected-value',
    store: presetStore('multi-leader', { conflictResolution: 'siblings' }),
    client: presetClient(),
    // Judged for what multi-leader replication promises: no acknowledged write lost, replicas converge.
    workload: { workload: 'register', checkers: ['durability', 'convergence'] },
    faultKinds: ['corrupt-message', 'corrupt-disk', 'replay-old', 'equivocate', 'lie-read'],
  },
  {
    name: 'ml-byzantine-defended',
    summary: 'ml-vv with checksums: on every write (made by the leader that accepts it), on what is shipped and kept on disk, and on client replies',
    promises: 'no acknowledged write lost and convergence under corrupted messages and replayed writes: altered writes are dropped and shipped again (rot is detected, and repaired from the group when another node has the entry: see the README)',
    expectedToBreak: 'nothing under its fault kinds; rot of a write no other node had yet is detected (the node refuses to serve), not repaired; an equivocating or lying leader is still detected, not prevented (it sums its own lie)',
    safe: true,
    store: presetStore('multi-leader', { conflictResolution: 'siblings', checksums: true }),
    client: presetClient(),
    workload: { workload: 'register', checkers: ['durability', 'convergence'] },
    // Not corrupt-disk: asynchronous replication leaves a just-acknowledged write on one node
    // only, and no checksum brings back a write whose only copy rotted (the matrix row shows it).
    faultKinds: ['corrupt-message', 'replay-old'],
  },
];
