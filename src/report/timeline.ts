import type { Operation } from '../history/operation.js';
import type { Process } from '../history/op.js';
import { clipLabel } from './clip.js';

/** Options for {@link renderTimeline}. */
export interface TimelineOptions {
  /** Ops to mark (e.g. those that could not be linearized); drawn with `*` ends. */
  marked?: ReadonlySet<Operation>;
  /** Describes an op for its bar, e.g. `write 3` or `read -> 2`. */
  describe: (op: Operation) => string;
  /** Extra rows between processes, e.g. nemesis events: [instant, text]. */
  events?: ReadonlyArray<{ at: number; text: string }>;
}

/**
 * Draws ops as an ASCII timeline, one row per process, each op a bar from its
 * invocation to its completion. Instants are ranked, not scaled, and each column is
 * made just wide enough for the labels that must fit before it, so the drawing stays
 * narrow while keeping real-time order exact: a bar that ends left of where another
 * starts completed before the other was invoked. Indeterminate ops run off to the
 * right with `~>`.
 *
 * @example
 * renderTimeline(ops, { describe: (op) => `${op.input.f} ${op.input.value}` });
 * // p0  |--write 1--|
 * // p1        |--read -> 1--|
 */
export function renderTimeline(ops: readonly Operation[], c: TimelineOptions): string {
  if (ops.length === 0) return '(no operations)';
  const labels = new Map(ops.map((op) => [op, label(op, c)]));
  const x = columnsFor(ops, labels, c.events ?? []);
  const end = Math.max(...x.values()) + 4;
  const rows = new Map<Process, string[]>();
  for (const op of [...ops].sort((a, b) => a.call - b.call)) {
    const row = rowFor(rows, op.process, end);
    const from = x.get(op.call)!;
    const to = op.ret === Infinity ? end - 1 : x.get(op.ret)!;
    drawBar(row, from, to, labels.get(op)!, op.ret === Infinity);
  }
  const processes = [...rows.keys()].sort(compareProcess);
  const names = [...processes.map(processName), ...((c.events?.length ?? 0) > 0 ? ['nemesis'] : [])];
  const width = Math.max(...names.map((name) => name.length)) + 2;
  const lines = processes.map((p) => `${processName(p).padEnd(width)}${rows.get(p)!.join('').trimEnd()}`);
  for (const event of c.events ?? []) {
    lines.push(`${'nemesis'.padEnd(width)}${' '.repeat(x.get(event.at) ?? 0)}^ ${event.text}`);
  }
  return lines.join('\n');
}

function label(op: Operation, c: TimelineOptions): string {
  const mark = c.marked?.has(op) ? '*' : '';
  return `${mark}${clipLabel(c.describe(op))}${mark}`;
}

// Gives each distinct instant a column; an op's completion sits far enough right of its
// invocation for its label, and instants keep their order.
function columnsFor(
  ops: readonly Operation[],
  labels: Map<Operation, string>,
  events: ReadonlyArray<{ at: number }>,
): Map<number, number> {
  const instants = new Set<number>(events.map((e) => e.at));
  for (const op of ops) {
    instants.add(op.call);
    if (op.ret !== Infinity) instants.add(op.ret);
  }
  const sorted = [...instants].sort((a, b) => a - b);
  const minimumAfter = new Map<number, Array<{ call: number; width: number }>>();
  for (const op of ops) {
    const at = op.ret === Infinity ? undefined : op.ret;
    if (at === undefined) continue;
    const list = minimumAfter.get(at) ?? [];
    list.push({ call: op.call, width: labels.get(op)!.length + 4 });
    minimumAfter.set(at, list);
  }
  const x = new Map<number, number>();
  let last = -2;
  for (const instant of sorted) {
    let col = last + 2;
    for (const { call, width } of minimumAfter.get(instant) ?? []) col = Math.max(col, x.get(call)! + width);
    x.set(instant, col);
    last = col;
  }
  return x;
}

function rowFor(rows: Map<Process, string[]>, process: Process, width: number): string[] {
  let row = rows.get(process);
  if (row === undefined) {
    row = new Array<string>(width).fill(' ');
    rows.set(process, row);
  }
  return row;
}

function drawBar(row: string[], from: number, to: number, text: string, open: boolean): void {
  row[from] = '|';
  for (let i = from + 1; i < to; i++) row[i] = '-';
  row[to] = open ? '>' : '|';
  if (open && to - 1 > from) row[to - 1] = '~';
  const start = from + 2;
  for (let i = 0; i < text.length && start + i < to - 1; i++) row[start + i] = text[i]!;
}

function processName(p: Process): string {
  return typeof p === 'number' ? `p${p}` : String(p);
}

function compareProcess(a: Process, b: Process): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}
