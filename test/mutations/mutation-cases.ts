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
 *
 * A case is written as the `faultline explore` flags that hunt it (a changed
 * store is a config file under examples/mutations/), and the hunt builds its
 * constraints from those flags as the command does: the README's command for a
 * row explores exactly the runs the test does.
 */
import { explore, type ExploreProgress, type ExploreReport } from '../../src/explore/explore.js';
import { scenarioConstraints, type ScenarioFlags } from '../../src/cli/run.js';
import { PRESETS } from '../../src/presets/index.js';
import type { StoreConfig } from '../../src/store/config.js';
import type { MutationName } from '../../src/store/mutations.js';

/**
 * The matrix budget every mutation must be found within: at most 2,000
 * scenarios or 60 s of exploring, whichever ends first.
 *
 * @example
 * await explore({ ...MUTATION_BUDGET, config, seed: 1 });
 */
export const MUTATION_BUDGET = { runs: 2_000, timeSeconds: 60 } as const;

/** The flags a hunt is written as: all of `explore`'s scenario flags but the mutation and the seed, which the case names. */
export type HuntFlags = Omit<ScenarioFlags, 'mutation' | 'seed' | 'store'>;

/**
 * One mutation's hunt.
 *
 * @example
 * const hunt: MutationCase = MUTATION_CASES[0]!;
 * hunt.flags; // { preset: 'sl-majority' }
 */
export interface MutationCase {
  mutation: MutationName;
  /** The preset the store starts from. */
  preset: string;
  /** The `faultline explore` flags of the hunt, the bug off: the preset, plus only what `setup` explains. */
  flags: HuntFlags;
  /** The store those flags fix, the bug off. */
  store: StoreConfig;
  /** What differs from the preset's own exploration, and why the bug needs it. */
  setup: string;
  /** Anomaly classes that catching this bug may be reported as. */
  anomalies: readonly string[];
  seed: number;
}

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
    flags: { preset: 'sl-majority' },
    setup: 'the preset as it is: any fault that makes a follower catch up on a batch of entries exposes it',
    anomalies: ['divergence', 'not-linearizable'],
    seed: 1,
  },
  {
    mutation: 'failover-least-up-to-date',
    preset: 'sl-majority',
    flags: { preset: 'sl-majority' },
    setup: 'the preset as it is: a failover while one follower lags lets the lagging one win',
    anomalies: ['not-linearizable', 'lost-write', 'divergence'],
    seed: 1,
  },
  {
    mutation: 'ack-before-fsync',
    preset: 'sl-majority',
    flags: { config: 'examples/mutations/sl-majority-group-commit.json', workload: 'cas-register', nemesis: 'crash-unsynced', maxFaults: '5' },
    setup:
      'group commit every 100 ms (acks still wait for it, so safe without the bug) and power failures ' +
      '(crash-unsynced) only, up to 5: an acknowledged write is lost only when the followers that hold it ' +
      'unsynced lose power inside the fsync window and the leader then loses office before it re-ships it',
    anomalies: ['not-linearizable', 'lost-write'],
    seed: 1,
  },
  {
    mutation: 'hints-dropped-on-restart',
    preset: 'll-abd',
    flags: {
      config: 'examples/mutations/ll-abd-five-nodes.json',
      workload: 'register',
      checkers: 'linearizable,stale-reads,sessions,durability,convergence,anti-entropy',
    },
    setup:
      'five nodes, so that a write to an unreachable replica has a fallback node to hold its hint (with three, ' +
      'every node is a replica and no hint is ever stored); and the anti-entropy verifier after the register ' +
      'workload\'s checkers: Merkle anti-entropy later repairs what a dropped hint should have delivered, so replicas ' +
      'still converge and only the verifier (every hint delivered or still held) sees the hint go',
    anomalies: ['repair-failure', 'divergence', 'lost-write'],
    seed: 1,
  },
  {
    mutation: 'merkle-without-version',
    preset: 'll-abd',
    flags: { preset: 'll-abd' },
    setup: 'the preset as it is: its Merkle anti-entropy is what brings back a replica that missed a quorum write',
    anomalies: ['divergence', 'repair-failure'],
    seed: 1,
  },
  {
    mutation: 'read-repair-writes-older',
    preset: 'll-quorum',
    flags: { preset: 'll-quorum', nemesis: 'partition-one,latency,loss,pause', checkers: 'durability,convergence,anti-entropy' },
    setup:
      'll-abd never runs read repair (an ABD read writes back itself), so the store is ll-quorum\'s: last-writer-wins ' +
      'quorums with read repair and anti-entropy. It is not linearizable by design, but with clocks left alone ' +
      '(no clock faults) it keeps its other promises, durability and convergence, and those are what it is judged ' +
      'by here, with the anti-entropy verifier',
    anomalies: ['lost-write', 'divergence', 'repair-failure'],
    seed: 1,
  },
].map((hunt) => ({ ...hunt, store: storeOf(hunt.flags) }) as MutationCase);

/**
 * The case's hunt as a `faultline explore` command line (the bug on), within the matrix budget.
 *
 * @example
 * huntCommand(MUTATION_CASES[0]!);
 * // 'faultline explore --preset sl-majority --mutation follower-out-of-order --seed 1 --runs 2000'
 */
export function huntCommand(hunt: MutationCase): string {
  const flags = Object.entries(hunt.flags).map(([name, value]) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${value}`);
  return ['faultline explore', ...flags, `--mutation ${hunt.mutation}`, `--seed ${hunt.seed}`, `--runs ${MUTATION_BUDGET.runs}`].join(' ');
}

/**
 * The case's store with its bug switched on.
 *
 * @example
 * mutatedStore(MUTATION_CASES[0]!).mutations; // ['follower-out-of-order']
 */
export function mutatedStore(hunt: MutationCase): StoreConfig {
  return { ...structuredClone(hunt.store), mutations: [hunt.mutation] };
}

/** The store a hunt's flags fix (the bug off), as the command reads them. */
function storeOf(flags: HuntFlags): StoreConfig {
  const constraints = scenarioConstraints(flags);
  return constraints.config ?? PRESETS[constraints.preset!]!.store;
}

/**
 * Explores the case from its seed, with the bug on or off, within the matrix
 * budget (or `runs`, when smaller), as `faultline explore` with the case's flags
 * does. Stops at the first failure and shrinks it.
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
    scenario: scenarioConstraints({ ...hunt.flags, ...(options.mutated ? { mutation: hunt.mutation } : {}) }),
    seed: hunt.seed,
    runs: Math.min(options.runs ?? MUTATION_BUDGET.runs, MUTATION_BUDGET.runs),
    timeSeconds: MUTATION_BUDGET.timeSeconds,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
}
