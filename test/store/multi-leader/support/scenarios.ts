import { expect } from 'vitest';
import type { Harness } from './harness.js';

/** The default store's two groups, as partitionGroups wants them. */
export const GROUPS = [['dc1-n1', 'dc1-n2'], ['dc2-n1', 'dc2-n2']];

/** Splits the two groups at 5 ms and heals them at `healMs`. */
export function splitGroups(h: Harness, healMs: number): void {
  h.do(5, 'split', () => h.world.partitionGroups(GROUPS));
  h.do(healMs, 'heal', () => h.world.heal());
}

/** Asserts that every node of the store holds the same data as dc1-n1. */
export function expectAllEqual(h: Harness): void {
  const reference = h.state('dc1-n1');
  for (const id of h.store.nodeIds) expect(h.state(id), id).toEqual(reference);
}
