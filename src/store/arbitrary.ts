import fc from 'fast-check';
import type { ModeDefinition, StoreBounds } from './mode-definition.js';

/**
 * A mode's settings drawn within `bounds`: its own arbitrary, or its defaults
 * (a fresh copy each time) when it has none.
 *
 * @example
 * fc.sample(settingsArb(MODES.leaderless, { maxNodes: 5, maxGroups: 3, maxNodesPerGroup: 3 }), 1);
 */
export function settingsArb(mode: ModeDefinition, bounds: StoreBounds): fc.Arbitrary<unknown> {
  return mode.arbitrary?.(bounds) ?? fc.constant(null).map(() => mode.defaults());
}
