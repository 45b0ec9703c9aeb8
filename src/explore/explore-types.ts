import type { ScenarioArbOptions } from '../gen/scenario-arb.js';
import type { ClientPolicyConfig } from '../client/policy.js';
import type { StoreConfig } from '../store/config.js';
import type { ModeDefinition } from '../store/mode-definition.js';
import type { ScenarioOutcome, Verdict } from '../run/run-scenario.js';
import type { Scenario } from '../run/scenario.js';
import type { ShrinkOptions, ShrinkResult } from './shrink.js';
import type { Shard } from './shard.js';

/**
 * Options of {@link explore}. Without `runs` or `timeSeconds` it makes 100 runs.
 *
 * @example
 * const options: ExploreOptions = { preset: 'sl-async', runs: 200, seed: 1, workers: 2, outDir: 'out' };
 */
export interface ExploreOptions {
  /** A preset (fixed store and workload; the rest generated). */
  preset?: string;
  /** A fixed store config instead of a preset. */
  config?: StoreConfig;
  /** The clients' policy with `config` (a preset brings its own). Default: the default policy. */
  client?: ClientPolicyConfig;
  /**
   * Store modes of your own (see ModeDefinition): `config` may name one, and
   * without a preset or a config the stores are drawn from these. With
   * `workers` > 1 each needs its `module` (loadModeDefinition sets it).
   */
  modes?: readonly ModeDefinition[];
  /** More generator constraints (workload parts, fault kinds, bounds). */
  scenario?: ScenarioArbOptions;
  /** Stop after this many runs. */
  runs?: number;
  /**
   * Wall-clock budget of the whole exploration in seconds, shrinking and saving
   * included (whichever of runs and time comes first): a failure found with
   * little time left is shrunk as far as the time allows, or saved unshrunk.
   */
  timeSeconds?: number;
  /** Base seed: run i uses a seed derived from (seed, i). Default 1. */
  seed?: number;
  /**
   * Run only the run indices of this shard (run i belongs to shard i mod count),
   * from the same base seed; `runs` stays the total across all shards.
   */
  shard?: Shard;
  /** Worker threads. Default 1 (runs on this thread). */
  workers?: number;
  /** Keep exploring after a failure, shrinking and saving each one as it is found, instead of stopping at the first. */
  keepGoing?: boolean;
  /** Shrink options, or false to report failures unshrunk. */
  shrink?: ShrinkOptions | false;
  /** Checker budget per run, in ms. Default 10000. */
  checkTimeoutMs?: number;
  /** Save each (shrunk) failure as outDir/<id>/. */
  outDir?: string;
  /** Called after each run, for a live progress line. */
  onProgress?: (progress: ExploreProgress) => void;
  /** Called for each failure once it is shrunk (and saved). */
  onFailure?: (failure: ExploreFailure) => void;
  /** Node flags for worker threads (a TypeScript loader when running from sources). */
  workerExecArgv?: string[];
  /**
   * Stops the exploration when aborted (Ctrl-C): no new run starts, and every
   * failure found so far is still shrunk (for at most `graceMs` in all) and saved.
   */
  signal?: AbortSignal;
  /** After `signal` aborts, how long shrinking may go on before failures are saved as they are, in ms. Default 3000. */
  graceMs?: number;
}

/**
 * How far a failure was shrunk: `shrunk` (no pass could make it smaller),
 * `partly-shrunk` (a budget or an interrupt ended shrinking first), `unshrunk`
 * (shrinking was off, or no time was left for it).
 *
 * @example
 * SHRINK_STATES.includes(failure.shrinkState); // true
 */
export const SHRINK_STATES = ['shrunk', 'partly-shrunk', 'unshrunk'] as const;

/** One of {@link SHRINK_STATES}. */
export type ShrinkState = (typeof SHRINK_STATES)[number];

/**
 * Why an exploration stopped: its run count, its time, a failure (without
 * keepGoing), or an interrupt (its signal aborted).
 *
 * @example
 * STOP_REASONS.includes(report.stoppedBy); // true
 */
export const STOP_REASONS = ['runs', 'time', 'failure', 'interrupt'] as const;

/** One of {@link STOP_REASONS}. */
export type StopReason = (typeof STOP_REASONS)[number];

/**
 * Where an exploration stands.
 *
 * @example
 * onProgress: ({ runs, runsPerSecond, failures }) => bar.update(runs, { runsPerSecond, failures });
 */
export interface ExploreProgress {
  runs: number;
  failures: number;
  unknown: number;
  elapsedMs: number;
  runsPerSecond: number;
}

/**
 * One failure: the run that found it, its original verdict, and the shrunk
 * outcome (with where it was saved).
 *
 * @example
 * failure.shrunk.scenario.ops!.length; // client ops of the shrunk scenario
 */
export interface ExploreFailure {
  run: number;
  anomaly: string;
  original: { scenario: Scenario; verdict: Verdict };
  shrunk: ScenarioOutcome;
  shrink?: Omit<ShrinkResult, 'outcome'>;
  /** How far `shrunk` was shrunk (it is the original outcome when `unshrunk`). */
  shrinkState: ShrinkState;
  /** Client ops and faults of the shrunk scenario. */
  clientOps: number;
  faults: number;
  dir?: string;
}

/**
 * What an exploration found. Failures are in run order; `runs` counts the runs
 * up to the last one that counts (past the first failure, none do unless
 * keepGoing), so one worker and K workers report the same.
 *
 * @example
 * const report = await explore({ preset: 'll-weak', runs: 100 });
 * report.failures[0]?.anomaly; // 'not-linearizable'
 */
export interface ExploreReport {
  seed: number;
  runs: number;
  failures: ExploreFailure[];
  unknown: number;
  elapsedMs: number;
  runsPerSecond: number;
  workers: number;
  stoppedBy: StopReason;
  /** With a shard: which shard, and the positions in its run sequence that count, as [from, to) ranges. */
  shard?: Shard;
  covered?: Array<[number, number]>;
}
