import type { Op } from '../history/op.js';
import type { Hypothesis } from './experiment.js';

/**
 * One client op as the windows count it: when it was invoked and when it ended
 * (virtual ms), and how: `ok`; `declined`, a fail that is the store's answer to
 * the op itself (a cas whose expected value did not match: the store served
 * it); `fail`, refused (no leader, disk full...); `info`, unknown (timed out,
 * or still open when the run ended).
 */
export interface TimedOp {
  invokeMs: number;
  endMs: number;
  /** endMs - invokeMs, from the history's integer nanoseconds (no float noise); Infinity while open. */
  latencyMs: number;
  type: 'ok' | 'declined' | 'fail' | 'info';
}

/** Errors of a fail op that are the store's answer to the op, not a refusal to serve it. */
const ANSWER_ERRORS: readonly string[] = ['cas-mismatch'];

/**
 * The figures of one window and the hypothesis's verdict on it: `held` is
 * 'unknown' when a bound cannot be judged (no op ended in the window, or none
 * succeeded for the latency bound).
 */
export interface WindowFigures {
  fromMs: number;
  toMs: number;
  ok: number;
  declined: number;
  fail: number;
  info: number;
  /** (ok + declined) / (ok + declined + fail + info): the share of ops served; null when no op ended in the window. */
  okShare: number | null;
  /** 99th percentile (nearest rank) latency of the served (ok and declined) ops, in ms; null without any. */
  p99LatencyMs: number | null;
  held: boolean | 'unknown';
  /** The bounds the window broke, in words (empty when it held). */
  broken: string[];
}

/**
 * The client ops of a history with their start and end times, in the order
 * they were invoked (see {@link OpTimeline}).
 *
 * @example
 * timedOps(history)[0]; // { invokeMs: 0, endMs: 3.2, latencyMs: 3.2, type: 'ok' }
 */
export function timedOps(history: readonly Op[]): TimedOp[] {
  const timeline = new OpTimeline();
  timeline.update(history);
  return timeline.ops;
}

/**
 * The client ops of a growing history, read incrementally: each update reads
 * only the ops recorded since the last one, so a run can be looked at every
 * window at a cost that does not grow with its length. Each client process has
 * one op open at a time, so an op's completion is the next completion of its
 * process; an op with none yet is open (`endMs` Infinity, type 'info').
 * Nemesis ops are left out.
 *
 * @example
 * const timeline = new OpTimeline();
 * timeline.update(history);
 * timeline.endedIn(1000, 2000).length; // ops that ended in [1000, 2000)
 */
export class OpTimeline {
  /** Every op so far, in invoke order. */
  readonly ops: TimedOp[] = [];
  /** The ops that ended, in end order (the history's order). */
  private readonly ended: TimedOp[] = [];
  private readonly open = new Map<number, { timed: TimedOp; invokeNs: number }>();
  private read = 0;

  /** Reads the ops of `history` recorded since the last update (the same history, grown). */
  update(history: readonly Op[]): void {
    for (; this.read < history.length; this.read++) {
      const op = history[this.read]!;
      if (typeof op.process !== 'number') continue;
      if (op.type === 'invoke') {
        const timed: TimedOp = { invokeMs: op.time / 1e6, endMs: Number.POSITIVE_INFINITY, latencyMs: Number.POSITIVE_INFINITY, type: 'info' };
        this.ops.push(timed);
        this.open.set(op.process, { timed, invokeNs: op.time });
        continue;
      }
      const entry = this.open.get(op.process);
      if (entry === undefined) continue;
      this.open.delete(op.process);
      const { timed } = entry;
      timed.endMs = op.time / 1e6;
      timed.latencyMs = (op.time - entry.invokeNs) / 1e6;
      timed.type = op.type === 'fail' && typeof op.error === 'string' && ANSWER_ERRORS.includes(op.error) ? 'declined' : op.type;
      this.ended.push(timed);
    }
  }

  /** The ops that ended in [fromMs, toMs), read back from the latest. */
  endedIn(fromMs: number, toMs: number): TimedOp[] {
    const found: TimedOp[] = [];
    for (let i = this.ended.length - 1; i >= 0 && this.ended[i]!.endMs >= fromMs; i--) {
      if (this.ended[i]!.endMs < toMs) found.push(this.ended[i]!);
    }
    return found.reverse();
  }
}

/**
 * The figures of the window [fromMs, toMs) over `ops` (those that ended in it),
 * judged against the hypothesis.
 *
 * @example
 * windowFigures(timedOps(history), 0, 1000, { windowMs: 1000, okShare: 0.99 }).held; // true
 */
export function windowFigures(ops: readonly TimedOp[], fromMs: number, toMs: number, hypothesis: Hypothesis): WindowFigures {
  return judged(countOps(ops, fromMs, toMs), hypothesis);
}

/**
 * Counts ops into windows: the window in which each ended; an op invoked before
 * `endMs` that ends at or after it (or never) counts in the last window, as the
 * experiment's own; ops invoked at or after `endMs` are not the experiment's.
 * `bounds` are consecutive, each window's toMs the next one's fromMs.
 *
 * @example
 * figuresByWindow(ops, [[0, 1000], [1000, 2000]], hypothesis).length; // 2
 */
export function figuresByWindow(ops: readonly TimedOp[], bounds: ReadonlyArray<readonly [number, number]>, hypothesis: Hypothesis): WindowFigures[] {
  const windows = bounds.map(([fromMs, toMs]) => emptyCounts(fromMs, toMs));
  if (windows.length === 0) return [];
  const startMs = bounds[0]![0];
  const endMs = bounds[bounds.length - 1]![1];
  for (const op of ops) {
    if (op.invokeMs >= endMs || op.endMs < startMs) continue;
    const at = op.endMs >= endMs ? windows.length - 1 : windowIndex(bounds, op.endMs);
    add(windows[at]!, op);
  }
  return windows.map((counts) => judged(counts, hypothesis));
}

interface Counts {
  fromMs: number;
  toMs: number;
  ok: number;
  declined: number;
  fail: number;
  info: number;
  latenciesMs: number[];
}

function emptyCounts(fromMs: number, toMs: number): Counts {
  return { fromMs, toMs, ok: 0, declined: 0, fail: 0, info: 0, latenciesMs: [] };
}

function add(counts: Counts, op: TimedOp): void {
  counts[op.type]++;
  if (op.type === 'ok' || op.type === 'declined') counts.latenciesMs.push(op.latencyMs);
}

function countOps(ops: readonly TimedOp[], fromMs: number, toMs: number): Counts {
  const counts = emptyCounts(fromMs, toMs);
  for (const op of ops) if (op.endMs >= fromMs && op.endMs < toMs) add(counts, op);
  return counts;
}

/** Binary search: the window whose [fromMs, toMs) holds `timeMs`. */
function windowIndex(bounds: ReadonlyArray<readonly [number, number]>, timeMs: number): number {
  let low = 0;
  let high = bounds.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (bounds[mid]![0] <= timeMs) low = mid;
    else high = mid - 1;
  }
  return low;
}

function judged(counts: Counts, hypothesis: Hypothesis): WindowFigures {
  const served = counts.ok + counts.declined;
  const total = served + counts.fail + counts.info;
  const okShare = total === 0 ? null : served / total;
  const p99LatencyMs = percentile(counts.latenciesMs, 0.99);
  const broken: string[] = [];
  let unknown = false;
  if (hypothesis.okShare !== undefined) {
    if (okShare === null) unknown = true;
    else if (okShare < hypothesis.okShare) broken.push(`ok share ${formatShare(okShare)} < ${hypothesis.okShare}`);
  }
  if (hypothesis.p99LatencyMs !== undefined) {
    if (p99LatencyMs === null) unknown = true;
    else if (p99LatencyMs > hypothesis.p99LatencyMs) broken.push(`p99 latency ${formatMs(p99LatencyMs)} ms > ${hypothesis.p99LatencyMs} ms`);
  }
  const held = broken.length > 0 ? false : unknown ? 'unknown' : true;
  const { fromMs, toMs, ok, declined, fail, info } = counts;
  return { fromMs, toMs, ok, declined, fail, info, okShare, p99LatencyMs, held, broken };
}

/**
 * The nearest-rank percentile `q` of `values` (the smallest value with at least
 * q of the values at or below it); null for no values.
 *
 * @example
 * percentile([5, 1, 3], 0.5); // 3
 */
export function percentile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

/** A share with three decimals, as the reports print it. */
export function formatShare(share: number): string {
  return share.toFixed(3);
}

/** Milliseconds with one decimal, as the reports print them. */
export function formatMs(ms: number): string {
  return ms.toFixed(1);
}
