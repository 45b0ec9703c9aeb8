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
  /** Stop after this many seconds (whichever of runs and time comes first). */
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
  /** Keep exploring after a failure (and shrink each one), instead of stopping at the first. */
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
}

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
  stoppedBy: 'runs' | 'time' | 'failure';
  /** With a shard: which shard, and the positions in its run sequence that count, as [from, to) ranges. */
  shard?: Shard;
  covered?: Array<[number, number]>;
}
