import type { AbortRule, Hypothesis } from './experiment.js';
import { formatMs, formatShare, type WindowFigures } from './window-metrics.js';

/**
 * An injection stopped early: when (the end of the window that broke the
 * rule, in virtual ms), that window, and why.
 *
 * @example
 * const abort: Abort = { atMs: 4000, window, reason: 'ok share 0.412 < 0.79 (0.99 less the 0.2 margin)' };
 */
export interface Abort {
  atMs: number;
  window: WindowFigures;
  reason: string;
}

/**
 * Why the window breaks the hypothesis by more than the abort rule's margins,
 * or undefined when it does not (a window that cannot be judged never aborts).
 *
 * @example
 * abortReason({ ...window, okShare: 0.5 }, { windowMs: 1000, okShare: 0.99 }, { okShareMargin: 0.2 });
 * // 'ok share 0.500 < 0.79 (0.99 less the 0.2 margin)'
 */
export function abortReason(window: WindowFigures, hypothesis: Hypothesis, rule: AbortRule): string | undefined {
  const reasons: string[] = [];
  if (rule.okShareMargin !== undefined && window.okShare !== null) {
    const floor = hypothesis.okShare! - rule.okShareMargin;
    if (window.okShare < floor) {
      reasons.push(`ok share ${formatShare(window.okShare)} < ${round(floor)} (${hypothesis.okShare} less the ${rule.okShareMargin} margin)`);
    }
  }
  if (rule.p99LatencyMarginMs !== undefined && window.p99LatencyMs !== null) {
    const ceiling = hypothesis.p99LatencyMs! + rule.p99LatencyMarginMs;
    if (window.p99LatencyMs > ceiling) {
      reasons.push(`p99 latency ${formatMs(window.p99LatencyMs)} ms > ${ceiling} ms (${hypothesis.p99LatencyMs} ms plus the ${rule.p99LatencyMarginMs} ms margin)`);
    }
  }
  return reasons.length === 0 ? undefined : reasons.join('; ');
}

/** A bound computed from two decimals, without float noise (0.99 - 0.2 = 0.79, not 0.7899999). */
function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
