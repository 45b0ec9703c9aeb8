import type { Experiment } from './experiment.js';
import type { PhaseResult } from './phases.js';
import type { ExperimentResult } from './run-experiment.js';
import { formatMs, formatShare, type WindowFigures } from './window-metrics.js';

/**
 * The experiment and its result in words: what was injected where, the
 * hypothesis, a small table of windows per phase, whether it aborted, and the
 * verdict.
 *
 * @example
 * experimentReport(experiment, runExperiment(experiment)).join('\n');
 */
export function experimentReport(experiment: Experiment, result: ExperimentResult): string[] {
  const { phases, hypothesis, abort } = experiment;
  const lines = [
    `experiment "${experiment.name}" (seed ${result.seed}): ${experiment.preset ?? experiment.store.mode}, ${experiment.workload.workload} workload, ` +
      `${experiment.workload.clients} client(s), an op every ${experiment.workload.spacingMs} ms each`,
    `fault: ${result.fault.kind} on ${result.fault.radius}, for ${phases.injectionMs} ms after a ${phases.baselineMs} ms baseline; ${phases.recoveryMs} ms recovery`,
    `  ${faultTimes(result)}`,
    `hypothesis, in every ${hypothesis.windowMs} ms window: ${bounds(experiment).join(' and ')}` +
      (abort === null ? '' : `; abort when ${abortBounds(experiment).join(' or ')}`),
  ];
  for (const phase of result.phases) lines.push('', ...phaseTable(phase));
  lines.push('');
  if (result.aborted !== null) lines.push(`aborted at ${result.aborted.atMs} ms: ${result.aborted.reason}; the fault was healed then`);
  if (!result.ops.clientsFinished) lines.push('warning: the clients did not finish their ops before the run\'s horizon; ops still open count as info in the last window');
  lines.push(`verdict: ${verdictWords(result)}`);
  return lines;
}

function faultTimes({ fault }: ExperimentResult): string {
  if (fault.started === null) return 'it never started (the clients were done before the baseline ended)';
  const detail = Object.entries(fault.started.detail).map(([name, value]) => `${name} ${JSON.stringify(value)}`).join(', ');
  const healed = fault.healedAtMs === null ? 'never healed' : `healed at ${fault.healedAtMs} ms`;
  return `started at ${fault.started.atMs} ms${detail === '' ? '' : ` (${detail})`}, ${healed}`;
}

function bounds({ hypothesis }: Experiment): string[] {
  return [
    ...(hypothesis.okShare === undefined ? [] : [`ok share >= ${hypothesis.okShare}`]),
    ...(hypothesis.p99LatencyMs === undefined ? [] : [`p99 latency <= ${hypothesis.p99LatencyMs} ms`]),
  ];
}

function abortBounds({ hypothesis, abort }: Experiment): string[] {
  return [
    ...(abort?.okShareMargin === undefined ? [] : [`ok share < ${Math.round((hypothesis.okShare! - abort.okShareMargin) * 1e9) / 1e9}`]),
    ...(abort?.p99LatencyMarginMs === undefined ? [] : [`p99 latency > ${hypothesis.p99LatencyMs! + abort.p99LatencyMarginMs} ms`]),
  ];
}

/** One phase: a heading with its verdict and worst figures, then one row per window. */
function phaseTable(phase: PhaseResult): string[] {
  const worst = `worst ok share ${share(phase.worst.okShare)}, worst p99 ${ms(phase.worst.p99LatencyMs)}`;
  // The last column is words: left-aligned, like the first.
  const rows = [['window ms', 'ok', 'declined', 'fail', 'info', 'ok share', 'p99 ms', 'held'], ...phase.windows.map(windowRow)];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return [
    `${phase.name} ${phase.fromMs}-${phase.toMs} ms: ${heldWord(phase.held)} (${worst})`,
    ...rows.map((row) => `  ${row.map((cell, column) => (column === 0 || column === row.length - 1 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd()}`),
  ];
}

function windowRow(window: WindowFigures): string[] {
  const held = window.held === false ? `no: ${window.broken.join('; ')}` : heldWord(window.held);
  return [`${window.fromMs}-${window.toMs}`, `${window.ok}`, `${window.declined}`, `${window.fail}`, `${window.info}`, share(window.okShare), ms(window.p99LatencyMs), held];
}

function heldWord(held: boolean | 'unknown'): string {
  return held === true ? 'held' : held === false ? 'violated' : 'unknown';
}

function share(value: number | null): string {
  return value === null ? '-' : formatShare(value);
}

function ms(value: number | null): string {
  return value === null ? '-' : formatMs(value);
}

function verdictWords(result: ExperimentResult): string {
  if (result.held === true) return 'the hypothesis held in every phase';
  if (result.held === 'unknown') return 'unknown: a window had no op to judge, and no window broke the hypothesis';
  const broken = result.phases.filter((phase) => phase.held === false).map((phase) => phase.name);
  const parts = [...(broken.length === 0 ? [] : [`violated in ${broken.join(', ')}`]), ...(result.aborted === null ? [] : ['the injection was aborted'])];
  return `the hypothesis did not hold: ${parts.join('; ')}`;
}
