import { checkLinearizable, type LinearizableVerdict, type PartitionFailure } from '../checker/linearizable/check.js';
import type { Op } from '../history/op.js';
import { pairInvocations, pairOperations } from '../history/pair.js';
import type { Model } from '../models/model.js';

/**
 * The removal rules of {@link shrinkHistory}, each sound on its own (see there).
 */
export type HistoryShrinkRule = 'failed-ops' | 'other-partitions' | 'suffix' | 'read-only';

/**
 * One accepted reduction: which rule, how many client ops it removed, and why that
 * removal cannot have created the violation.
 */
export interface HistoryShrinkStep {
  rule: HistoryShrinkRule;
  removedOps: number;
  why: string;
}

/**
 * What {@link shrinkHistory} found: the smaller history (still not linearizable when
 * `valid` is false), its check, and the steps that led there.
 *
 * @example
 * const { history, steps, clientOpsBefore, clientOpsAfter } = shrinkHistory(ops, registerModel());
 */
export interface HistoryShrinkResult {
  /** The original history's verdict; only a `false` one is shrunk. */
  valid: LinearizableVerdict['valid'];
  history: Op[];
  check: LinearizableVerdict;
  clientOpsBefore: number;
  clientOpsAfter: number;
  steps: HistoryShrinkStep[];
}

/**
 * Options for {@link shrinkHistory}.
 */
export interface ShrinkHistoryOptions {
  /** Budget of each re-check, in ms; a re-check that runs out rejects its step. Default 10000. */
  timeoutMs?: number;
}

/** Why each rule cannot create a violation (printed with every step). */
const WHY: Record<HistoryShrinkRule, string> = {
  'failed-ops': 'a failed op certainly did not happen, and the checker already ignores it',
  'other-partitions': 'the history is linearizable only if each independent partition is (locality), and this partition is not',
  suffix:
    'every op completed by the cut precedes every op invoked after it, so a linearization of the whole, cut at the first later op, linearizes the rest; ops still running at the cut become indeterminate, which may take effect or not',
  'read-only': 'a read changes no state, so removing it from a linearization of the whole leaves a linearization of the rest',
};

/**
 * Sound minimisation of a recorded history that is not linearizable: it only removes
 * what cannot have created the violation, re-checking after every step that the smaller
 * history is still not linearizable. So the smaller history's failure implies the
 * original's: for every rule, a linearization of the original would give one of the
 * smaller history, and there is none.
 *
 * - failed ops: the checker drops them anyway (they certainly did not happen);
 * - other partitions: with P-compositionality a history is linearizable iff each
 *   partition (key) is, so the failing partition alone is a witness;
 * - the suffix: with T the completion of the op no linearization can pass, drop every
 *   op invoked after T and make the ops still running at T indeterminate (`info`).
 *   In any linearization L of the original, ops completed by T come before every op
 *   invoked after T, so the prefix of L up to the first removed op holds all of them,
 *   with unchanged states, plus only ops running at T, which are now indeterminate and
 *   so may appear there with any result, or be left out;
 * - read-only ops, in chunks then one at a time: an op that never changes the state
 *   leaves every later state unchanged when removed from a linearization.
 *
 * Writes are never removed: removing a write can create a violation (a read of its value).
 *
 * @example
 * const result = shrinkHistory(history.ops, casRegisterModel({ init: 0 }));
 * if (result.valid === false) console.log(result.clientOpsBefore, '->', result.clientOpsAfter);
 */
export function shrinkHistory(ops: readonly Op[], model: Model<any>, constraints: ShrinkHistoryOptions = {}): HistoryShrinkResult {
  const timeoutMs = constraints.timeoutMs ?? 10_000;
  const recheck = (candidate: Op[]): LinearizableVerdict | undefined => {
    const result = checkLinearizable(candidate, model, { timeoutMs });
    return result.valid === false ? result : undefined;
  };
  let history = [...ops];
  let check = checkLinearizable(history, model, { timeoutMs });
  const clientOpsBefore = countClientOps(history);
  const steps: HistoryShrinkStep[] = [];
  if (check.valid !== false) return { valid: check.valid, history, check, clientOpsBefore, clientOpsAfter: clientOpsBefore, steps };
  const accept = (rule: HistoryShrinkRule, next: Op[], result: LinearizableVerdict): void => {
    steps.push({ rule, removedOps: countClientOps(history) - countClientOps(next), why: WHY[rule] });
    history = next;
    check = result;
  };
  // Failed ops are invisible to the checker: the verdict cannot change, no re-check needed.
  const withoutFailed = withoutClientOps(history, (_invoke, completion) => completion?.type === 'fail');
  if (withoutFailed.length < history.length) accept('failed-ops', withoutFailed, check);
  // Every accepted step removes at least one client op, so the loop ends.
  for (let changed = true; changed; ) {
    changed = false;
    for (const rule of ['other-partitions', 'suffix'] as const) {
      const failure = check.detail.failures[0]!;
      const next = rule === 'suffix' ? cutAfterBlocked(history, failure) : onlyFailingPartition(history, model, failure);
      const result = next && countClientOps(next) < countClientOps(history) ? recheck(next) : undefined;
      if (next && result) {
        accept(rule, next, result);
        changed = true;
      }
    }
    const reads = removeReads(history, model, recheck);
    if (reads) {
      accept('read-only', reads.history, reads.check);
      changed = true;
    }
  }
  return { valid: false, history, check, clientOpsBefore, clientOpsAfter: countClientOps(history), steps };
}

/**
 * The history without the client ops `drop` picks (their invokes and completions);
 * nemesis ops stay.
 *
 * @example
 * withoutClientOps(history, (invoke) => invoke.f === 'read'); // the same history with no reads
 */
export function withoutClientOps(ops: readonly Op[], drop: (invoke: Op, completion: Op | undefined) => boolean): Op[] {
  const dropped = new Set<Op>();
  for (const { invoke, completion } of pairInvocations(ops)) {
    if (!drop(invoke, completion)) continue;
    dropped.add(invoke);
    if (completion) dropped.add(completion);
  }
  return ops.filter((op) => !dropped.has(op));
}

/**
 * The history cut at index `cutIndex`: client ops invoked after it and nemesis ops
 * after it are dropped; an op invoked before it that completed `ok` after it becomes
 * indeterminate (`info`), since the cut hides when (and whether) it took effect. If this
 * history is not linearizable, neither is the original (see {@link shrinkHistory}).
 *
 * @example
 * cutHistoryAt(history, failure.blocked!.completeIndex!);
 */
export function cutHistoryAt(ops: readonly Op[], cutIndex: number): Op[] {
  const invokeOf = new Map<Op, Op>();
  for (const { invoke, completion } of pairInvocations(ops)) if (completion) invokeOf.set(completion, invoke);
  const kept: Op[] = [];
  for (const op of ops) {
    if (op.index <= cutIndex) {
      kept.push(op);
    } else if (op.process !== 'nemesis' && op.type !== 'invoke' && (invokeOf.get(op)?.index ?? Infinity) <= cutIndex) {
      kept.push(op.type === 'ok' ? { ...op, type: 'info', error: 'cut: completed after the failing op' } : op);
    }
  }
  return kept;
}

function countClientOps(ops: readonly Op[]): number {
  let count = 0;
  for (const op of ops) if (op.process !== 'nemesis' && op.type === 'invoke') count++;
  return count;
}

function onlyFailingPartition(ops: Op[], model: Model<any>, failure: PartitionFailure): Op[] | undefined {
  if (!model.partition) return undefined;
  const partition = model.partition(pairOperations(ops))[failure.partition] ?? [];
  const kept = new Set(partition.map((op) => op.invokeIndex));
  return withoutClientOps(ops, (invoke) => !kept.has(invoke.index));
}

function cutAfterBlocked(ops: Op[], failure: PartitionFailure): Op[] | undefined {
  const cutIndex = failure.blocked?.completeIndex;
  return cutIndex === undefined ? undefined : cutHistoryAt(ops, cutIndex);
}

/**
 * Removes read-only ops, first in large chunks then one at a time (as delta debugging
 * does), keeping each removal after which the history is still not linearizable.
 */
function removeReads(
  ops: Op[],
  model: Model<any>,
  recheck: (candidate: Op[]) => LinearizableVerdict | undefined,
): { history: Op[]; check: LinearizableVerdict } | undefined {
  const readOnly = model.readOnly?.bind(model);
  if (!readOnly) return undefined;
  let history = ops;
  let check: LinearizableVerdict | undefined;
  let reads = pairInvocations(ops)
    .filter(({ invoke }) => readOnly({ f: invoke.f, key: invoke.key, value: invoke.value }))
    .map(({ invoke }) => invoke.index);
  for (let chunk = Math.max(1, Math.floor(reads.length / 2)); reads.length > 0; chunk = Math.max(1, Math.floor(chunk / 2))) {
    for (let start = 0; start < reads.length; ) {
      const dropped = new Set(reads.slice(start, start + chunk));
      const candidate = withoutClientOps(history, (invoke) => dropped.has(invoke.index));
      const result = recheck(candidate);
      if (result) {
        history = candidate;
        check = result;
        reads = reads.filter((index) => !dropped.has(index));
      } else {
        start += chunk;
      }
    }
    if (chunk === 1) break;
  }
  return check ? { history, check } : undefined;
}
