/**
 * One verdict from several checkers, as Jepsen composes them: false over
 * unknown over true, and a checker that throws is unknown, never a pass.
 */
import type { AnomalyClass } from './anomaly.js';
import type { Validity } from './linearizable/check.js';

/**
 * One checker's judgement: valid, invalid (naming an anomaly class) or unknown,
 * a one-line reason, and the evidence as JSON data.
 *
 * @example
 * const verdict: CheckerVerdict = { valid: false, anomaly: 'lost-write', reason: '1 acknowledged write lost', detail: {} };
 */
export interface CheckerVerdict<D = unknown> {
  valid: Validity;
  anomaly?: AnomalyClass | string;
  reason: string;
  detail?: D;
}

/**
 * A checker left out on purpose (it does not apply, or is not available), with why.
 *
 * @example
 * const skipped: SkippedChecker = { skipped: 'the workload has no counter' };
 */
export interface SkippedChecker {
  skipped: string;
}

/**
 * What {@link compose} takes per checker: its verdict, a thunk that computes it
 * (so an exception can be caught), or a note that it was skipped.
 *
 * @example
 * const entry: ComposeEntry = () => checkConvergence(states);
 */
export type ComposeEntry = CheckerVerdict | SkippedChecker | (() => CheckerVerdict);

/**
 * The run's one verdict: the composed validity, the anomaly and reason of the
 * first checker that failed (in the order given), and every checker's result.
 *
 * @example
 * const verdict: ComposedVerdict = compose({ durability: lostWriteVerdict });
 * verdict.anomaly; // 'lost-write'
 */
export interface ComposedVerdict {
  valid: Validity;
  anomaly?: AnomalyClass | string;
  reason: string;
  /** Names of the checkers that found a violation, in order. */
  failed: string[];
  checks: Record<string, CheckerVerdict | SkippedChecker>;
}

/**
 * Runs a checker, turning an exception (or a malformed result) into an
 * 'unknown' verdict that names it: a checker that cannot finish never passes.
 *
 * @example
 * safely(() => { throw new Error('bad model'); }).valid; // 'unknown'
 */
export function safely(check: () => CheckerVerdict): CheckerVerdict {
  try {
    const verdict = check();
    if (verdict === null || typeof verdict !== 'object' || ![true, false, 'unknown'].includes(verdict.valid)) {
      return { valid: 'unknown', reason: `the checker returned no verdict (${JSON.stringify(verdict)})` };
    }
    return verdict;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { valid: 'unknown', reason: `the checker failed: ${message}`, detail: { error: message } };
  }
}

/**
 * Composes checkers' verdicts: false if any is false, else unknown if any is
 * unknown (or nothing was checked at all), else true. The anomaly is the first
 * failing checker's.
 *
 * @example
 * compose({
 *   linearizable: { valid: true, reason: 'linearizable' },
 *   convergence: () => ({ valid: false, anomaly: 'divergence', reason: 'key x differs' }),
 * }); // { valid: false, anomaly: 'divergence', reason: 'convergence: key x differs', failed: ['convergence'], checks: {...} }
 */
export function compose(entries: Record<string, ComposeEntry>): ComposedVerdict {
  const checks: Record<string, CheckerVerdict | SkippedChecker> = {};
  for (const [name, entry] of Object.entries(entries)) {
    checks[name] = typeof entry === 'function' ? safely(entry) : isSkipped(entry) ? entry : safely(() => entry);
  }
  const judged = Object.entries(checks).filter((pair): pair is [string, CheckerVerdict] => !isSkipped(pair[1]));
  const failed = judged.filter(([, verdict]) => verdict.valid === false);
  if (failed.length > 0) {
    const [name, first] = failed[0]!;
    const others = failed.length > 1 ? ` (also failed: ${failed.slice(1).map(([n]) => n).join(', ')})` : '';
    const verdict: ComposedVerdict = { valid: false, reason: `${name}: ${first.reason}${others}`, failed: failed.map(([n]) => n), checks };
    if (first.anomaly !== undefined) verdict.anomaly = first.anomaly;
    return verdict;
  }
  const unknown = judged.find(([, verdict]) => verdict.valid === 'unknown');
  if (unknown !== undefined) return { valid: 'unknown', reason: `${unknown[0]}: ${unknown[1].reason}`, failed: [], checks };
  if (judged.length === 0) return { valid: 'unknown', reason: 'no checker judged this run', failed: [], checks };
  return { valid: true, reason: `every check passed (${judged.map(([n]) => n).join(', ')})`, failed: [], checks };
}

function isSkipped(entry: unknown): entry is SkippedChecker {
  return typeof entry === 'object' && entry !== null && typeof (entry as SkippedChecker).skipped === 'string';
}
