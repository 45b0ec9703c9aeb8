/**
 * One verdict from several checkers, as Jepsen composes them: false over
 * unknown over true, and a checker that throws (or answers something that is
 * not a verdict) is unknown, never a pass.
 */
import type { Op } from '../history/op.js';
import type { CheckContext, Checker, Skipped, Verdict } from './checker.js';

/**
 * What {@link compose} takes per checker: its verdict, a thunk that computes it
 * (so an exception can be caught), or a note that it was skipped.
 *
 * @example
 * const entry: ComposeEntry = () => convergenceChecker().check(history, context);
 */
export type ComposeEntry = Verdict | Skipped | (() => Verdict);

/**
 * Runs a checker, turning an exception (or a malformed result) into an
 * 'unknown' verdict that names it.
 *
 * @example
 * safely(() => { throw new Error('bad model'); }); // { valid: 'unknown', reason: 'the checker failed: bad model' }
 */
export function safely(check: () => Verdict): Verdict {
  try {
    const verdict = check();
    if (verdict === null || typeof verdict !== 'object' || ![true, false, 'unknown'].includes(verdict.valid)) {
      return { valid: 'unknown', reason: `the checker returned no verdict (${JSON.stringify(verdict)})` };
    }
    return verdict;
  } catch (error) {
    return { valid: 'unknown', reason: `the checker failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Composes checkers' verdicts into one whose `checks` holds each checker's
 * own, in the order given. Invalid when any is invalid: the first invalid one
 * names the anomaly and gives the reason. Else unknown when any is unknown (its
 * reason, prefixed with its name) or when nothing was judged (skipped checkers
 * count for nothing). Else valid, the reason listing each checker's.
 *
 * @example
 * compose({
 *   linearizable: { valid: true, reason: 'linearizable (4 ops, 1 partition)' },
 *   convergence: () => ({ valid: false, anomaly: 'divergence', reason: 'key x differs' }),
 * }); // { valid: false, anomaly: 'divergence', reason: 'key x differs', checks: { linearizable: ..., convergence: ... } }
 */
export function compose(entries: Record<string, ComposeEntry>): Verdict {
  const checks: Record<string, Verdict | Skipped> = {};
  for (const [name, entry] of Object.entries(entries)) {
    checks[name] = typeof entry === 'function' ? safely(entry) : isSkipped(entry) ? entry : safely(() => entry);
  }
  const judged = Object.entries(checks).filter((pair): pair is [string, Verdict] => !isSkipped(pair[1]));
  const invalid = judged.find(([, verdict]) => verdict.valid === false);
  if (invalid !== undefined) {
    const { anomaly, reason } = invalid[1];
    return anomaly === undefined ? { valid: false, reason, checks } : { valid: false, anomaly, reason, checks };
  }
  const unknown = judged.find(([, verdict]) => verdict.valid === 'unknown');
  if (unknown !== undefined) return { valid: 'unknown', reason: `${unknown[0]}: ${unknown[1].reason}`, checks };
  if (judged.length === 0) return { valid: 'unknown', reason: 'no checker applies to this workload', checks };
  return { valid: true, reason: judged.map(([name, verdict]) => `${name}: ${verdict.reason}`).join('; '), checks };
}

/**
 * Runs each checker on the history with the context and composes their verdicts
 * under their names (see {@link compose}).
 *
 * @example
 * checkAll([linearizableChecker({ model }), setChecker()], history.ops, {}).valid;
 */
export function checkAll(checkers: readonly Checker[], history: readonly Op[], context: CheckContext): Verdict {
  return compose(Object.fromEntries(checkers.map((checker) => [checker.name, () => checker.check(history, context)])));
}

/**
 * True for a {@link Skipped} entry.
 *
 * @example
 * isSkipped({ skipped: 'not a counter' }); // true
 */
export function isSkipped(entry: unknown): entry is Skipped {
  return typeof entry === 'object' && entry !== null && typeof (entry as Skipped).skipped === 'string';
}
