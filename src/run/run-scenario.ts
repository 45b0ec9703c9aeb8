import { WORKLOADS } from '../../workloads/index.js';
import type { Validity } from '../checker/index.js';
import { CHECKERS, composeChecks, runChecker, type CheckVerdict, type SkippedCheck } from './checkers.js';
import { toSimulation, type Scenario } from './scenario.js';
import { moveStoreClient } from './store-client.js';
import { simulate, type RunResult } from './simulate.js';
import type { TraceOptions } from '../sim/trace.js';
import type { ModeDefinition } from '../store/mode-definition.js';

/**
 * Anomaly classes a verdict can name; shrinking keeps a candidate only when it
 * fails with the same class as the original.
 *
 * @example
 * const anomaly: Anomaly = 'not-linearizable';
 */
export type Anomaly =
  | 'not-linearizable' | 'stale-read' | 'lost-write' | 'divergence'
  | 'session' | 'double-apply' | 'false-failover';

/**
 * The judgement of one run: valid, invalid (with its anomaly class) or unknown
 * (a checker ran out of budget), a one-line reason, and each checker's own
 * result under its name.
 *
 * @example
 * const verdict: Verdict = { valid: false, anomaly: 'not-linearizable', reason: 'key k0: ...', checks: {} };
 */
export interface Verdict {
  valid: Validity;
  anomaly?: Anomaly | string;
  reason: string;
  checks: Record<string, unknown>;
}

/**
 * A scenario, what the store did with it, and the verdict.
 *
 * @example
 * const { verdict, run } = runScenario(scenario);
 */
export interface ScenarioOutcome {
  scenario: Scenario;
  run: RunResult;
  verdict: Verdict;
}

/**
 * Options of {@link runScenario}.
 *
 * @example
 * runScenario(scenario, { checkTimeoutMs: 2_000 });
 */
export interface RunScenarioOptions {
  /** Wall-clock budget of each checker, in ms (a search that exceeds it is 'unknown'). Default 10000. */
  checkTimeoutMs?: number;
  /**
   * What the World's trace keeps. Default: everything. Exploring and shrinking
   * pass `{ messages: false }` (lifecycle, faults and custom events only, which
   * is all the nemesis reads): the history is the same, the run is cheaper.
   */
  trace?: TraceOptions;
  /** Store modes of your own, which the scenario's store may name (see ModeDefinition). */
  modes?: readonly ModeDefinition[];
}

const DEFAULT_CHECK_TIMEOUT_MS = 10_000;

/**
 * Runs a scenario on the simulator and checks its history with every checker
 * its workload spec names or, by default, its workload lists (those in
 * CHECKERS). Deterministic: the same scenario gives the same history, byte for
 * byte (only a checker's time budget depends on the machine).
 *
 * @example
 * const outcome = runScenario({ seed: 1, preset: 'sl-async', store: PRESETS['sl-async']!.store,
 *   workload: { workload: 'register', ops: 50, clients: 3, keys: 1 }, faults: [] });
 * outcome.verdict.valid; // true, false or 'unknown'
 */
export function runScenario(input: Scenario, options: RunScenarioOptions = {}): ScenarioOutcome {
  const scenario = moveStoreClient(input);
  const simulation = toSimulation(scenario);
  const run = simulate(options.trace === undefined ? simulation : { ...simulation, trace: options.trace }, { modes: options.modes ?? [] });
  const workload = WORKLOADS[scenario.workload.workload]!;
  const timeoutMs = options.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const verdicts: Record<string, CheckVerdict | SkippedCheck> = {};
  // A scenario may name its own checkers (a preset's choice); by default, the workload's.
  for (const name of scenario.workload.checkers ?? workload.checkers) {
    const checker = CHECKERS[name];
    verdicts[name] = checker === undefined
      ? { skipped: 'no checker of this name is available' }
      : runChecker(() => checker({ scenario, run, workload, timeoutMs }));
  }
  return { scenario, run, verdict: composeChecks(verdicts) };
}
