import { failAt } from './errors.js';
import type { Op } from './op.js';
import { opShapeProblem, type OpProblem } from './op-shape.js';
import { lineOf, type ParsedHistory } from './parsed-history.js';

/**
 * Options for {@link validateHistory}.
 *
 * @example
 * const opts: ValidateHistoryOptions = {
 *   checkOp: (op) => (['read', 'write'].includes(op.f) ? null : { field: 'f', message: `unknown f ${op.f}` }),
 * };
 */
export interface ValidateHistoryOptions {
  /**
   * A per-op check for what only a model knows (its f values, the shape of values),
   * called for every client op once its structure is known to be sound. `invoke` is
   * the open invoke a completion completes (undefined for an invoke). Nemesis ops are
   * not passed. Keeps this module independent of the models.
   */
  checkOp?: (op: Op, invoke: Op | undefined) => OpProblem | null;
}

/**
 * The `error` of the info completions {@link validateHistory} adds for open invokes.
 *
 * @example
 * const synthetic = history.ops.filter((op) => op.error === NEVER_COMPLETED);
 */
export const NEVER_COMPLETED = 'never-completed';

/**
 * Checks the structure of a history and throws a HistoryError naming the file, line
 * and field of the first problem: a field of the wrong type (see opShapeProblem); an
 * index that does not increase; a completion with no open invoke for its process, or
 * with another f than that invoke; a second invoke while one is open; whatever
 * `opts.checkOp` rejects. Nemesis ops are kept but exempt from pairing rules.
 *
 * Invokes still open at the end are indeterminate, as Jepsen treats them: the history
 * returned has an `info` completion appended for each (index after the last, time of
 * the latest op, `error: NEVER_COMPLETED`, line of its invoke), so every later stage
 * sees a complete history. Without open invokes the input is returned as is.
 *
 * @example
 * const h = validateHistory(parseHistoryText(text, { file: 'h.ndjson' }));
 * const operations = pairOperations(h.ops);
 */
export function validateHistory(history: ParsedHistory, opts: ValidateHistoryOptions = {}): ParsedHistory {
  const { ops } = history;
  const openInvokes = new Map<number, number>();
  let lastIndex = -1;
  let latestTime = 0;
  for (let position = 0; position < ops.length; position++) {
    const op = ops[position]!;
    const where = { file: history.file, line: lineOf(history, position) };
    const shape = opShapeProblem(op);
    if (shape !== null) failAt(where, shape.field, shape.message);
    if (op.index <= lastIndex) {
      failAt(where, 'index', `index ${op.index} is not greater than the previous op's index ${lastIndex} (${locate(history, position - 1)})`);
    }
    lastIndex = op.index;
    latestTime = Math.max(latestTime, op.time);
    if (op.process === 'nemesis') continue;
    const invoke = pairWithOpen(history, position, openInvokes);
    const problem = opts.checkOp?.(op, invoke) ?? null;
    if (problem !== null) failAt(where, problem.field, problem.message);
  }
  return completeOpenInvokes(history, [...openInvokes.values()], lastIndex, latestTime);
}

/**
 * Applies the pairing rules to the client op at `position`, updating `openInvokes`
 * (process -> position of its open invoke); returns the invoke a completion completes.
 */
function pairWithOpen(history: ParsedHistory, position: number, openInvokes: Map<number, number>): Op | undefined {
  const op = history.ops[position]!;
  const process = op.process as number;
  const where = { file: history.file, line: lineOf(history, position) };
  const openAt = openInvokes.get(process);
  if (op.type === 'invoke') {
    if (openAt !== undefined) {
      failAt(where, 'process', `process ${process} invokes again while its invoke at ${locate(history, openAt)} is still open`);
    }
    openInvokes.set(process, position);
    return undefined;
  }
  if (openAt === undefined) failAt(where, 'process', `${op.type} for process ${process}, which has no open invoke`);
  const invoke = history.ops[openAt]!;
  if (invoke.f !== op.f) {
    failAt(where, 'f', `${op.type} has f "${op.f}" but completes the "${invoke.f}" invoked at ${locate(history, openAt)}`);
  }
  openInvokes.delete(process);
  return invoke;
}

function completeOpenInvokes(history: ParsedHistory, openPositions: number[], lastIndex: number, time: number): ParsedHistory {
  if (openPositions.length === 0) return history;
  const ops = history.ops.slice();
  const lines = history.lines.slice();
  const hasLines = history.lines.length === history.ops.length;
  openPositions.sort((a, b) => a - b);
  for (const position of openPositions) {
    const invoke = history.ops[position]!;
    const info: Op = { index: ++lastIndex, time, process: invoke.process, type: 'info', f: invoke.f, value: null, error: NEVER_COMPLETED };
    if (invoke.key !== undefined) info.key = invoke.key;
    ops.push(info);
    if (hasLines) lines.push(history.lines[position]!);
  }
  return { ...history, ops, lines };
}

/** Names an op for a message: its line when known, else its index. */
function locate(history: ParsedHistory, position: number): string {
  const line = lineOf(history, position);
  return line === undefined ? `index ${history.ops[position]!.index}` : `line ${line}`;
}
