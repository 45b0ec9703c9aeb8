/**
 * Follows every hint from the trace: stored ('hint-stored'), delivered
 * ('hint-delivered', naming the hints), and, when its holder restarts, still
 * held ('hints-held', traced right after the restart; none traced means none
 * held). A hint missing from its holder's list after a restart, and never
 * delivered before, was dropped.
 */
import type { TraceEvent } from '../../sim/trace.js';
import { isStoreEvent, readStoreEvent } from '../../store/trace-events.js';

const HINT_EVENTS = ['hint-stored', 'hint-delivered', 'hints-held'] as const;

/**
 * One hint and where it ended.
 */
export interface HintFate {
  hint: string;
  holder: string;
  owner: string;
  key: string;
  storedAtMs: number;
  fate: 'delivered' | 'held' | 'dropped';
  /** When it was delivered or dropped. */
  atMs?: number;
}

/**
 * Every hint's fate, in the order they were stored.
 *
 * @example
 * auditHints(run.trace).filter((h) => h.fate === 'dropped');
 */
export function auditHints(trace: readonly TraceEvent[]): HintFate[] {
  const hints = new Map<string, HintFate>();
  /** Holders restarted whose list of held hints has not been seen yet, with the restart time. */
  const restarted = new Map<string, number>();
  const settle = (node: string, held: readonly string[]) => {
    const atMs = restarted.get(node);
    if (atMs === undefined) return;
    restarted.delete(node);
    for (const hint of hints.values()) {
      if (hint.holder === node && hint.fate === 'held' && !held.includes(hint.hint)) Object.assign(hint, { fate: 'dropped', atMs });
    }
  };
  for (const event of trace) {
    const node = event.node ?? '';
    if (event.kind === 'restart') {
      settle(node, []);
      restarted.set(node, event.timeMs);
      continue;
    }
    // The list is traced first thing after a restart: any other event of the node means none was.
    if (!isStoreEvent(event, 'hints-held')) settle(node, []);
    const custom = readStoreEvent(event, HINT_EVENTS);
    if (custom === undefined) continue;
    // A trace read back from disk may lack a field: each one is checked before use.
    if (custom.name === 'hints-held') settle(node, strings(custom.detail.hints));
    else if (custom.name === 'hint-stored' && typeof custom.detail.hint === 'string') {
      const { detail } = custom;
      hints.set(detail.hint, { hint: detail.hint, holder: node, owner: String(detail.owner), key: String(detail.key), storedAtMs: custom.timeMs, fate: 'held' });
    } else if (custom.name === 'hint-delivered') {
      for (const id of strings(custom.detail.hints)) {
        const hint = hints.get(id);
        if (hint !== undefined) Object.assign(hint, { fate: 'delivered', atMs: custom.timeMs });
      }
    }
  }
  for (const node of [...restarted.keys()]) settle(node, []);
  return [...hints.values()];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
