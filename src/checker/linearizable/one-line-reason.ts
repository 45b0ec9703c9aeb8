/**
 * The one-line reason of a linearizability verdict: how much was searched, or
 * where the search got stuck and on which op.
 */
import type { Model } from '../../models/model.js';
import type { Validity } from '../checker.js';
import type { LinearizableDetail, PartitionFailure } from './check.js';

/**
 * The reason for a verdict of `valid` over `detail`; `timeoutMs` is the budget
 * a search ran out of (for an unknown verdict).
 *
 * @example
 * oneLineReason(true, detail, model, undefined); // 'linearizable (40 ops, 1 partition)'
 */
export function oneLineReason(valid: Validity, detail: LinearizableDetail, model: Model<any>, timeoutMs: number | undefined): string {
  if (valid === true) return `linearizable (${summary(detail)})`;
  if (valid === 'unknown') return `the linearizability search ran out of its ${timeoutMs} ms budget (${summary(detail)})`;
  return failureReason(detail.failures[0]!, model);
}

function summary(detail: LinearizableDetail): string {
  return `${detail.ops} ops, ${detail.partitions} partition${detail.partitions === 1 ? '' : 's'}`;
}

/** One sentence: where the search got stuck, and on which op (whose description names its key). */
function failureReason(failure: PartitionFailure, model: Model<any>): string {
  const blocked = failure.blocked;
  if (blocked === undefined) {
    return `${failure.key === undefined ? '' : `key ${String(failure.key)}: `}no order of the ops is allowed by the model`;
  }
  const before = failure.linearized.length;
  return `no linearization can include p${String(blocked.process)}'s ${model.describe(blocked.input, blocked.output)} `
    + `after the ${before} op${before === 1 ? '' : 's'} before it`;
}
