import { describe, expect, it } from 'vitest';
import { cluster } from './support/cluster.js';

describe('currentLeaders', () => {
  it('names the live nodes in the leader role, highest epoch first', () => {
    // Without fencing a cut-off leader keeps its role, so two leaders coexist.
    const c = cluster({ fencing: false });
    const leaders = () => c.store.currentLeaders!((id) => c.world.node(id));
    const seen: Record<string, string[]> = {};
    c.at(200, () => {
      seen.first = leaders();
      for (const other of ['n2', 'n3']) {
        c.world.blockLink('n1', other);
        c.world.blockLink(other, 'n1');
      }
    });
    c.at(1_500, () => {
      seen.split = leaders();
      c.world.crash(seen.split[0]!);
    });
    c.at(1_501, () => (seen.afterCrash = leaders()));
    c.world.runUntil(1_600);
    expect(seen.first).toEqual(['n1']);
    expect(seen.split).toHaveLength(2);
    expect(['n2', 'n3']).toContain(seen.split![0]);
    expect(seen.split![1]).toBe('n1');
    expect(c.node(seen.split![0]!)).toBeUndefined();
    expect(seen.afterCrash).toEqual(['n1']);
  });
});
