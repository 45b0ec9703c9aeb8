import { WORKLOADS } from '../../workloads/index.js';
import type { Workload } from '../../workloads/workload.js';
import { checkerNamed } from '../checker/by-name.js';
import type { Verdict } from '../checker/checker.js';
import { compose, type ComposeEntry } from '../checker/compose.js';
import { runCheckContext } from './check-context.js';
import { toSimulation, type Scenario } from './scenario.js';
import { moveStoreClient } from './store-client.js';
import { simulate, type RunResult } from './simulate.js';
import type { TraceOptions } from '../sim/trace.js';
import type { ModeDefinition } from '../store/mode-definition.js';

export type { Verdict };

/**
 * A scenario, what the store did with it, and the verdict (a composed one:
 * `checks` holds each checker's own).
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
 * its workload spec names or, by default, its workload's own, given the run's
 * replica states and trace as context (see runCheckContext). Deterministic: the same scenario gives the same history, byte for
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
  const context = runCheckContext(run, scenario.store, options.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS, options.modes ?? []);
  const entries: Record<string, ComposeEntry> = {};
  for (const [name, checker] of checkersOf(workload, scenario.workload.checkers)) {
    entries[name] = checker === undefined ? { skipped: 'no checker of this name is available' } : () => checker.check(run.history, context);
  }
  return { scenario, run, verdict: compose(entries) };
}

/**
 * A scenario may name its own checkers (a preset's choice, as JSON strings); by
 * default, the workload's own. A name no checker has is kept, to be reported as skipped.
 */
function checkersOf(workload: Workload, names: readonly string[] | undefined): Array<[string, Workload['checkers'][number] | undefined]> {
  if (names === undefined) return workload.checkers.map((checker) => [checker.name, checker]);
  return names.map((name) => [name, checkerNamed(name, { model: workload.model })]);
}
