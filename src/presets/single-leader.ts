import { BENIGN_FAULT_KINDS } from '../nemesis/fault.js';
import { presetClient, presetStore } from './build.js';
import type { Preset } from './preset.js';

/**
 * Quick failover (heartbeats every 20 ms, leader declared dead after 100 ms of
 * silence): the weak presets fail over within short scenarios, so what goes
 * wrong during a failover shows up in a few hundred virtual ms.
 */
const QUICK_FAILOVER = {
  heartbeatIntervalMs: 20,
  failureDetector: { kind: 'heartbeat' as const, suspectAfterMs: 60, declareAfterMs: 100 },
  electionTimeoutMs: 100,
  quorumTimeoutMs: 200,
};

/** Clients that give up on a silent node quickly, so writers move on to a new leader while readers stay. */
const QUICK_CLIENTS = { timeouts: { requestTimeoutMs: 150, connectTimeoutMs: 60 } };

/**
 * The single-leader presets: the safe one and one per classic way to weaken it.
 *
 * @example
 * SINGLE_LEADER_PRESETS.map((preset) => preset.name); // ['sl-majority', 'sl-async', ...]
 */
export const SINGLE_LEADER_PRESETS: Preset[] = [
  {
    name: 'sl-majority',
    summary: 'single leader, majority acks, confirmed leader reads, fencing by epoch',
    promises: 'linearizable reads and writes under any fault a majority survives',
    expectedToBreak: 'nothing (writes stall while no majority is reachable, but no violation)',
    safe: true,
    store: presetStore('single-leader', {}),
    client: presetClient(),
    workload: { workload: 'cas-register' },
    faultKinds: [...BENIGN_FAULT_KINDS],
  },
  {
    name: 'sl-async',
    summary: 'single leader that acknowledges a write after its own fsync, before any follower has it',
    promises: 'nothing beyond eventual convergence once failovers stop',
    expectedToBreak: 'lost writes: an acknowledged write that never reached a follower is gone after the leader crashes or is cut off and another node takes over',
    safe: false,
    expectedAnomaly: 'lost-write',
    store: presetStore('single-leader', { ...QUICK_FAILOVER, acks: 'async' }),
    client: presetClient(QUICK_CLIENTS),
    // A set, judged for durability first: a register's final state shows only its last write,
    // while every acknowledged add of a set must still be there at the end.
    workload: { workload: 'set', checkers: ['durability', 'set', 'convergence'] },
    faultKinds: ['crash-leader', 'partition-leader', 'partition-one', 'crash-one', 'pause'],
  },
  {
    name: 'sl-no-fencing',
    summary: 'single leader with majority acks but no epoch fencing and no step-down',
    promises: 'linearizable only while exactly one node believes it is leader',
    expectedToBreak: 'split brain: a leader cut off from the majority keeps serving reads (and a deposed one keeps appending), so reads go stale once a new leader takes writes',
    safe: false,
    expectedAnomaly: 'not-linearizable',
    store: presetStore('single-leader', { ...QUICK_FAILOVER, fencing: false }),
    client: presetClient(QUICK_CLIENTS),
    // Mostly reads: a client that only reads keeps asking the old leader, which is what shows the split brain.
    workload: { workload: 'register', readFraction: 0.9, clients: 6 },
    faultKinds: ['partition-leader', 'partition-one', 'partition-majority', 'pause'],
  },
  {
    name: 'sl-follower-reads',
    summary: 'single leader, majority acks, but every node serves reads from its own copy',
    promises: 'durable acknowledged writes; reads are eventually consistent',
    expectedToBreak: 'stale reads: a follower that lags (cut off, slow or behind on replication) answers with an older value after a newer write completed',
    safe: false,
    expectedAnomaly: 'session',
    store: presetStore('single-leader', { reads: 'any' }),
    client: presetClient(),
    // Sessions first: a client reading its own write back from a lagging follower is the plainest evidence.
    workload: { workload: 'register', readFraction: 0.6, checkers: ['sessions', 'linearizable', 'stale-reads', 'durability', 'convergence'] },
    faultKinds: ['partition-one', 'partition-one-way', 'latency', 'slow', 'pause'],
  },
  {
    name: 'sl-lease-skew',
    summary: 'single leader serving reads locally under a time lease, with a small clock-drift margin',
    promises: 'linearizable reads while clocks stay within the drift margin',
    expectedToBreak: 'stale reads: a leader whose clock is bumped back or runs slow thinks its lease is still valid after a new leader has taken writes',
    safe: false,
    expectedAnomaly: 'stale-read',
    store: presetStore('single-leader', { ...QUICK_FAILOVER, quorumTimeoutMs: 2000, reads: 'lease', leaseMs: 400, clockDriftMarginMs: 10 }),
    client: presetClient(QUICK_CLIENTS),
    workload: { workload: 'register', readFraction: 0.9, clients: 6, checkers: ['stale-reads', 'linearizable', 'durability', 'convergence'] },
    faultKinds: ['clock-bump', 'clock-drift', 'clock-strobe', 'partition-leader', 'pause'],
  },
  {
    name: 'sl-statement',
    summary: 'single leader replicating statements, re-executed by every follower',
    promises: 'followers apply the same statements in the same order',
    expectedToBreak: 'divergence: a write of NOW() or RAND() is evaluated again on each follower, so replicas end with different values',
    safe: false,
    expectedAnomaly: 'divergence',
    store: presetStore('single-leader', { replication: 'statement' }),
    client: presetClient(),
    workload: { workload: 'nondeterministic' },
    faultKinds: ['clock-bump', 'clock-drift', 'latency', 'partition-one'],
  },
  {
    name: 'fd-aggressive',
    summary: 'single leader whose followers declare it dead after 60 ms of silence (heartbeats every 50 ms)',
    promises: 'linearizable (majority acks and fencing), but not available through GC pauses',
    expectedToBreak: 'false failovers: a short pause of a healthy leader triggers an election; in-flight writes become indeterminate and ops fail while leadership churns',
    safe: false,
    expectedAnomaly: 'false-failover',
    store: presetStore('single-leader', { failureDetector: { kind: 'heartbeat', suspectAfterMs: 55, declareAfterMs: 60 }, electionTimeoutMs: 50 }),
    client: presetClient(),
    // Availability first: the store stays linearizable, what it loses is service.
    workload: { workload: 'register', checkers: ['availability', 'linearizable', 'durability', 'convergence'] },
    faultKinds: ['pause', 'slow', 'latency'],
  },
];
