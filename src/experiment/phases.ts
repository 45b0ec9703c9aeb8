import type { Hypothesis } from './experiment.js';
import { figuresByWindow, type TimedOp, type WindowFigures } from './window-metrics.js';

/**
 * One phase of an experiment, judged: it held when every window in it held
 * (false when any broke the hypothesis, 'unknown' when none broke it but one
 * could not be judged). `worst` is the lowest ok share and the highest p99
 * latency among its windows; `overall` counts the whole phase as one window.
 *
 * @example
 * const phase: PhaseResult = result.phases[1]!; // the injection
 */
export interface PhaseResult {
  name: 'baseline' | 'injection' | 'recovery';
  fromMs: number;
  toMs: number;
  held: boolean | 'unknown';
  windows: WindowFigures[];
  worst: { okShare: number | null; p99LatencyMs: number | null };
  overall: { ok: number; declined: number; fail: number; info: number; okShare: number | null };
}

/**
 * Cuts each phase into windows of `hypothesis.windowMs` and judges them (see
 * figuresByWindow for which window an op counts in). Phases are consecutive.
 *
 * @example
 * phaseResults(ops, hypothesis, [['baseline', 0, 2000], ['injection', 2000, 4000], ['recovery', 4000, 6000]]);
 */
export function phaseResults(
  ops: readonly TimedOp[],
  hypothesis: Hypothesis,
  phases: ReadonlyArray<readonly [PhaseResult['name'], number, number]>,
): PhaseResult[] {
  const bounds: Array<[number, number]> = [];
  const counts: number[] = [];
  for (const [, fromMs, toMs] of phases) {
    const before = bounds.length;
    for (let at = fromMs; at < toMs; at += hypothesis.windowMs) bounds.push([at, Math.min(toMs, at + hypothesis.windowMs)]);
    counts.push(bounds.length - before);
  }
  const windows = figuresByWindow(ops, bounds, hypothesis);
  let next = 0;
  return phases.map(([name, fromMs, toMs], i) => {
    const own = windows.slice(next, (next += counts[i]!));
    return { name, fromMs, toMs, held: phaseHeld(own), windows: own, worst: worstOf(own), overall: overallOf(own) };
  });
}

function phaseHeld(windows: readonly WindowFigures[]): boolean | 'unknown' {
  if (windows.some((window) => window.held === false)) return false;
  return windows.some((window) => window.held === 'unknown') || windows.length === 0 ? 'unknown' : true;
}

function worstOf(windows: readonly WindowFigures[]): PhaseResult['worst'] {
  const shares = windows.flatMap((window) => (window.okShare === null ? [] : [window.okShare]));
  const latencies = windows.flatMap((window) => (window.p99LatencyMs === null ? [] : [window.p99LatencyMs]));
  return {
    okShare: shares.length === 0 ? null : Math.min(...shares),
    p99LatencyMs: latencies.length === 0 ? null : Math.max(...latencies),
  };
}

function overallOf(windows: readonly WindowFigures[]): PhaseResult['overall'] {
  const sum = (field: 'ok' | 'declined' | 'fail' | 'info') => windows.reduce((total, window) => total + window[field], 0);
  const [ok, declined, fail, info] = [sum('ok'), sum('declined'), sum('fail'), sum('info')];
  const total = ok + declined + fail + info;
  return { ok, declined, fail, info, okShare: total === 0 ? null : (ok + declined) / total };
}
