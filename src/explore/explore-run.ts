import type fc from 'fast-check';
import { ownModesOf, scenarioArb, type ScenarioArbOptions } from '../gen/scenario-arb.js';
import { runScenario, type ScenarioOutcome, type Verdict } from '../run/run-scenario.js';
import type { Scenario } from '../run/scenario.js';
import { runSeed, sampleWithSeed } from '../run/seeds.js';

/**
 * What one exploration run reports back (a worker sends it as a message): its
 * index, its verdict's class, and for a failure the scenario to shrink.
 */
export interface RunRecord {
  run: number;
  valid: Verdict['valid'];
  anomaly?: string;
  /** Only for failures: the scenario, to re-run and shrink. */
  scenario?: Scenario;
  /**
   * Only for failures: the run's own outcome (traced without messages). Saved as
   * it is when no time is left to re-run it fully traced, so a failure found
   * just before the deadline costs no further run.
   */
  outcome?: ScenarioOutcome;
}

/**
 * The scenario of run `runIndex` of an exploration: drawn from the scenario
 * generator with a seed derived from (baseSeed, runIndex) alone.
 *
 * @example
 * scenarioForRun(scenarioArb({ preset: 'sl-async' }), 1, 0); // always the same scenario
 */
export function scenarioForRun(arbitrary: fc.Arbitrary<Scenario>, baseSeed: number, runIndex: number): Scenario {
  return sampleWithSeed(arbitrary, runSeed(baseSeed, runIndex));
}

/**
 * Builds the generator once and runs scenarios by index: what the inline loop
 * and each worker share.
 *
 * @example
 * const runner = exploreRunner({ preset: 'll-weak' }, 1, 5_000);
 * runner.run(0).record.valid;
 */
export function exploreRunner(
  constraints: ScenarioArbOptions,
  baseSeed: number,
  checkTimeoutMs: number,
): { run(runIndex: number): { record: RunRecord; outcome: ScenarioOutcome } } {
  const arbitrary = scenarioArb(constraints);
  const modes = ownModesOf(constraints);
  return {
    run(runIndex) {
      const scenario = scenarioForRun(arbitrary, baseSeed, runIndex);
      // Only lifecycle, fault and custom events are traced: a failure is run again, fully traced, to be reported.
      const outcome = runScenario(scenario, { checkTimeoutMs, trace: { messages: false }, modes });
      const { valid, anomaly } = outcome.verdict;
      const record: RunRecord = valid === false ? { run: runIndex, valid, anomaly: anomaly ?? 'invalid', scenario, outcome } : { run: runIndex, valid };
      return { record, outcome };
    },
  };
}
