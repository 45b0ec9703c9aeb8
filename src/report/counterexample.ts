import type { ScenarioOutcome } from '../run/run-scenario.js';
import type { Op } from '../history/op.js';
import type { Operation } from '../history/operation.js';
import { renderHistoryTimeline } from './history-timeline.js';
import { counterexampleOps } from './linearizability-report.js';
import { notableTrace } from './notable-trace.js';
import { describeScenario } from './scenario-words.js';
import { explainOutcome } from './verdict-reason.js';
import { clipText } from './clip.js';

/**
 * Options for {@link renderCounterexample}.
 */
export interface CounterexampleOptions {
  /** Include the trace lines that led to the failure. Default true. */
  trace?: boolean;
  /** At most this many trace lines. Default 30. */
  maxTraceLines?: number;
  /** The command that replays it, printed with the scenario. */
  replay?: string;
}

/**
 * The counterexample.txt text of a failing (usually shrunk) scenario: the verdict and
 * its reason in one sentence; the scenario in words (store, workload, then faults in
 * time order); the history as a timeline per process with the nemesis events between;
 * and the trace lines that led there (elections, crashes, partitions, drops), up to
 * the failing op's completion.
 *
 * @example
 * writeFileSync('counterexample.txt', renderCounterexample(shrunk, { replay: `faultline replay ${dir}` }));
 */
export function renderCounterexample(outcome: ScenarioOutcome, c: CounterexampleOptions = {}): string {
  const { verdict, run, scenario } = outcome;
  const explanation = explainOutcome(outcome);
  const headline = verdict.valid === false ? `faultline found: ${verdict.anomaly ?? 'a violation'}` : `verdict: ${verdict.valid === true ? 'valid' : 'unknown'}`;
  const sections = [`${headline}\n${sentence(explanation.sentence)}`];
  const scenarioLines = describeScenario(scenario);
  if (c.replay) scenarioLines.push(`replay: ${c.replay}`);
  sections.push(section('Scenario', scenarioLines.map((line) => `  ${line}`).join('\n')));
  const describe = explanation.model
    ? (op: Operation) => explanation.model!.describe(op.input, op.output)
    : (op: Operation) => `${op.input.f} ${JSON.stringify(op.output.known ? op.output.value : op.input.value)}`;
  const failure = explanation.failure;
  const timeline = renderHistoryTimeline(run.history, {
    describe,
    ...(failure?.blocked ? { marked: new Set([failure.blocked.invokeIndex]) } : {}),
    ...(failure ? { focus: new Set([...counterexampleOps(failure).map((row) => row.index), ...(explanation.cited ?? []).map((op) => op.invokeIndex)]) } : {}),
  });
  const legend = failure?.blocked ? '; *op* is the one no linearization can place' : '';
  sections.push(section(`History (one row per client process, then one per fault from start to heal${legend})`, timeline));
  if (c.trace ?? true) {
    const untilMs = failure?.blocked?.completeIndex === undefined ? undefined : timeMsOf(run.history, failure.blocked.completeIndex);
    const lines = notableTrace(run.trace, { ...(untilMs === undefined ? {} : { untilMs }), maxLines: c.maxTraceLines ?? 30 });
    const title = `Trace that led there (virtual ms${untilMs === undefined ? '' : `, up to ${untilMs.toFixed(3)} ms, when the failing op completed`})`;
    sections.push(section(title, lines.length > 0 ? lines.join('\n') : '(no elections, faults, crashes or drops recorded)'));
  }
  return clipText(`${sections.join('\n\n')}\n`);
}

function section(title: string, body: string): string {
  return `${title}:\n${body}`;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The virtual time, in ms, of the history's op with this index. */
function timeMsOf(history: readonly Op[], index: number): number | undefined {
  const op = history[index]?.index === index ? history[index] : history.find((candidate) => candidate.index === index);
  return op === undefined ? undefined : op.time / 1e6;
}
