import type { TraceEvent } from './trace.js';

/**
 * Renders trace events as aligned text lines, one per event:
 *
 * ```
 *     12.500 send      n1 -> n2   m7 append
 *     40.000 crash     n3         lost 2 unsynced
 * ```
 *
 * Times print with three decimals, so two equal traces render to equal text.
 *
 * @example
 * console.log(formatTrace(world.trace.events).join('\n'));
 */
export function formatTrace(events: readonly TraceEvent[]): string[] {
  return events.map(formatTraceEvent);
}

/**
 * One trace event as one line (see {@link formatTrace}).
 *
 * @example
 * formatTraceEvent({ timeMs: 1, kind: 'heal' }); // '     1.000 heal'
 */
export function formatTraceEvent(event: TraceEvent): string {
  const time = event.timeMs.toFixed(3).padStart(10);
  const where = event.peer === undefined ? (event.node ?? '') : `${event.node ?? '?'} ${arrow(event)} ${event.peer}`;
  const what = [event.name, event.detail].filter((part) => part !== undefined && part !== '').join(' ');
  return `${time} ${event.kind.padEnd(9)} ${where.padEnd(10)} ${what}`.trimEnd();
}

/** The arrow points the way the message travels. */
function arrow(event: TraceEvent): string {
  return event.kind === 'deliver' || event.kind === 'drop' ? '<-' : '->';
}
