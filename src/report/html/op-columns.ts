import type { Op } from '../../history/op.js';
import { pairInvocations } from '../../history/pair.js';
import { stringifyExact } from '../../history/exact-json.js';
import type { OpColumns } from './report-data.js';

/** Longest value shown in a bar's label; the details panel has room for no more either. */
const VALUE_CHARS = 60;

/**
 * The client ops of a history, one row per process (sorted: numbers first, in
 * order), as the report's columns: each invocation paired with its completion.
 *
 * @example
 * const { processes, ops } = opColumns(history);
 * ops.label[0]; // 'write x 3 -> ok'
 */
export function opColumns(history: readonly Op[]): { processes: string[]; ops: OpColumns } {
  const pairs = pairInvocations(history);
  const processIds = [...new Set(pairs.map(({ invoke }) => invoke.process))].sort(compareProcess);
  const rowOf = new Map(processIds.map((process, row) => [process, row]));
  const nodes: string[] = [];
  const nodeIndex = new Map<string, number>();
  const ops: OpColumns = { row: [], startMs: [], endMs: [], outcome: [], label: [], index: [], completeIndex: [], node: [], nodes, errors: {} };
  for (const { invoke, completion } of pairs) {
    const position = ops.row.length;
    ops.row.push(rowOf.get(invoke.process)!);
    ops.startMs.push(invoke.time / 1e6);
    ops.endMs.push(completion === undefined ? null : completion.time / 1e6);
    ops.outcome.push(completion?.type === 'ok' ? 0 : completion?.type === 'fail' ? 1 : 2);
    ops.label.push(labelOf(invoke, completion));
    ops.index.push(invoke.index);
    ops.completeIndex.push(completion === undefined ? null : completion.index);
    const node = completion?.node ?? invoke.node;
    if (node !== undefined && !nodeIndex.has(node)) nodeIndex.set(node, nodes.push(node) - 1);
    ops.node.push(node === undefined ? -1 : nodeIndex.get(node)!);
    const error = completion?.error ?? invoke.error;
    if (error !== undefined) ops.errors[position] = error;
  }
  return { processes: processIds.map((process) => `p${String(process)}`), ops };
}

/** `f key value -> result`: the result is the completion's value, `fail`, or `?` when unknown. */
function labelOf(invoke: Op, completion: Op | undefined): string {
  const key = invoke.key === undefined ? '' : ` ${String(invoke.key)}`;
  const result = completion?.type === 'ok' ? short(completion.value) : completion?.type === 'fail' ? 'fail' : '?';
  return `${invoke.f}${key} ${short(invoke.value)} -> ${result}`;
}

/**
 * A value as compact JSON (exact for big integers), clipped.
 *
 * @example
 * short([1, 2]); // '[1,2]'
 */
export function short(value: unknown): string {
  // Plain numbers, strings and null are most values; they need no exact printer.
  const text = value === null ? 'null' : typeof value === 'number' && Number.isSafeInteger(value) ? String(value)
    : typeof value === 'string' ? JSON.stringify(value) : (stringifyExact(value) ?? String(value));
  return text.length > VALUE_CHARS ? `${text.slice(0, VALUE_CHARS - 1)}…` : text;
}

function compareProcess(a: number | 'nemesis', b: number | 'nemesis'): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}
