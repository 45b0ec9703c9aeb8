import type { TraceEvent } from '../../sim/trace.js';
import type { MessageView } from './report-data.js';

/** More messages than this are thinned to the ones nearest the failure: a diagram of more is unreadable and heavy. */
const MAX_MESSAGES = 5000;

/** Lifecycle and fault events worth marking on the lifelines (custom ones: the notable store events). */
const MARKED_KINDS = new Set(['crash', 'restart', 'pause', 'resume', 'slow', 'partition', 'heal', 'clock', 'disk', 'network']);
const MARKED_CUSTOM = new Set(['election', 'step-down', 'candidate', 'declare-dead', 'disk-full', 'read-repair', 'hint-delivered', 'anti-entropy-repair']);

/**
 * The trace's messages as a sequence diagram: each message (the trace's `m<N>` id)
 * from its send to its delivery or drop, between lifelines for every node and
 * client that sent or received one. Undefined when the trace kept no messages.
 * When there are more than 5000, the ones sent nearest `focusMs` (the failing op)
 * are kept and `shown` says so.
 *
 * @example
 * messageView(run.trace, 840)?.lifelines; // ['n1', 'n2', 'n3', 'c0', 'c1']
 */
export function messageView(trace: readonly TraceEvent[], focusMs?: number): MessageView | undefined {
  const byId = new Map<string, { from: string; to: string; sentMs: number; endMs: number | null; dropped: boolean; label: string }>();
  const events: Array<{ atMs: number; node: string | undefined; text: string }> = [];
  for (const event of trace) {
    const [id, ...rest] = (event.detail ?? '').split(' ');
    if (event.kind === 'send' && event.node !== undefined && event.peer !== undefined && id !== undefined) {
      byId.set(id, { from: event.node, to: event.peer, sentMs: event.timeMs, endMs: null, dropped: false, label: rest.join(' ') });
    } else if ((event.kind === 'deliver' || event.kind === 'drop') && id !== undefined) {
      const message = byId.get(id);
      // A duplicated message is delivered twice: the diagram draws its first arrival.
      if (message === undefined || message.endMs !== null) continue;
      message.endMs = event.timeMs;
      message.dropped = event.kind === 'drop';
      if (message.dropped && rest.length > 0) message.label = rest.join(' ');
    } else if (MARKED_KINDS.has(event.kind) || (event.kind === 'custom' && MARKED_CUSTOM.has(event.name ?? ''))) {
      events.push({ atMs: event.timeMs, node: event.node, text: event.kind === 'custom' ? `${event.name}` : `${event.kind}${event.detail ? ` ${event.detail}` : ''}`.slice(0, 80) });
    }
  }
  if (byId.size === 0) return undefined;
  let messages = [...byId.values()];
  const total = messages.length;
  if (total > MAX_MESSAGES) {
    const focus = focusMs ?? messages[messages.length - 1]!.sentMs;
    messages = messages.sort((a, b) => Math.abs(a.sentMs - focus) - Math.abs(b.sentMs - focus)).slice(0, MAX_MESSAGES).sort((a, b) => a.sentMs - b.sentMs);
  }
  const names = new Set<string>();
  for (const message of messages) names.add(message.from).add(message.to);
  // Store nodes first, then clients, each in name order (n2 before n10).
  const lifelines = [...names].sort((a, b) => lifelineRank(a) - lifelineRank(b) || a.localeCompare(b, 'en', { numeric: true }));
  const at = new Map(lifelines.map((name, i) => [name, i]));
  return {
    lifelines,
    from: messages.map((m) => at.get(m.from)!),
    to: messages.map((m) => at.get(m.to)!),
    sentMs: messages.map((m) => m.sentMs),
    endMs: messages.map((m) => m.endMs),
    dropped: messages.map((m) => m.dropped),
    label: messages.map((m) => m.label),
    events: events.map((e) => ({ atMs: e.atMs, lifeline: e.node === undefined ? null : (at.get(e.node) ?? null), text: e.text })),
    total,
    shown: messages.length,
  };
}

/** Clients (c0, c1...) below the store's nodes. */
function lifelineRank(name: string): number {
  return /^c\d+$/.test(name) ? 1 : 0;
}
