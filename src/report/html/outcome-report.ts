import { runScenario, type ScenarioOutcome } from '../../run/run-scenario.js';
import type { ModeDefinition } from '../../store/mode-definition.js';
import { explainOutcome } from '../verdict-reason.js';
import { buildReportData } from './build-report-data.js';
import { renderHtmlReport } from './render-html.js';

/**
 * Options of {@link renderOutcomeReport}.
 *
 * @example
 * renderOutcomeReport(outcome, { title: 'out/sl-async-seed7', replay: 'faultline replay out/sl-async-seed7' });
 */
export interface OutcomeReportOptions {
  /** The page's title (the run's folder). */
  title: string;
  /** The command that replays the run. */
  replay?: string;
  /** Store modes of your own the scenario names, to re-run it for its messages. */
  modes?: readonly ModeDefinition[];
  /**
   * Re-run a run recorded without its messages to draw them. Default true; false
   * when no time is left for a run (the page then has no message diagram, and
   * `faultline report DIR` draws it later).
   */
  rerunForMessages?: boolean;
}

/**
 * The HTML report of a simulated run: verdicts, the scenario in words, the
 * timeline with its faults and (for a linearizability failure) the longest
 * linearizable prefix, latency and throughput, availability, the message diagram
 * and the final replica states. A run recorded without its messages (exploring
 * keeps only lifecycle events) is re-run once, deterministically, with the full
 * trace; the verdict stays the one given.
 *
 * @example
 * writeFileSync(join(dir, 'report.html'), renderOutcomeReport(outcome, { title: dir }));
 */
export function renderOutcomeReport(outcome: ScenarioOutcome, options: OutcomeReportOptions): string {
  const explanation = explainOutcome(outcome);
  const trace = options.rerunForMessages === false ? outcome.run.trace : withMessages(outcome, options.modes ?? []);
  return renderHtmlReport(buildReportData({
    title: options.title,
    history: outcome.run.history,
    verdict: outcome.verdict,
    reason: explanation.sentence,
    ...(explanation.model ? { model: explanation.model } : {}),
    ...(explanation.failure ? { failure: explanation.failure } : {}),
    scenario: outcome.scenario,
    ...(options.replay === undefined ? {} : { replay: options.replay }),
    ...(trace === undefined ? {} : { trace }),
    replicaStates: outcome.run.replicaStates,
  }));
}

/** The run's trace with its messages: its own when it kept them, else a full re-run's (the same run: same seed, same events). */
function withMessages(outcome: ScenarioOutcome, modes: readonly ModeDefinition[]): ScenarioOutcome['run']['trace'] | undefined {
  const { trace, stats } = outcome.run;
  if (stats.events.send === 0 || trace.some((event) => event.kind === 'send')) return trace;
  try {
    return runScenario(outcome.scenario, { modes, checkTimeoutMs: 1 }).run.trace;
  } catch {
    // A store of one's own that cannot be loaded here: the report goes without its messages.
    return trace;
  }
}
