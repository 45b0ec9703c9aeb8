import { formatTraceEvent } from '../sim/format-trace.js';
import type { TraceEvent } from '../sim/trace.js';
import type { StoreTraceName } from '../store/trace-events.js';

/**
 * Options for {@link notableTrace}.
 */
export interface NotableTraceOptions {
  /** Only events up to this virtual time (the failing op's completion): what led there. */
  untilMs?: number;
  /** At most this many lines, the latest ones. Default 30. */
  maxLines?: number;
  /** At most this many message drops among them, the latest ones. Default 8. */
  maxDrops?: number;
}

/** Kinds that say what happened to the cluster; messages, timers and node starts do not. */
const NOTABLE_KINDS = new Set(['drop', 'crash', 'restart', 'pause', 'resume', 'slow', 'partition', 'heal', 'network', 'clock', 'disk', 'custom']);

/** Custom events that happen on every request or round, and drown the rest. */
const ROUTINE_EVENTS = new Set<string>(['forward', 'merkle-exchange', 'deduplicated'] satisfies StoreTraceName[]);

/**
 * The trace lines that led to a failure: elections, step-downs, crashes, partitions,
 * clock changes, repairs, and the latest message drops, up to the failing op, formatted
 * as the simulator formats its trace. A first line says how many earlier ones were left
 * out, so the excerpt never passes for the whole trace.
 *
 * @example
 * notableTrace(run.trace, { untilMs: 840 });
 * // ['(12 earlier events not shown)', '   410.000 partition ...', '   655.200 custom n2 election {"epoch":2}']
 */
export function notableTrace(trace: readonly TraceEvent[], c: NotableTraceOptions = {}): string[] {
  const untilMs = c.untilMs ?? Infinity;
  const notable = trace.filter((event) => event.timeMs <= untilMs && isNotable(event));
  const dropsKept = lastDrops(notable, c.maxDrops ?? 8);
  const kept = notable.filter((event) => event.kind !== 'drop' || dropsKept.has(event));
  const shown = kept.slice(-(c.maxLines ?? 30));
  const hidden = notable.length - shown.length;
  const lines = shown.map(formatTraceEvent);
  return hidden > 0 ? [`(${hidden} earlier event${hidden === 1 ? '' : 's'} not shown)`, ...lines] : lines;
}

function isNotable(event: TraceEvent): boolean {
  if (!NOTABLE_KINDS.has(event.kind)) return false;
  return event.kind !== 'custom' || !ROUTINE_EVENTS.has(event.name ?? '');
}

function lastDrops(events: readonly TraceEvent[], max: number): Set<TraceEvent> {
  const drops = events.filter((event) => event.kind === 'drop');
  return new Set(max > 0 ? drops.slice(-max) : []);
}
