import type { Verdict } from '../checker/checker.js';
import type { LinearizableDetail, PartitionFailure } from '../checker/linearizable/check.js';
import type { Operation } from '../history/operation.js';
import type { Model } from '../models/model.js';
import { stringifyExact } from '../history/exact-json.js';
import { renderTimeline } from './timeline.js';

/** How many ops of the linearized prefix to show before the point of failure. */
const PREFIX_SHOWN = 6;

/** One op as a JSON counterexample row: where it is in the file and what it did. */
export interface CounterexampleOp {
  index: number;
  completeIndex?: number;
  process: number | 'nemesis';
  f: string;
  key?: string | number;
  value: unknown;
  result?: unknown;
  indeterminate?: true;
  role: 'linearized' | 'blocked' | 'candidate' | 'concurrent';
}

/**
 * The ops that explain a failing partition, each once, in invocation order: the end
 * of the longest linearizable prefix, the op that could not be placed, the other
 * candidates, and the ops concurrent with it.
 *
 * @example
 * const rows = counterexampleOps(result.failures[0]);
 */
export function counterexampleOps(failure: PartitionFailure): CounterexampleOp[] {
  const roles = new Map<Operation, CounterexampleOp['role']>();
  for (const { op } of failure.linearized.slice(-PREFIX_SHOWN)) roles.set(op, 'linearized');
  for (const op of failure.concurrent) if (!roles.has(op)) roles.set(op, 'concurrent');
  for (const op of failure.candidates) roles.set(op, 'candidate');
  if (failure.blocked) roles.set(failure.blocked, 'blocked');
  return [...roles]
    .sort(([a], [b]) => a.call - b.call)
    .map(([op, role]) => ({
      index: op.invokeIndex,
      ...(op.completeIndex !== undefined ? { completeIndex: op.completeIndex } : {}),
      process: op.process,
      f: op.input.f,
      ...(op.input.key !== undefined ? { key: op.input.key } : {}),
      value: op.input.value,
      ...(op.output.known ? { result: op.output.value } : { indeterminate: true as const }),
      role,
    }));
}

/**
 * A human explanation of one failing partition: what was linearized, which op could
 * not go next and in what state, and a timeline with the offending ops marked.
 *
 * @example
 * process.stderr.write(explainFailure(result.failures[0], model));
 */
export function explainFailure(failure: PartitionFailure, model: Model<any>): string {
  const describe = (op: Operation): string => model.describe(op.input, op.output);
  const name = (op: Operation): string => `p${String(op.process)} ${describe(op)} (index ${op.invokeIndex})`;
  const lines: string[] = [];
  const where = failure.key !== undefined ? ` for key ${JSON.stringify(failure.key)}` : '';
  const last = failure.linearized.at(-1);
  const state = describeState(model, last ? last.stateAfter : model.init());
  lines.push(
    `Not linearizable${where}: the longest linearizable prefix has ${failure.linearized.length} op(s)` +
      (last ? `, ending with ${name(last.op)}, leaving the state ${state}.` : `; the initial state is ${state}.`),
  );
  if (failure.blocked) {
    const others = failure.candidates.filter((op) => op !== failure.blocked);
    lines.push(
      `${name(failure.blocked)} completed at index ${failure.blocked.completeIndex ?? '?'} and so must take effect next, ` +
        `but it is not allowed in that state` +
        (others.length > 0 ? `, and neither is any order that puts ${others.map(name).join(', ')} first.` : '.'),
    );
  }
  const shown = new Set(counterexampleOps(failure).map((row) => row.index));
  const ops = [...failure.linearized.map((l) => l.op), ...failure.candidates, ...failure.concurrent]
    .filter((op, i, all) => shown.has(op.invokeIndex) && all.indexOf(op) === i);
  const marked = new Set<Operation>(failure.blocked ? [failure.blocked] : []);
  lines.push('', 'Timeline (history indices left to right; *op* could not be placed):', '');
  lines.push(renderTimeline(ops, { describe, marked }));
  if (failure.concurrentOmitted !== undefined) lines.push('', `(${failure.concurrentOmitted} more concurrent op(s) not shown)`);
  return lines.join('\n');
}

/**
 * What `faultline check --json` prints besides the verdict: the file, the model,
 * and the linearizable checker's search detail when it ran.
 */
export interface CheckFacts {
  file: string;
  format: string;
  model: string;
  /** Why the model was chosen, when it was inferred. */
  inferred?: string;
  /** How a completed read of nil was read, for the models whose reads return a register's value. */
  nilReads?: string;
  /** Client operations in the history (the search's count, after dropping failed ops, when it ran). */
  ops: number;
  /** Wall-clock time of the whole check, used when the search did not run. */
  elapsedMs: number;
  linearizable?: LinearizableDetail;
}

/**
 * The `--json` object of `faultline check`: the composed verdict, the search's
 * counts and, when the history is not linearizable, the counterexample; then each
 * checker's verdict under `checks`.
 *
 * @example
 * console.log(JSON.stringify(checkJson(verdict, { file: 'h.ndjson', format: 'ndjson', model: 'register', ops: 3, elapsedMs: 1 })));
 */
export function checkJson(verdict: Verdict, facts: CheckFacts): Record<string, unknown> {
  const search = facts.linearizable;
  const failures = search?.failures ?? [];
  return {
    file: facts.file,
    format: facts.format,
    valid: verdict.valid,
    model: facts.model,
    ...(facts.inferred !== undefined ? { modelInferred: facts.inferred } : {}),
    ...(facts.nilReads !== undefined ? { nilReads: facts.nilReads } : {}),
    ops: facts.ops,
    ...(search ? { partitions: search.partitions, pruned: search.pruned, algorithm: search.algorithm } : {}),
    elapsedMs: Math.round((search?.elapsedMs ?? facts.elapsedMs) * 1000) / 1000,
    ...(failures.length > 0
      ? {
          counterexample: counterexampleOps(failures[0]!),
          failures: failures.map((f) => ({
            partition: f.partition,
            ...(f.key !== undefined ? { key: f.key } : {}),
            linearizedOps: f.linearized.length,
            blocked: f.blocked?.invokeIndex,
            ops: counterexampleOps(f),
          })),
        }
      : {}),
    checks: Object.fromEntries(Object.entries(verdict.checks ?? {}).map(([name, check]) => [
      name,
      'skipped' in check
        ? { skipped: check.skipped }
        : { valid: check.valid, ...(check.anomaly === undefined ? {} : { anomaly: check.anomaly }), reason: check.reason },
    ])),
  };
}

/** A state in the model's own words (a multi-register's Map has no JSON), exact for bigints. */
function describeState(model: Model<any>, state: unknown): string {
  return model.describeState?.(state) ?? stringifyExact(state) ?? String(state);
}
