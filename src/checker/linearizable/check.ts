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
import { searchPartitions, SLICE_STEPS, type ScheduleOptions, type SearchOutcome } from './schedule.js';
import { PartitionSearch, type LongestPrefix } from './search.js';
import { decideUniqueValues, type UniqueValuesDecision } from './unique-values.js';

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
  /**
   * Worker threads that may search partitions in parallel with the calling thread, once
   * the search has taken `parallelAfterSteps` steps and several partitions are left. Only for
   * models made by MODELS (a worker makes its own copy). Default: one per further core.
   */
  workers?: number;
  /** See `workers`. Default 200,000 (tens of ms): a smaller search is over before a worker has started. */
  parallelAfterSteps?: number;
  /** Node flags for those workers (e.g. a TypeScript loader when running from sources). */
  workerExecArgv?: string[];
  /**
   * `auto` (the default) decides a read/write register partition whose writes all write
   * different values in O(n log n), without search, and searches the others; `search`
   * searches every partition (to compare the two, or to measure the search).
   */
  algorithm?: 'auto' | 'search';
  /**
   * Skip checking that every op is one the model can take: for a history that
   * validateHistory has already checked against this model's ops.
   */
  validated?: boolean;
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
  /** Ops whose interval overlaps the blocked op's: the closest 40 (see concurrentOmitted). */
  concurrent: Operation[];
  /** How many more ops overlap the blocked op's interval, left out of `concurrent`. */
  concurrentOmitted?: number;
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
  /**
   * How the partitions were decided: `unique-values` when every one was a register
   * with unique written values (decided without search), `search` when none was,
   * `both` when some were.
   */
  algorithm: LinearizableAlgorithm;
  failures: PartitionFailure[];
  /**
   * Partitions whose search was left unfinished because an illegal one was found first
   * (or a budget ran out), by position; absent when every partition was decided.
   */
  unfinished?: number[];
  /** For an unknown verdict: the budget that ran out. */
  stoppedBy?: BudgetEnd;
  /** For a valid history: one linearization per partition, as operation ids. */
  linearization?: number[][];
}

/**
 * The ways a partition is decided (see {@link LinearizableDetail.algorithm}).
 *
 * @example
 * LINEARIZABLE_ALGORITHMS.includes(verdict.detail.algorithm); // true
 */
export const LINEARIZABLE_ALGORITHMS = ['unique-values', 'search', 'both'] as const;

/** How the partitions of a history were decided. */
export type LinearizableAlgorithm = (typeof LINEARIZABLE_ALGORITHMS)[number];

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
 * runs out first. A partition of a read/write register (or a kv key) whose writes all
 * write different values, none the initial one, is decided without search, in
 * O(n log n) (see decideUniqueValues); `detail.algorithm` says which way was taken.
 *
 * What it is given is validated first, whether or not the caller ran validateHistory
 * (unless `validated` says it did, against this model):
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
  if (constraints.validated !== true) validateEntries(history, model);
  const operations = isPaired(history) ? [...history] : pairOperations(history as Op[]);
  const groups = model.partition ? model.partition(operations) : [operations];
  // A register partition with unique values is decided at once; the others are searched.
  const decided = groups.map((ops) => (constraints.algorithm === 'search' ? undefined : decideUniqueValues(ops, model)));
  const partitions = groups.map((ops, p) => (decided[p] === undefined ? pruneIndeterminate(ops, model) : ops));
  const pruned = operations.length - partitions.reduce((sum, ops, p) => sum + ops.length - (decided[p]?.dropped ?? 0), 0);
  const budget = searchBudget(deadline, constraints.maxMemoryBytes);
  const outcome = searchUndecided(partitions, decided, model, budget, {
    allPartitions: constraints.allPartitions ?? false,
    ...(constraints.workers === undefined ? {} : { workers: constraints.workers }),
    ...(constraints.parallelAfterSteps === undefined ? {} : { parallelAfterSteps: constraints.parallelAfterSteps }),
    ...(constraints.workerExecArgv === undefined ? {} : { workerExecArgv: constraints.workerExecArgv }),
  });
  const failures = outcome.illegal.map((p) => {
    const decision = decided[p];
    if (decision?.valid === false) return decidedFailure(p, partitions[p]!, decision, model, budget);
    // Search the illegal partition again, this time keeping the deepest prefix as evidence.
    // It is known to be illegal, so a budget that runs out here costs only the evidence.
    const traced = new PartitionSearch(partitions[p]!, model, true);
    while (traced.run(SLICE_STEPS) === 'running' && budget.over() === undefined);
    return explainFailure(p, partitions[p]!, traced.longest ?? traced.snapshotNow(), partitions[p]!);
  });
  const valid: Validity = failures.length > 0 ? false : outcome.stoppedBy !== undefined ? 'unknown' : true;
  const detail: LinearizableDetail = {
    model: model.name,
    ops: operations.length,
    partitions: partitions.length,
    pruned,
    elapsedMs: performance.now() - started,
    algorithm: algorithmOf(decided),
    failures,
    ...(outcome.unfinished.length > 0 ? { unfinished: outcome.unfinished } : {}),
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
  return invalidVerdict(reason, detail, forged);
}

/**
 * The invalid verdict: `unexpected-value` when a read returned a value no op wrote
 * (`forged`), else `not-linearizable`.
 *
 * @example
 * invalidVerdict(reason, detail, undefined).anomaly; // 'not-linearizable'
 */
export function invalidVerdict(reason: string, detail: LinearizableDetail, forged: Operation | undefined): LinearizableVerdict {
  if (forged === undefined) return { valid: false, anomaly: 'not-linearizable', reason, detail };
  const what = `read of ${forged.input.key ?? 'the register'} returned ${keyOf(forged.output.value)}, a value no client wrote`;
  return { valid: false, anomaly: 'unexpected-value', reason: `${what}; ${reason}`, detail };
}

/**
 * The evidence of a partition decided illegal without search: the search's, naming the
 * earliest op that cannot be placed as for a searched partition, when the partition is
 * small enough (EVIDENCE_MAX_OPS) and the search comes to it within EVIDENCE_STEPS (fewer
 * on a partition of thousands of ops, see EVIDENCE_BITSET_WORDS);
 * else the evidence of the witness that decided it.
 *
 * @example
 * const failure = decidedFailure(p, partition, decision, model, searchBudget(Infinity, undefined));
 */
export function decidedFailure(
  p: number,
  partition: readonly Operation[],
  decision: Extract<UniqueValuesDecision, { valid: false }>,
  model: Model<any>,
  budget: SearchBudget,
): PartitionFailure {
  if (partition.length <= EVIDENCE_MAX_OPS) {
    const traced = new PartitionSearch(partition, model, true);
    // Each step may keep a bitset of the partition's ops: the steps are bounded by their memory too.
    const maxSteps = Math.min(EVIDENCE_STEPS, Math.floor(EVIDENCE_BITSET_WORDS / Math.ceil(partition.length / 32)));
    for (let steps = 0; steps < maxSteps && traced.run(SLICE_STEPS) === 'running' && budget.over() === undefined; steps += SLICE_STEPS);
    if (traced.status === 'illegal') return explainFailure(p, partition, traced.longest ?? traced.snapshotNow(), partition);
  }
  return explainFailure(p, decision.witness, decision.longest, partition);
}

/**
 * The first successful read whose value no operation could have put there: not
 * the initial state's value and not any value a write or cas carried (whether or
 * not it succeeded). Such a value was made up or corrupted by a node, which is a
 * sharper finding than an order that does not fit. Only for register models,
 * whose reads (read, get) return exactly one written value (write, put, a cas's new
 * value); a kv history with appends reads values no single op wrote, so it gets none.
 */
function readOfUnwrittenValue(operations: readonly Operation[], model: Model<any>): Operation | undefined {
  if (!['register', 'cas-register', 'kv'].includes(model.name)) return undefined;
  const written = new Set<string>([keyOf(null), keyOf(model.init() ?? null)]);
  for (const op of operations) {
    if (model.appendMark?.(op.input) !== undefined) return undefined;
    if (model.blindWrite?.(op.input) !== undefined) written.add(keyOf(op.input.value ?? null));
    else if (op.input.f === 'cas' && Array.isArray(op.input.value)) written.add(keyOf(op.input.value[1] ?? null));
  }
  return operations.find((op) => model.readOnly?.(op.input) === true && op.output.known && !written.has(keyOf(op.output.value ?? null)));
}

/** A value as comparable text: exact for integers beyond 2^53 (bigints), which JSON.stringify refuses. */
function keyOf(value: unknown): string {
  return stringifyExact(value) ?? 'undefined';
}

/**
 * The budgets a search can run out of.
 *
 * @example
 * BUDGET_ENDS.includes(verdict.detail.stoppedBy!); // true for an unknown verdict
 */
export const BUDGET_ENDS = ['time', 'memory'] as const;

/** Which budget ran out. */
export type BudgetEnd = (typeof BUDGET_ENDS)[number];

/** Which budget, if any, has run out. */
export interface SearchBudget {
  over(): BudgetEnd | undefined;
}

/**
 * The search's budgets, read every SLICE_STEPS steps and after each partition's
 * slice. The clock is cheap to read; the resident set size is read from the
 * kernel (a file read on Linux), so at most every MEMORY_READ_MS: a search
 * grows by megabytes, not gigabytes, in that time.
 *
 * @example
 * const budget = searchBudget(performance.now() + 10_000, 2 ** 31);
 */
export function searchBudget(deadline: number, maxMemoryBytes: number | undefined): SearchBudget {
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
 * Steps of search spent on the evidence of a partition decided illegal without search
 * (about a second at most): enough for any history a person reads, and a bound for the
 * ten-million-op ones the decision exists for.
 */
const EVIDENCE_STEPS = 1_000_000;

/**
 * The largest partition decided without search whose evidence is searched for: the
 * search keeps a set of visited configurations, each as large as the partition, so on a
 * partition of millions of ops a million steps would take gigabytes.
 */
const EVIDENCE_MAX_OPS = 20_000;

/** The bitset words (64 MB) the evidence search may keep: 1,000,000 steps on a partition of 2,048 ops, fewer on larger ones. */
const EVIDENCE_BITSET_WORDS = 1 << 24;

/**
 * The searches' outcome merged with the partitions decided without search: those
 * found invalid count as illegal (and, unless every partition is wanted, spare the
 * search altogether); those found valid give their linearization.
 */
function searchUndecided(
  partitions: Operation[][],
  decided: ReadonlyArray<UniqueValuesDecision | undefined>,
  model: Model<any>,
  budget: { over(): BudgetEnd | undefined },
  options: Omit<ScheduleOptions, 'only'>,
): SearchOutcome {
  const illegal = decided.flatMap((decision, p) => (decision?.valid === false ? [p] : []));
  const searched = decided.flatMap((decision, p) => (decision === undefined ? [p] : []));
  if (illegal.length > 0 && !options.allPartitions) return { illegal: illegal.slice(0, 1), stoppedBy: undefined, orders: [], unfinished: searched };
  const outcome = searchPartitions(partitions, model, budget, { ...options, only: searched });
  decided.forEach((decision, p) => {
    if (decision?.valid === true) outcome.orders[p] = Array.from(decision.order, (i) => partitions[p]![i]!.id);
  });
  return { ...outcome, illegal: [...illegal, ...outcome.illegal].sort((a, b) => a - b) };
}

function algorithmOf(decided: ReadonlyArray<UniqueValuesDecision | undefined>): LinearizableAlgorithm {
  const fast = decided.filter((decision) => decision !== undefined).length;
  return fast === 0 ? 'search' : fast === decided.length ? 'unique-values' : 'both';
}

/**
 * A failing partition's evidence from a search over `ops` (the whole partition, or a
 * witness taken from it); the ops concurrent with the blocked one come from `partition`.
 */
export function explainFailure(partition: number, ops: readonly Operation[], longest: LongestPrefix, all: readonly Operation[]): PartitionFailure {
  const blocked = longest.blockedOp >= 0 ? ops[longest.blockedOp] : undefined;
  const overlapping = blocked
    ? all.filter((op) => op !== blocked && op.call < blocked.ret && blocked.call < op.ret)
    : [];
  const concurrent = closest(overlapping);
  return {
    partition,
    ...(ops[0]?.input.key !== undefined ? { key: ops[0].input.key } : {}),
    linearized: longest.order.map((i, n) => ({ op: ops[i]!, stateAfter: longest.states[n] })),
    ...(blocked ? { blocked } : {}),
    candidates: longest.candidates.map((i) => ops[i]!),
    concurrent,
    ...(overlapping.length > concurrent.length ? { concurrentOmitted: overlapping.length - concurrent.length } : {}),
  };
}

/**
 * At most MAX_CONCURRENT of the ops concurrent with a blocked one, in invocation order:
 * those that completed first, then the indeterminate ones invoked last. An op that never
 * completed overlaps everything after it, so a long history has thousands of them, and
 * evidence that lists them all is neither read nor drawn.
 */
function closest(overlapping: Operation[]): Operation[] {
  if (overlapping.length <= MAX_CONCURRENT) return overlapping;
  const ranked = [...overlapping].sort((a, b) => Number(a.ret === Infinity) - Number(b.ret === Infinity) || b.call - a.call);
  return ranked.slice(0, MAX_CONCURRENT).sort((a, b) => a.call - b.call);
}

const MAX_CONCURRENT = 40;

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
        ...(context.historyValidated === true ? { validated: true } : {}),
      });
      const { linearization: _order, ...detail } = verdict.detail;
      return { ...verdict, detail };
    },
  };
}
