import { WORKLOADS } from '../../workloads/index.js';
import type { ScenarioOp } from '../client/op-source.js';
import type { Fault } from '../nemesis/fault.js';
import type { Op } from '../history/op.js';
import { seededRandom } from '../run/seeds.js';
import { horizonForSpanMs, simulate, type RunView, type Simulation } from '../run/simulate.js';
import { experimentFault } from './blast-radius.js';
import type { Experiment } from './experiment.js';
import { abortReason, type Abort } from './abort.js';
import { phaseResults, type PhaseResult } from './phases.js';
import { OpTimeline, timedOps, windowFigures } from './window-metrics.js';

/**
 * What an experiment found: each phase with its windows and whether the
 * hypothesis held in it, whether the injection was aborted, and the verdict
 * (false when any phase broke the hypothesis or the injection was aborted;
 * 'unknown' when a window could not be judged and none broke it).
 *
 * @example
 * const result = runExperiment(experiment);
 * result.held; // true, false or 'unknown'
 */
export interface ExperimentResult {
  name: string;
  seed: number;
  fault: {
    kind: string;
    radius: string;
    targets?: string[];
    params?: Record<string, number>;
    linkShare?: number;
    /** What the nemesis recorded when the fault started (the nodes or groups it resolved), and when; null if it never started. */
    started: { atMs: number; detail: Record<string, unknown> } | null;
    /** When the fault was healed (virtual ms); null if it never started. */
    healedAtMs: number | null;
  };
  phases: PhaseResult[];
  aborted: Abort | null;
  held: boolean | 'unknown';
  /** Client ops the workload started, and whether every one ended before the run's horizon. */
  ops: { invoked: number; clientsFinished: boolean };
}

/**
 * Runs an experiment as one deterministic simulation: the workload's clients
 * issue ops at a steady rate from the start of the baseline to the end of the
 * recovery window; the fault starts when the baseline ends and heals when the
 * injection ends, or earlier when a window of the injection breaks the abort
 * rule (the recovery window then starts at once). Each phase is judged window
 * by window. The same experiment and seed give the same result.
 *
 * @example
 * runExperiment(validateExperiment(JSON.parse(text))).phases.map((phase) => phase.held); // [true, true, true]
 */
export function runExperiment(experiment: Experiment): ExperimentResult {
  const { phases, hypothesis } = experiment;
  const planned = experimentFault(experiment);
  const injectionEndMs = phases.baselineMs + phases.injectionMs;
  let aborted: Abort | null = null;
  const timeline = new OpTimeline();
  const watch = experiment.abort === null ? undefined : {
    everyMs: hypothesis.windowMs,
    onTick(view: RunView) {
      // Only windows that end while the fault is in force can abort it.
      if (aborted !== null || view.nowMs <= phases.baselineMs || view.nowMs >= injectionEndMs) return;
      timeline.update(view.history);
      const fromMs = view.nowMs - hypothesis.windowMs;
      const window = windowFigures(timeline.endedIn(fromMs, view.nowMs), fromMs, view.nowMs, hypothesis);
      const reason = abortReason(window, hypothesis, experiment.abort!);
      if (reason === undefined) return;
      aborted = { atMs: view.nowMs, window, reason };
      view.healAll();
    },
  };
  const run = simulate(simulationOf(experiment, planned.fault), watch === undefined ? {} : { watch });
  const abort = aborted as Abort | null;
  const endOfInjectionMs = abort === null ? injectionEndMs : abort.atMs;
  const results = phaseResults(timedOps(run.history), hypothesis, [
    ['baseline', 0, phases.baselineMs],
    ['injection', phases.baselineMs, endOfInjectionMs],
    ['recovery', endOfInjectionMs, endOfInjectionMs + phases.recoveryMs],
  ]);
  const verdicts = results.map((phase) => phase.held);
  const held = abort !== null || verdicts.includes(false) ? false : verdicts.includes('unknown') ? 'unknown' : true;
  const { fault } = planned;
  return {
    name: experiment.name,
    seed: experiment.seed,
    fault: {
      kind: fault.kind, radius: planned.radius,
      ...(fault.targets === undefined ? {} : { targets: fault.targets }),
      ...(fault.params === undefined ? {} : { params: fault.params }),
      ...(planned.linkShare === undefined ? {} : { linkShare: planned.linkShare }),
      ...nemesisTimes(run.history),
    },
    phases: results,
    aborted: abort,
    held,
    ops: { invoked: run.stats.clients.invoked, clientsFinished: run.stats.clientsFinished },
  };
}

/** When the one fault started (with what the nemesis resolved it to) and healed, from the nemesis ops of the history. */
function nemesisTimes(history: readonly Op[]): Pick<ExperimentResult['fault'], 'started' | 'healedAtMs'> {
  const nemesis = history.filter((op) => op.process === 'nemesis');
  const start = nemesis.find((op) => op.f.startsWith('start-'));
  const stop = nemesis.find((op) => op.f.startsWith('stop-'));
  if (start === undefined) return { started: null, healedAtMs: null };
  const { fault: _index, kind: _kind, ...detail } = start.value as Record<string, unknown>;
  return { started: { atMs: start.time / 1e6, detail }, healedAtMs: stop === undefined ? null : stop.time / 1e6 };
}

/** The run: the store, the clients and their steady ops over all three phases, and the one fault. */
function simulationOf(experiment: Experiment, fault: Fault): Simulation {
  const { phases } = experiment;
  const spanMs = phases.baselineMs + phases.injectionMs + phases.recoveryMs;
  const workload = WORKLOADS[experiment.workload.workload]!;
  return {
    seed: experiment.seed,
    store: experiment.store,
    clients: { count: experiment.workload.clients, policy: experiment.client },
    ops: steadyOps(experiment, spanMs),
    verbs: workload.verbs,
    ...(workload.nilReads === undefined ? {} : { nilReads: workload.nilReads }),
    faults: [fault],
    maxTimeMs: horizonForSpanMs(spanMs),
    trace: { messages: false },
  };
}

/**
 * The workload's ops for a span: the generator lays each client's ops out at
 * random gaps of mean spacingMs, so it is asked for half as many again as the
 * span needs (and a few more), and the ops that would start after the span are
 * dropped. Every client then keeps issuing ops until the span ends.
 */
function steadyOps(experiment: Experiment, spanMs: number): ScenarioOp[] {
  const { workload: spec } = experiment;
  const perClient = Math.ceil((1.5 * spanMs) / spec.spacingMs) + 10;
  const ops = WORKLOADS[spec.workload]!.generate({ ...spec, ops: perClient * spec.clients }, seededRandom(experiment.seed));
  return ops.filter((op) => (op.atMs ?? 0) < spanMs);
}
