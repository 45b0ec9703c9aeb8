import type { Workload } from '../../workloads/workload.js';
import { checkLinearizable, type LinearizableResult, type PartitionFailure } from '../checker/index.js';
import type { Validity } from '../checker/index.js';
import { MODELS } from '../models/index.js';
import { PROMISE_CHECKERS } from './promise-checkers.js';
import type { Scenario } from './scenario.js';
import type { Verdict } from './run-scenario.js';
import type { RunResult } from './simulate.js';

/**
 * What a checker is given: the scenario, what the run produced, the workload
 * (its model and init), and a wall-clock budget.
 *
 * @example
 * const input: CheckInput = { scenario, run, workload: WORKLOADS.register!, timeoutMs: 10_000 };
 */
export interface CheckInput {
  scenario: Scenario;
  run: RunResult;
  workload: Workload;
  timeoutMs: number;
}

/**
 * One checker's judgement: valid, invalid (with an anomaly class) or unknown,
 * a one-line reason, and its evidence (JSON).
 *
 * @example
 * const verdict: CheckVerdict = { valid: true, reason: 'linearizable (40 ops, 1 key)' };
 */
export interface CheckVerdict {
  valid: Validity;
  anomaly?: string;
  reason: string;
  detail?: unknown;
}

/**
 * A checker: a pure function of the run's data.
 *
 * @example
 * const alwaysValid: Checker = () => ({ valid: true, reason: 'nothing to check' });
 */
export type Checker = (input: CheckInput) => CheckVerdict;

/**
 * A checker a workload names that the registry does not have.
 *
 * @example
 * const skipped: SkippedCheck = { skipped: 'no checker of this name is available' };
 */
export interface SkippedCheck {
  skipped: string;
}

/**
 * Checkers by the names workloads list in `checkers`. A workload naming a
 * checker not in this registry is judged by the others (the verdict's `checks`
 * record marks it as skipped).
 *
 * @example
 * CHECKERS.linearizable!({ scenario, run, workload: WORKLOADS.register!, timeoutMs: 5000 }).valid;
 */
export const CHECKERS: Record<string, Checker> = {
  linearizable: checkLinearizableRun,
  ...PROMISE_CHECKERS,
};

/**
 * The history checked against the workload's model (MODELS[workload.model]);
 * a search that runs out of time is 'unknown', never a pass.
 */
function checkLinearizableRun({ run, workload, timeoutMs }: CheckInput): CheckVerdict {
  const factory = MODELS[workload.model];
  if (factory === undefined) throw new RangeError(`workload '${workload.name}' names unknown model '${workload.model}'`);
  const model = factory(workload.init === undefined ? {} : { init: workload.init });
  const result = checkLinearizable(run.history, model, { timeoutMs });
  const { linearization: _order, ...detail } = result;
  if (result.valid === true) return { valid: true, reason: `linearizable (${summary(result)})`, detail };
  if (result.valid === 'unknown') {
    return { valid: 'unknown', reason: `the linearizability search ran out of its ${timeoutMs} ms budget (${summary(result)})`, detail };
  }
  const describe = (op: PartitionFailure['blocked']) => (op === undefined ? '' : model.describe(op.input, op.output));
  return { valid: false, anomaly: 'not-linearizable', reason: failureReason(result.failures[0]!, describe), detail };
}

function summary(result: LinearizableResult): string {
  return `${result.ops} ops, ${result.partitions} partition${result.partitions === 1 ? '' : 's'}`;
}

/** One sentence: where the search got stuck, and on which op (whose description names its key). */
function failureReason(failure: PartitionFailure, describe: (op: PartitionFailure['blocked']) => string): string {
  const blocked = failure.blocked;
  if (blocked === undefined) {
    return `${failure.key === undefined ? '' : `key ${String(failure.key)}: `}no order of the ops is allowed by the model`;
  }
  const before = failure.linearized.length;
  return `no linearization can include p${String(blocked.process)}'s ${describe(blocked)} after the ${before} op${before === 1 ? '' : 's'} before it`;
}

/**
 * Runs one checker; one that throws gives 'unknown' with the error as its
 * reason: an exception is never a pass (as in Jepsen).
 *
 * @example
 * runChecker(() => { throw new Error('bad model'); }).valid; // 'unknown'
 */
export function runChecker(check: () => CheckVerdict): CheckVerdict {
  try {
    return check();
  } catch (error) {
    return { valid: 'unknown', reason: `the checker failed: ${(error as Error).message}` };
  }
}

/**
 * Merges the checkers' verdicts into one, as Jepsen's compose: false over
 * unknown over true. The first invalid checker (in the workload's order) names
 * the anomaly and gives the reason; skipped checkers count for nothing, and
 * with nothing checked the verdict is 'unknown'.
 *
 * @example
 * composeChecks({ linearizable: { valid: true, reason: 'ok' }, convergence: { valid: 'unknown', reason: 'timed out' } }).valid; // 'unknown'
 */
export function composeChecks(checks: Record<string, CheckVerdict | SkippedCheck>): Verdict {
  const ran = Object.entries(checks).filter((entry): entry is [string, CheckVerdict] => !('skipped' in entry[1]));
  const invalid = ran.find(([, verdict]) => verdict.valid === false);
  if (invalid !== undefined) {
    return { valid: false, anomaly: invalid[1].anomaly ?? 'invalid', reason: invalid[1].reason, checks };
  }
  const unknown = ran.find(([, verdict]) => verdict.valid === 'unknown');
  if (unknown !== undefined) return { valid: 'unknown', reason: `${unknown[0]}: ${unknown[1].reason}`, checks };
  if (ran.length === 0) return { valid: 'unknown', reason: 'no checker applies to this workload', checks };
  return { valid: true, reason: ran.map(([name, verdict]) => `${name}: ${verdict.reason}`).join('; '), checks };
}
