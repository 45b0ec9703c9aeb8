import type { LinkRef } from '../sim/world.js';
import type { ByzantineBehaviour } from '../store/definition.js';

/**
 * A per-link network setting a packet fault changes.
 */
export type LinkSetting = 'loss' | 'duplicate' | 'reorder' | 'latency';

/**
 * What a fault does to a node's clock while in force: jump it by `offsetMs`,
 * strobe it (`offsetMs` forward, then back, every `periodMs`), or make it run at
 * rate `1 + drift`.
 */
export type ClockSetting = { offsetMs: number } | { strobe: { offsetMs: number; periodMs: number } } | { drift: number };

/**
 * One change a fault makes to the world, as data: what starting the fault does
 * and what healing it undoes. A fault resolves to a list of these when it starts
 * (its targets, e.g. "the leader", are known then).
 */
export type Effect =
  | { type: 'block'; links: LinkRef[] }
  | { type: 'link'; setting: LinkSetting; links: LinkRef[]; value: number; maxDelayMs?: number }
  | { type: 'clock'; node: string; clock: ClockSetting }
  | { type: 'down'; nodes: string[]; loseUnsynced: boolean }
  | { type: 'pause'; nodes: string[]; durationMs: number }
  | { type: 'slow'; node: string; extraMs: number }
  | { type: 'disk-full'; nodes: string[] }
  | { type: 'discovery' }
  | { type: 'destroy'; nodes: string[] }
  | { type: 'byzantine'; node: string; behaviour: ByzantineBehaviour }
  | { type: 'rot-disk'; node: string };

/**
 * The text key of a directed link.
 *
 * @example
 * linkKey(['n1', 'n2']); // 'n1->n2'
 */
export function linkKey([from, to]: LinkRef): string {
  return `${from}->${to}`;
}

/**
 * The link a {@link linkKey} names.
 *
 * @example
 * linkOfKey('n1->n2'); // ['n1', 'n2']
 */
export function linkOfKey(key: string): LinkRef {
  const at = key.indexOf('->');
  return [key.slice(0, at), key.slice(at + 2)];
}
