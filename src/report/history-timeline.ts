import type { Op } from '../history/op.js';
import type { Operation } from '../history/operation.js';
import { pairOperations } from '../history/pair.js';
import { nemesisBars } from './nemesis-bars.js';
import { renderTimeline } from './timeline.js';

/**
 * Options for {@link renderHistoryTimeline}.
 *
 * @example
 * const c: HistoryTimelineOptions = { describe: (op) => op.input.f, marked: new Set([12]) };
 */
export interface HistoryTimelineOptions {
  /** An op's label, e.g. the model's `describe`. */
  describe: (op: Operation) => string;
  /** Invoke indices of the ops to mark (the op that could not be placed). */
  marked?: ReadonlySet<number>;
  /** Invoke indices to keep when the history has more than `maxOps` client ops. */
  focus?: ReadonlySet<number>;
  /** Above this many client ops, only the `focus` ops are drawn. Default 40. */
  maxOps?: number;
}

/**
 * A whole history as a timeline: one row per client process (failed ops left out, as
 * the checker leaves them out), and one row per fault, drawn from its start to its
 * stop, below them. Columns are history positions, so real-time order is exact while
 * the drawing stays narrow.
 *
 * @example
 * renderHistoryTimeline(run.history, { describe: (op) => model.describe(op.input, op.output) });
 * // p0         |--write 1--|
 * // p1                         |--read -> 1--|
 * // nemesis 0        |-partition-leader n1 | n2 n3---------|
 */
export function renderHistoryTimeline(history: readonly Op[], c: HistoryTimelineOptions): string {
  const all = pairOperations(history);
  const ops = all.length > (c.maxOps ?? 40) && c.focus ? all.filter((op) => c.focus!.has(op.invokeIndex)) : all;
  const first = Math.min(...ops.map((op) => op.call));
  const last = Math.max(...ops.map((op) => (op.ret === Infinity ? op.call : op.ret)));
  const inRange = ops.length === all.length ? () => true : (from: number, to: number) => to >= first && from <= last;
  const nemesis = nemesisBars(history);
  const bars = nemesis.bars.filter((bar) => inRange(bar.call, bar.ret));
  const events = nemesis.events.filter((event) => inRange(event.at, event.at));
  const marked = new Set(ops.filter((op) => c.marked?.has(op.invokeIndex)));
  const describe = (op: Operation): string => nemesis.labels.get(op) ?? c.describe(op);
  const drawing = renderTimeline([...ops, ...bars], { describe, marked, events });
  const left = all.length - ops.length;
  return left > 0 ? `${drawing}\n(${left} other client op${left === 1 ? '' : 's'} not drawn)` : drawing;
}
