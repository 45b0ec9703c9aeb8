/**
 * Custom trace events (what nodes reported through ctx.trace) with their detail
 * parsed back from JSON. Checkers read the trace as plain data, the way it is
 * saved with a run, so they depend on the sim only for its event shape.
 */
import type { TraceEvent } from '../../sim/trace.js';

/**
 * A custom event: when, on which node, and its detail as data.
 *
 * @example
 * const event: CustomEvent = { timeMs: 12, node: 'n1', name: 'election', detail: { epoch: 2 } };
 */
export interface CustomEvent<D = Record<string, unknown>> {
  timeMs: number;
  node: string;
  name: string;
  detail: D;
}

/**
 * The custom events with one of the given names, in trace order. An event
 * whose detail is not JSON is kept with an empty detail.
 *
 * @example
 * customEvents(run.trace, ['election']).length; // elections in the run
 */
export function customEvents<D = Record<string, unknown>>(trace: readonly TraceEvent[], names: readonly string[]): CustomEvent<D>[] {
  const wanted = new Set(names);
  const events: CustomEvent<D>[] = [];
  for (const event of trace) {
    const custom = asCustomEvent<D>(event, wanted);
    if (custom !== undefined) events.push(custom);
  }
  return events;
}

/**
 * One trace event as a custom event, when it is one of the wanted names.
 *
 * @example
 * asCustomEvent(event, new Set(['hint-stored']))?.detail.key;
 */
export function asCustomEvent<D = Record<string, unknown>>(event: TraceEvent, wanted: ReadonlySet<string>): CustomEvent<D> | undefined {
  if (event.kind !== 'custom' || event.name === undefined || !wanted.has(event.name)) return undefined;
  return { timeMs: event.timeMs, node: event.node ?? '', name: event.name, detail: parseDetail(event.detail) as D };
}

function parseDetail(detail: string | undefined): unknown {
  if (detail === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(detail);
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
}
