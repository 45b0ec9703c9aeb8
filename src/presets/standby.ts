import { presetClient, presetStore } from './build.js';
import type { Preset } from './preset.js';
import { defaultStandby, type StandbyLevel } from '../store/single-leader/config.js';
import type { FaultKind } from '../nemesis/fault.js';

/**
 * Quick failure detection (heartbeats every 20 ms, the primary declared dead after
 * 100 ms of silence), so a failover and what it loses fit in a short scenario.
 */
const QUICK_DETECTION = {
  heartbeatIntervalMs: 20,
  failureDetector: { kind: 'heartbeat' as const, suspectAfterMs: 60, declareAfterMs: 100 },
  quorumTimeoutMs: 200,
};

/** Clients that give up on a silent primary quickly and move on to the promoted standby. */
const QUICK_CLIENTS = { timeouts: { requestTimeoutMs: 150, connectTimeoutMs: 60 } };

/** The faults a standby exists for: the primary lost (crashed, cut off, stalled), and the standby's own crash. */
const PRIMARY_LOSS: FaultKind[] = ['crash-leader', 'partition-leader', 'pause', 'crash-one'];

/** A lone primary with a standby of `level` (its defaults, warm batches every 200 ms, cold snapshots every second). */
function standbyStore(level: StandbyLevel) {
  return presetStore('single-leader', { ...QUICK_DETECTION, nodes: 1, standby: defaultStandby(level) });
}

/**
 * The standby presets, coldest first: a lone primary with one passive standby
 * that takes over when the primary is lost.
 *
 * @example
 * STANDBY_PRESETS.map((preset) => preset.name); // ['sl-standby-cold', 'sl-standby-warm', 'sl-standby-hot']
 */
export const STANDBY_PRESETS: Preset[] = [
  {
    name: 'sl-standby-cold',
    summary: 'lone primary with a cold standby that restores the latest snapshot from an object store when promoted',
    promises: 'the data of the latest snapshot survives the loss of the primary',
    expectedToBreak: 'lost writes: everything acknowledged after the last snapshot is gone once the standby takes over',
    safe: false,
    expectedAnomaly: 'lost-write',
    store: standbyStore('cold'),
    client: presetClient(QUICK_CLIENTS),
    // A set, judged for durability first (as sl-async): every acknowledged add must be there at the end.
    // No convergence check: a cold standby holds nothing by design.
    workload: { workload: 'set', checkers: ['durability', 'set'] },
    faultKinds: PRIMARY_LOSS,
  },
  {
    name: 'sl-standby-warm',
    summary: 'lone primary with a warm standby, shipped the log asynchronously in batches and applying it periodically',
    promises: 'the data shipped before the loss of the primary survives it',
    expectedToBreak: 'lost writes: what was acknowledged since the last batch shipped is gone once the standby takes over',
    safe: false,
    expectedAnomaly: 'lost-write',
    store: standbyStore('warm'),
    client: presetClient(QUICK_CLIENTS),
    // No convergence check: the standby applies what it holds only every applyIntervalMs.
    workload: { workload: 'set', checkers: ['durability', 'set'] },
    faultKinds: PRIMARY_LOSS,
  },
  {
    name: 'sl-standby-hot',
    summary: 'lone primary with a hot standby, replicated synchronously and promoted at once',
    promises: 'no acknowledged write is lost when the primary is, and the two copies converge',
    expectedToBreak: 'nothing (writes stall while the synchronous standby is unreachable and the primary still holds office)',
    safe: true,
    store: standbyStore('hot'),
    client: presetClient(QUICK_CLIENTS),
    workload: { workload: 'set', checkers: ['durability', 'set', 'convergence'] },
    faultKinds: PRIMARY_LOSS,
  },
];
