import { ConfigError } from '../config/config-error.js';
import { runScenario, type ScenarioOutcome } from '../run/run-scenario.js';
import { scenarioOps, type Scenario } from '../run/scenario.js';
import {
  cutAfterFailure, dropClients, dropFaults, fewerNodes, removeOpChunks, shortenFaults, truncateOps, type ShrinkPass,
} from './_internals/shrink-passes.js';
import { smallerValues } from './_internals/shrink-values.js';
import { runSeed } from '../run/seeds.js';
import type { ModeDefinition } from '../store/mode-definition.js';

/**
 * Options of {@link shrinkScenario}.
 *
 * @example
 * shrinkScenario(outcome, { maxRuns: 500, timeLimitMs: 5_000 });
 */
export interface ShrinkOptions {
  /** Most candidate runs. Default 2000. */
  maxRuns?: number;
  /** Wall-clock budget of the whole shrink, in ms. Default 20000. */
  timeLimitMs?: number;
  /** Checker budget per candidate, in ms (a candidate judged 'unknown' is not kept). Default 2000. */
  checkTimeoutMs?: number;
  /** Other seeds tried for a candidate once shrinking with fixed seeds is stuck (0: never). Default 3. */
  reseeds?: number;
  /** Called after each kept candidate, with the new smallest outcome. */
  onShrink?: (outcome: ScenarioOutcome) => void;
  /** Store modes of your own, which the scenario's store may name (see ModeDefinition). */
  modes?: readonly ModeDefinition[];
}

/**
 * What shrinking found: the smallest outcome that still fails with the same
 * anomaly, and what it took.
 *
 * @example
 * const { outcome, runs } = shrinkScenario(failing);
 */
export interface ShrinkResult {
  outcome: ScenarioOutcome;
  /** Candidates run. */
  runs: number;
  /** Candidates kept (each one smaller than the one before). */
  steps: number;
  elapsedMs: number;
  /** True when a budget ran out before no pass could shrink further. */
  exhausted: boolean;
}

/**
 * The passes, cheapest and most effective first: faults and op prefixes cut the
 * most for one run each; the finer passes then work on a small scenario.
 */
const PASSES: ShrinkPass[] = [cutAfterFailure, dropFaults, truncateOps, removeOpChunks, dropClients, fewerNodes, shortenFaults, smallerValues];

/**
 * Shrinks a failing scenario (not its history): fewer faults, fewer ops, fewer
 * clients, fewer nodes, shorter faults, smaller values. Every candidate is run
 * again from its seed and kept only when it fails with the same anomaly class,
 * so the final history is one the store really produced.
 *
 * Why a greedy shrinker over the scenario's parts rather than fast-check's own
 * shrinking: a generated scenario's ops come from its seed, so fast-check can
 * only shrink the op count, and each smaller count redraws every op (and the
 * swarm's chained fault schedule shrinks poorly). Listing the ops once and
 * deleting them one chunk at a time (delta debugging) keeps every other op and
 * fault exactly as it was, and reaches a scenario where no single op, fault,
 * client or node can go in a few hundred short runs.
 *
 * @example
 * const failing = runScenario(scenario); // failing.verdict.valid === false
 * const { outcome } = shrinkScenario(failing);
 * outcome.scenario.ops!.length; // a handful
 */
export function shrinkScenario(failing: ScenarioOutcome, options: ShrinkOptions = {}): ShrinkResult {
  const steps = shrinkSteps(failing, options);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * {@link shrinkScenario} one candidate at a time: the generator yields after
 * each candidate run and returns the result, so a caller can give the event
 * loop a turn between candidates (to notice Ctrl-C) and stop early through
 * `stopAt`, a deadline it may move while shrinking goes on.
 *
 * @example
 * const steps = shrinkSteps(failing, {}, () => deadline);
 * let step = steps.next();
 * while (!step.done) step = steps.next();
 * step.value.outcome;
 */
export function* shrinkSteps(failing: ScenarioOutcome, options: ShrinkOptions = {}, stopAt: () => number = () => Infinity): Generator<void, ShrinkResult, void> {
  if (failing.verdict.valid !== false) throw new RangeError('shrinkScenario needs a failing outcome (verdict.valid === false)');
  const started = performance.now();
  const maxRuns = options.maxRuns ?? 2000;
  const deadline = started + (options.timeLimitMs ?? 20_000);
  const anomaly = failing.verdict.anomaly;
  const modes = options.modes ?? [];
  // Listing the ops changes nothing about the run: they are the ones the seed generated.
  let best: ScenarioOutcome = { ...failing, scenario: listOps(failing.scenario) };
  let runs = 0;
  let steps = 0;
  const outOfBudget = () => runs >= maxRuns || performance.now() > Math.min(deadline, stopAt());
  const failsAlike = (candidate: Scenario): ScenarioOutcome | undefined => {
    runs++;
    const outcome = tryRun(candidate, options.checkTimeoutMs ?? 2000, modes);
    return outcome?.verdict.valid === false && outcome.verdict.anomaly === anomaly ? outcome : undefined;
  };
  const onKeep = (outcome: ScenarioOutcome) => {
    steps++;
    options.onShrink?.(outcome);
  };
  // First with each candidate's own seed; once that is stuck, with a few other seeds too.
  for (const reseeds of [0, options.reseeds ?? 3]) best = yield* runPasses(best, reseeds, { failsAlike, outOfBudget, onKeep, modes });
  const exhausted = outOfBudget();
  // Candidates ran with the light trace; the result is run once more with the full one, for its report.
  const outcome = runScenario(best.scenario, { modes });
  return { outcome, runs, steps, elapsedMs: performance.now() - started, exhausted };
}

interface PassHooks {
  failsAlike(candidate: Scenario): ScenarioOutcome | undefined;
  outOfBudget(): boolean;
  onKeep(outcome: ScenarioOutcome): void;
  modes: readonly ModeDefinition[];
}

/**
 * Runs every pass until none shrinks any further (or the budget is out),
 * yielding after each candidate run. With
 * `reseeds` > 0, a candidate that does not fail with its own seed is also tried
 * with that many other seeds: one random stream drives the whole simulated
 * world, so dropping one op shifts every later latency draw, and a
 * timing-dependent failure can vanish for that reason alone. A reseeded
 * candidate is still a scenario that really fails, from its (new) seed.
 */
function* runPasses(start: ScenarioOutcome, reseeds: number, hooks: PassHooks): Generator<void, ScenarioOutcome, void> {
  let best = start;
  for (let progress = true; progress && !hooks.outOfBudget(); ) {
    progress = false;
    for (const pass of PASSES) {
      for (let restart = true; restart && !hooks.outOfBudget(); ) {
        restart = false;
        for (const candidate of pass(best.scenario, best, hooks.modes)) {
          if (hooks.outOfBudget()) break;
          let kept: ScenarioOutcome | undefined;
          for (let k = 0; k <= reseeds && kept === undefined && !hooks.outOfBudget(); k++) {
            kept = hooks.failsAlike(k === 0 ? candidate : { ...candidate, seed: runSeed(candidate.seed, k) });
            yield;
          }
          if (kept === undefined) continue;
          best = kept;
          hooks.onKeep(best);
          progress = restart = true;
          break;
        }
      }
    }
  }
  return best;
}

function listOps(scenario: Scenario): Scenario {
  const ops = scenarioOps(scenario);
  return { ...scenario, ops, workload: { ...scenario.workload, ops: ops.length } };
}

/** What candidate runs trace: lifecycle, faults and custom events, which is all the nemesis reads. */
const LIGHT_TRACE = { messages: false } as const;

/** A candidate the store refuses (a config rule, say) is simply not a smaller failure. */
function tryRun(candidate: Scenario, checkTimeoutMs: number, modes: readonly ModeDefinition[]): ScenarioOutcome | undefined {
  try {
    return runScenario(candidate, { checkTimeoutMs, trace: LIGHT_TRACE, modes });
  } catch (error) {
    if (error instanceof ConfigError) return undefined;
    throw error;
  }
}
