/**
 * How each deliberate store bug (src/store/mutations.ts) is hunted: which
 * store it is switched on in, which workload and fault kinds the exploration
 * draws from, and the seed. The mutation test and the mutations benchmark both
 * read this table, so the figures the benchmark prints are the test's own.
 *
 * Every case starts from a preset and changes only what the bug needs to be
 * reachable at all, each change explained in its `setup`: all but one start
 * from a safe preset; the read-repair one starts from ll-quorum, judged only
 * by the promises that store keeps. With the bug off every case is clean (the
 * test explores each one with its mutation off too, and finds nothing).
 */
import { explore, type ExploreProgress, type ExploreReport } from '../../src/explore/explore.js';
import type { ScenarioArbOptions } from '../../src/gen/scenario-arb.js';
import { PRESETS } from '../../src/presets/index.js';
import type { Preset } from '../../src/presets/preset.js';
import type { StoreConfig } from '../../src/store/config.js';
import type { MutationName } from '../../src/store/mutations.js';
import { registerWorkload } from '../../workloads/register.js';

/**
 * The matrix budget every mutation must be found within: at most 2,000
 * scenarios or 60 s of exploring, whichever ends first.
 *
 * @example
 * await explore({ ...MUTATION_BUDGET, config, seed: 1 });
 */
export const MUTATION_BUDGET = { runs: 2_000, timeSeconds: 60 } as const;

/**
 * One mutation's hunt.
 *
 * @example
 * const hunt: MutationCase = MUTATION_CASES[0]!;
 * hunt.store.mutations; // undefined: the bug is switched on by mutatedStore(hunt)
 */
export interface MutationCase {
  mutation: MutationName;
  /** The preset the store starts from. */
  preset: string;
  /** The store with the bug off: the preset, plus only what `setup` explains. */
  store: StoreConfig;
  /** What differs from the preset's own exploration, and why the bug needs it. */
  setup: string;
  /** Workload and fault constraints of the exploration. */
  scenario: ScenarioArbOptions;
  /** Anomaly classes that catching this bug may be reported as. */
  anomalies: readonly string[];
  seed: number;
}

const SL_MAJORITY = PRESETS['sl-majority']!;
const LL_ABD = PRESETS['ll-abd']!;
const LL_QUORUM = PRESETS['ll-quorum']!;

/**
 * Every mutation's hunt, in catalogue order.
 *
 * @example
 * MUTATION_CASES.map((hunt) => hunt.mutation); // ['follower-out-of-order', ...]
 */
export const MUTATION_CASES: readonly MutationCase[] = [
  {
    mutation: 'follower-out-of-order',
    preset: 'sl-majority',
    store: SL_MAJORITY.store,
    setup: 'the preset as it is: any fault that makes a follower catch up on a batch of entries exposes it',
    scenario: presetExploration(SL_MAJORITY),
    anomalies: ['divergence', 'not-linearizable'],
    seed: 1,
  },
  {
    mutation: 'failover-least-up-to-date',
    preset: 'sl-majority',
    store: SL_MAJORITY.store,
    setup: 'the preset as it is: a failover while one follower lags lets the lagging one win',
    scenario: presetExploration(SL_MAJORITY),
    anomalies: ['not-linearizable', 'lost-write', 'divergence'],
    seed: 1,
  },
  {
    mutation: 'ack-before-fsync',
    preset: 'sl-majority',
    store: withSingleLeader(SL_MAJORITY.store, { fsync: 'batched', fsyncIntervalMs: 100 }),
    setup:
      'group commit every 100 ms (acks still wait for it, so safe without the bug) and power failures ' +
      '(crash-unsynced) only, up to 5: an acknowledged write is lost only when the followers that hold it ' +
      'unsynced lose power inside the fsync window and the leader then loses office before it re-ships it',
    scenario: { ...presetExploration(SL_MAJORITY), kinds: ['crash-unsynced'], maxFaults: 5 },
    anomalies: ['not-linearizable', 'lost-write'],
    seed: 1,
  },
  {
    mutation: 'hints-dropped-on-restart',
    preset: 'll-abd',
    store: withLeaderless(LL_ABD.store, { nodes: 5 }),
    setup:
      'five nodes, so that a write to an unreachable replica has a fallback node to hold its hint (with three, ' +
      'every node is a replica and no hint is ever stored); and the anti-entropy verifier after the preset\'s ' +
      'checkers: Merkle anti-entropy later repairs what a dropped hint should have delivered, so replicas still ' +
      'converge and only the verifier (every hint delivered or still held) sees the hint go',
    scenario: { ...presetExploration(LL_ABD), workload: { ...LL_ABD.workload, checkers: [...registerWorkload.checkers.map((checker) => checker.name), 'anti-entropy'] } },
    anomalies: ['repair-failure', 'divergence', 'lost-write'],
    seed: 1,
  },
  {
    mutation: 'merkle-without-version',
    preset: 'll-abd',
    store: LL_ABD.store,
    setup: 'the preset as it is: its Merkle anti-entropy is what brings back a replica that missed a quorum write',
    scenario: presetExploration(LL_ABD),
    anomalies: ['divergence', 'repair-failure'],
    seed: 1,
  },
  {
    mutation: 'read-repair-writes-older',
    preset: 'll-quorum',
    store: LL_QUORUM.store,
    setup:
      'll-abd never runs read repair (an ABD read writes back itself), so the store is ll-quorum\'s: last-writer-wins ' +
      'quorums with read repair and anti-entropy. It is not linearizable by design, but with clocks left alone ' +
      '(no clock faults) it keeps its other promises, durability and convergence, and those are what it is judged ' +
      'by here, with the anti-entropy verifier',
    scenario: {
      kinds: ['partition-one', 'latency', 'loss', 'pause'],
      workload: { ...LL_QUORUM.workload, checkers: ['durability', 'convergence', 'anti-entropy'] },
    },
    anomalies: ['lost-write', 'divergence', 'repair-failure'],
    seed: 1,
  },
];

/**
 * The case's store with its bug switched on.
 *
 * @example
 * mutatedStore(MUTATION_CASES[0]!).mutations; // ['follower-out-of-order']
 */
export function mutatedStore(hunt: MutationCase): StoreConfig {
  return { ...structuredClone(hunt.store), mutations: [hunt.mutation] };
}

/**
 * Explores the case from its seed, with the bug on or off, within the matrix
 * budget (or `runs`, when smaller). Stops at the first failure and shrinks it.
 *
 * @example
 * const report = await huntMutation(MUTATION_CASES[2]!, { mutated: true });
 * report.failures[0]?.clientOps;
 */
export async function huntMutation(
  hunt: MutationCase,
  options: { mutated: boolean; runs?: number; onProgress?: (progress: ExploreProgress) => void },
): Promise<ExploreReport> {
  return explore({
    config: options.mutated ? mutatedStore(hunt) : structuredClone(hunt.store),
    scenario: hunt.scenario,
    seed: hunt.seed,
    runs: Math.min(options.runs ?? MUTATION_BUDGET.runs, MUTATION_BUDGET.runs),
    timeSeconds: MUTATION_BUDGET.timeSeconds,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
}

/**
 * What `explore --preset` would draw for the preset (its workload, its fault
 * kinds), for a store given as a config: the scenarios then name no preset,
 * since the store is not the preset's.
 */
function presetExploration(preset: Preset): ScenarioArbOptions {
  return { workload: preset.workload, kinds: preset.faultKinds };
}

function withLeaderless(store: StoreConfig, settings: Record<string, unknown>): StoreConfig {
  if (store.mode !== 'leaderless') throw new RangeError(`expected a leaderless store, got ${store.mode}`);
  return { ...store, leaderless: { ...store.leaderless, ...settings } };
}

function withSingleLeader(store: StoreConfig, settings: Record<string, unknown>): StoreConfig {
  if (store.mode !== 'single-leader') throw new RangeError(`expected a single-leader store, got ${store.mode}`);
  return { ...store, singleLeader: { ...store.singleLeader, ...settings } };
}
