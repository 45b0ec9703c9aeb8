import type { Op } from '../../history/op.js';
import type { Operation } from '../../history/operation.js';
import { pairOperations } from '../../history/pair.js';
import type { Model } from '../../models/model.js';
import { pruneIndeterminate } from './prune.js';
import { searchPartition, type LongestPrefix } from './search.js';

/** Three-valued, as in Porcupine: a budget that runs out gives `'unknown'`, never a guess. */
export type Validity = true | false | 'unknown';

/** Options for {@link checkLinearizable}. */
export interface LinearizableConstraints {
  /** Wall-clock budget for the whole check, in ms. Default: none. */
  timeoutMs?: number;
  /** Keep checking other partitions after one is found illegal (more evidence). Default true. */
  allPartitions?: boolean;
}

/** Why one partition (e.g. one key) is not linearizable. */
export interface PartitionFailure {
  /** Position of the partition in the model's partition order. */
  partition: number;
  /** The partition's key, when the model partitions by key. */
  key?: string | number;
  /** The longest linearizable prefix the search found, in order, with the state after each op. */
  linearized: Array<{ op: Operation; stateAfter: unknown }>;
  /** The op whose completion no linearization could pass: it had to go next and could not. */
  blocked?: Operation;
  /** Ops that could have gone next at that point; none of them fit. */
  candidates: Operation[];
  /** Ops whose interval overlaps the blocked op's. */
  concurrent: Operation[];
}

export interface LinearizableResult {
  valid: Validity;
  model: string;
  /** Client operations checked (after dropping failed ones). */
  ops: number;
  partitions: number;
  /** Indeterminate ops left out because no linearization could need them. */
  pruned: number;
  elapsedMs: number;
  failures: PartitionFailure[];
  /** For a valid history: one linearization per partition, as operation ids. */
  linearization?: number[][];
}

/**
 * Checks a history for linearizability against a sequential model: pairs it into
 * operations, splits it into independent partitions (P-compositionality), and
 * searches each (Wing–Gong–Lowe, as in Porcupine).
 *
 * @example
 * const result = checkLinearizable(history, casRegisterModel({ init: 0 }), { timeoutMs: 10_000 });
 * if (result.valid === false) console.log(result.failures[0]);
 */
export function checkLinearizable(
  history: readonly Op[] | readonly Operation[],
  model: Model<any>,
  constraints: LinearizableConstraints = {},
): LinearizableResult {
  const started = performance.now();
  const deadline = constraints.timeoutMs === undefined ? Infinity : started + constraints.timeoutMs;
  const operations = isPaired(history) ? [...history] : pairOperations(history as Op[]);
  const partitions = model.partition ? model.partition(operations) : [operations];
  const failures: PartitionFailure[] = [];
  const linearization: number[][] = [];
  let timedOut = false;
  let pruned = 0;

  for (let p = 0; p < partitions.length; p++) {
    const ops = pruneIndeterminate(partitions[p]!, model);
    pruned += partitions[p]!.length - ops.length;
    const outcome = searchPartition(ops, model, { deadline, trackLongest: false });
    if (outcome.kind === 'ok') {
      linearization.push(outcome.order.map((i) => ops[i]!.id));
      continue;
    }
    if (outcome.kind === 'timeout') {
      timedOut = true;
      break;
    }
    // Illegal: search again, this time keeping the deepest prefix as evidence.
    const traced = searchPartition(ops, model, { deadline: Infinity, trackLongest: true });
    const longest = traced.kind === 'illegal' ? traced.longest : outcome.longest;
    failures.push(explainFailure(p, ops, longest));
    if (constraints.allPartitions === false) break;
  }

  const valid: Validity = failures.length > 0 ? false : timedOut ? 'unknown' : true;
  return {
    valid,
    model: model.name,
    ops: operations.length,
    partitions: partitions.length,
    pruned,
    elapsedMs: performance.now() - started,
    failures,
    ...(valid === true ? { linearization } : {}),
  };
}

function explainFailure(partition: number, ops: Operation[], longest: LongestPrefix): PartitionFailure {
  const blocked = longest.blockedOp >= 0 ? ops[longest.blockedOp] : undefined;
  const concurrent = blocked
    ? ops.filter((op) => op !== blocked && op.call < blocked.ret && blocked.call < op.ret)
    : [];
  return {
    partition,
    ...(ops[0]?.input.key !== undefined ? { key: ops[0].input.key } : {}),
    linearized: longest.order.map((i, n) => ({ op: ops[i]!, stateAfter: longest.states[n] })),
    ...(blocked ? { blocked } : {}),
    candidates: longest.candidates.map((i) => ops[i]!),
    concurrent,
  };
}

function isPaired(history: readonly Op[] | readonly Operation[]): history is readonly Operation[] {
  return history.length > 0 && 'call' in history[0]!;
}
