import { HistoryError } from '../../history/errors.js';
import { stringifyExact } from '../../history/exact-json.js';
import type { Op } from '../../history/op.js';
import type { Operation } from '../../history/operation.js';
import { pairOperations } from '../../history/pair.js';
import { validateHistory } from '../../history/validate-history.js';
import type { Model } from '../../models/model.js';
import { modelOpCheck } from '../../models/op-check.js';
import type { Checker, Validity, Verdict } from '../checker.js';
import { oneLineReason } from './one-line-reason.js';
import { pruneIndeterminate } from './prune.js';
import { PartitionSearch, type LongestPrefix } from './search.js';

/** Options for {@link checkLinearizable}. */
export interface LinearizableOptions {
  /** Wall-clock budget for the whole check, in ms. Default: none. */
  timeoutMs?: number;
  /** Keep checking other partitions after one is found illegal (more evidence, more time). Default false. */
  allPartitions?: boolean;
  /**
   * Memory budget, in bytes of the process's resident set: once it is passed the
   * search stops and the verdict is unknown, as when the time budget runs out.
   * Default: none.
   */
  maxMemoryBytes?: number;
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

/**
 * The evidence of {@link checkLinearizable}: what was searched, and for an
 * invalid history why each failing partition is not linearizable.
 *
 * @example
 * const { ops, partitions, failures } = checkLinearizable(history, model).detail;
 */
export interface LinearizableDetail {
  model: string;
  /** Client operations checked (after dropping failed ones). */
  ops: number;
  partitions: number;
  /** Indeterminate ops left out because no linearization could need them. */
  pruned: number;
  elapsedMs: number;
  failures: PartitionFailure[];
  /** For an unknown verdict: the budget that ran out. */
  stoppedBy?: BudgetEnd;
  /** For a valid history: one linearization per partition, as operation ids. */
  linearization?: number[][];
}

/**
 * The verdict of {@link checkLinearizable}: always carries its search detail.
 *
 * @example
 * const verdict: LinearizableVerdict = checkLinearizable(history, registerModel());
 * verdict.detail.failures[0]?.blocked;
 */
export interface LinearizableVerdict extends Verdict<LinearizableDetail> {
  detail: LinearizableDetail;
}

/**
 * Checks a history for linearizability against a sequential model: pairs it into
 * operations, splits it into independent partitions (P-compositionality), and
 * searches each (Wing–Gong–Lowe, as in Porcupine). Invalid with 'not-linearizable'
 * and a reason naming the op no linearization can place; unknown when the budget
 * runs out first.
 *
 * What it is given is validated first, whether or not the caller ran validateHistory:
 * a completion with no open invoke, an f or an argument the model cannot take (a cas
 * whose value is not `[expected, new]`), or ops on several keys for a model without
 * keys throw a HistoryError (file `history`, line = the op's 1-based position in the
 * array), never a silent drop or a TypeError from inside the search. Results are not
 * shape-checked here: a store that returns a malformed read is not linearizable.
 *
 * @example
 * const verdict = checkLinearizable(history, casRegisterModel({ init: 0 }), { timeoutMs: 10_000 });
 * if (verdict.valid === false) console.log(verdict.reason, verdict.detail.failures[0]);
 */
export function checkLinearizable(
  history: readonly Op[] | readonly Operation[],
  model: Model<any>,
  constraints: LinearizableOptions = {},
): LinearizableVerdict {
  const started = performance.now();
  const deadline = constraints.timeoutMs === undefined ? Infinity : started + constraints.timeoutMs;
  validateEntries(history, model);
  const operations = isPaired(history) ? [...history] : pairOperations(history as Op[]);
  const partitions = (model.partition ? model.partition(operations) : [operations]).map((ops) =>
    pruneIndeterminate(ops, model),
  );
  const pruned = operations.length - partitions.reduce((sum, ops) => sum + ops.length, 0);
  const budget = searchBudget(deadline, constraints.maxMemoryBytes);
  const outcome = searchAll(partitions, model, budget, constraints.allPartitions ?? false);
  const failures = outcome.illegal.map((p) => {
    // Search the illegal partition again, this time keeping the deepest prefix as evidence.
    // It is known to be illegal, so a budget that runs out here costs only the evidence.
    const traced = new PartitionSearch(partitions[p]!, model, true);
    while (traced.run(SLICE_STEPS) === 'running' && budget.over() === undefined);
    return explainFailure(p, partitions[p]!, traced.longest ?? traced.snapshotNow());
  });
  const valid: Validity = failures.length > 0 ? false : outcome.stoppedBy !== undefined ? 'unknown' : true;
  const detail: LinearizableDetail = {
    model: model.name,
    ops: operations.length,
    partitions: partitions.length,
    pruned,
    elapsedMs: performance.now() - started,
    failures,
    ...(valid === 'unknown' ? { stoppedBy: outcome.stoppedBy! } : {}),
    ...(valid === true ? { linearization: outcome.orders } : {}),
  };
  const reason = outcome.stoppedBy === 'memory' && valid === 'unknown'
    ? `the linearizability search ran out of its memory budget of ${Math.round(constraints.maxMemoryBytes! / 2 ** 20)} MB (${detail.ops} ops, ${detail.partitions} partition(s))`
    : oneLineReason(valid, detail, model, constraints.timeoutMs);
  if (valid !== false) return { valid, reason, detail };
  let forged: Operation | undefined;
  try {
    forged = readOfUnwrittenValue(operations, model);
  } catch {
    // Only a sharper name for a violation already found: if values cannot be compared, keep the general one.
    forged = undefined;
  }
  if (forged !== undefined) {
    const what = `read of ${forged.input.key ?? 'the register'} returned ${keyOf(forged.output.value)}, a value no client wrote`;
    return { valid, anomaly: 'unexpected-value', reason: `${what}; ${reason}`, detail };
  }
  return { valid, anomaly: 'not-linearizable', reason, detail };
}

/**
 * The first successful read whose value no operation could have put there: not
 * the initial state's value and not any value a write or cas carried (whether or
 * not it succeeded). Such a value was made up or corrupted by a node, which is a
 * sharper finding than an order that does not fit. Only for register models,
 * whose reads return exactly one written value.
 */
function readOfUnwrittenValue(operations: readonly Operation[], model: Model<any>): Operation | undefined {
  if (!['register', 'cas-register', 'kv'].includes(model.name)) return undefined;
  const written = new Set<string>([keyOf(null), keyOf(model.init() ?? null)]);
  for (const op of operations) {
    if (op.input.f === 'write') written.add(keyOf(op.input.value ?? null));
    else if (op.input.f === 'cas' && Array.isArray(op.input.value)) written.add(keyOf(op.input.value[1] ?? null));
  }
  return operations.find((op) => op.input.f === 'read' && op.output.known && !written.has(keyOf(op.output.value ?? null)));
}

/** A value as comparable text: exact for integers beyond 2^53 (bigints), which JSON.stringify refuses. */
function keyOf(value: unknown): string {
  return stringifyExact(value) ?? 'undefined';
}

const SLICE_STEPS = 4096;

/**
 * The budgets a search can run out of.
 *
 * @example
 * BUDGET_ENDS.includes(verdict.detail.stoppedBy!); // true for an unknown verdict
 */
export const BUDGET_ENDS = ['time', 'memory'] as const;

/** Which budget ran out. */
export type BudgetEnd = (typeof BUDGET_ENDS)[number];

/**
 * The search's budgets, read every SLICE_STEPS steps and after each partition's
 * slice. The clock is cheap to read; the resident set size is read from the
 * kernel (a file read on Linux), so at most every MEMORY_READ_MS: a search
 * grows by megabytes, not gigabytes, in that time.
 */
function searchBudget(deadline: number, maxMemoryBytes: number | undefined): { over(): BudgetEnd | undefined } {
  let memoryReadAt = -Infinity;
  return {
    over() {
      const now = performance.now();
      if (now > deadline) return 'time';
      if (maxMemoryBytes === undefined || now - memoryReadAt < MEMORY_READ_MS) return undefined;
      memoryReadAt = now;
      return process.memoryUsage.rss() > maxMemoryBytes ? 'memory' : undefined;
    },
  };
}

const MEMORY_READ_MS = 20;

/**
 * Runs every partition's search in round-robin slices that double each round, so an
 * easy illegal partition is found before a hard valid one is finished (Porcupine gets
 * the same from one goroutine per partition and a kill switch).
 */
function searchAll(
  partitions: Operation[][],
  model: Model<any>,
  budget: { over(): BudgetEnd | undefined },
  allPartitions: boolean,
): { illegal: number[]; stoppedBy: BudgetEnd | undefined; orders: number[][] } {
  const searches = partitions.map((ops) => new PartitionSearch(ops, model, false));
  const orders: number[][] = new Array(partitions.length);
  const illegal: number[] = [];
  let active = searches.map((_, p) => p);
  for (let slice = SLICE_STEPS; active.length > 0; slice = Math.min(slice * 2, 1 << 20)) {
    const stillRunning: number[] = [];
    for (const p of active) {
      // A slice of up to 2^20 steps can take many seconds on a slow model, so the
      // budgets are read every SLICE_STEPS steps within it, not only between slices.
      let status = searches[p]!.run(SLICE_STEPS);
      for (let done = SLICE_STEPS; status === 'running' && done < slice; done += SLICE_STEPS) {
        const stoppedBy = budget.over();
        if (stoppedBy !== undefined) return { illegal, stoppedBy, orders };
        status = searches[p]!.run(SLICE_STEPS);
      }
      if (status === 'running') stillRunning.push(p);
      else if (status === 'ok') orders[p] = searches[p]!.order().map((i) => partitions[p]![i]!.id);
      else illegal.push(p);
      if (illegal.length > 0 && !allPartitions) return { illegal, stoppedBy: undefined, orders };
      const stoppedBy = budget.over();
      if (stoppedBy !== undefined) return { illegal, stoppedBy, orders };
    }
    active = stillRunning;
  }
  return { illegal: illegal.sort((a, b) => a - b), stoppedBy: undefined, orders };
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

/** Throws a HistoryError on the first entry the search cannot take (see checkLinearizable). */
function validateEntries(history: readonly Op[] | readonly Operation[], model: Model<any>): void {
  const checkOp = modelOpCheck(model, { results: false });
  if (!isPaired(history)) {
    const ops = history as readonly Op[];
    validateHistory({ file: HISTORY_NAME, format: 'ndjson', ops: ops as Op[], lines: ops.map((_, i) => i + 1) }, { checkOp });
    return;
  }
  history.forEach((operation, position) => {
    const { f, key, value } = operation.input;
    const invoke: Op = { index: operation.call, time: 0, process: operation.process, type: 'invoke', f, value, ...(key === undefined ? {} : { key }) };
    const problem = checkOp(invoke, undefined);
    if (problem !== null) throw new HistoryError(HISTORY_NAME, position + 1, problem.field, problem.message);
  });
}

/** The file named in errors about a history handed over in memory. */
const HISTORY_NAME = 'history';

function isPaired(history: readonly Op[] | readonly Operation[]): history is readonly Operation[] {
  return history.length > 0 && 'call' in history[0]!;
}

/**
 * The linearizability checker for a model: the history against the model
 * within the context's time budget. The verdict's detail leaves out the
 * linearization found (one order per partition), which only a caller of
 * {@link checkLinearizable} asking for it needs.
 *
 * @example
 * linearizableChecker({ model: casRegisterModel({ init: 0 }) }).check(history.ops, { timeoutMs: 10_000 }).valid;
 */
export function linearizableChecker({ model }: { model: Model<any> }): Checker {
  return {
    name: 'linearizable',
    check(history, context) {
      const verdict = checkLinearizable(history, model, {
        ...(context.timeoutMs === undefined ? {} : { timeoutMs: context.timeoutMs }),
        ...(context.maxMemoryBytes === undefined ? {} : { maxMemoryBytes: context.maxMemoryBytes }),
      });
      const { linearization: _order, ...detail } = verdict.detail;
      return { ...verdict, detail };
    },
  };
}
