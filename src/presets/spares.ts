import { presetClient, presetStore } from './build.js';
import type { Preset } from './preset.js';
import type { FaultKind } from '../nemesis/fault.js';

/**
 * Two copies of each key, both needed to acknowledge a write (N=2, W=2, R=1),
 * on three ring members: a lost member leaves each of its ranges with one
 * copy, and writes to them wait for a spare; a second loss before a spare
 * rebuilt the first one's copies takes the keys the two shared. Spares ping
 * every 20 ms and declare a member dead after 100 ms of silence, so a
 * takeover and its transfer fit in a short scenario.
 */
function sparesStore(spares: number) {
  return presetStore('leaderless', { nodes: 3, n: 2, w: 2, r: 1, spares, spareHeartbeatMs: 20, spareDeclareAfterMs: 100 });
}

/** Permanent node loss: a member destroyed with its disk (each member is a failure domain of its own). */
const MEMBER_LOSS: FaultKind[] = ['region-loss'];

/** Eight keys spread over the ring's ranges, judged for durability only: every acknowledged write must survive. */
const WORKLOAD = { workload: 'kv', keys: 8, checkers: ['durability'] };

/**
 * The N+k presets of the leaderless store: no spare, one (N+1), two (N+2).
 *
 * @example
 * SPARES_PRESETS.map((preset) => preset.name); // ['ll-spares-0', 'll-spares-1', 'll-spares-2']
 */
export const SPARES_PRESETS: Preset[] = [
  {
    name: 'll-spares-0',
    summary: 'leaderless, N=2 W=2 R=1 on three members, no spare: a destroyed member\'s copies are never rebuilt',
    promises: 'acknowledged writes survive the loss of one member (the other copy)',
    expectedToBreak: 'lost writes: a second member destroyed takes the keys it shared with the first, whose copies nothing rebuilt',
    safe: false,
    expectedAnomaly: 'lost-write',
    store: sparesStore(0),
    client: presetClient(),
    workload: WORKLOAD,
    faultKinds: MEMBER_LOSS,
  },
  {
    name: 'll-spares-1',
    summary: 'leaderless, N=2 W=2 R=1 on three members with one spare (N+1) that takes a destroyed member\'s ranges over',
    promises: 'acknowledged writes survive two member losses spaced wider than a takeover and its transfer',
    expectedToBreak: 'lost writes when a second member is destroyed before the spare holds the first one\'s ranges, or a third after it',
    safe: false,
    expectedAnomaly: 'lost-write',
    store: sparesStore(1),
    client: presetClient(),
    workload: WORKLOAD,
    faultKinds: MEMBER_LOSS,
  },
  {
    name: 'll-spares-2',
    summary: 'leaderless, N=2 W=2 R=1 on three members with two spares (N+2)',
    promises: 'acknowledged writes survive three member losses spaced wider than a takeover and its transfer',
    expectedToBreak: 'lost writes when two members are destroyed closer together than a takeover and its transfer',
    safe: false,
    expectedAnomaly: 'lost-write',
    store: sparesStore(2),
    client: presetClient(),
    workload: WORKLOAD,
    faultKinds: MEMBER_LOSS,
  },
];
