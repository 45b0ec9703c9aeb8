import { describe, expect, it } from 'vitest';
import { cluster } from './support/cluster.js';

describe('change data capture', () => {
  it('streams every row change from the given offset, in order, then live', () => {
    const c = cluster({ replication: 'row' });
    // Offset 1 is the first leader's no-op; the writes take offsets 2..6.
    c.at(100, () => {
      for (let i = 1; i <= 5; i++) c.client().send('n1', 'write', `k${i % 2}`, i);
    });
    c.at(300, () => c.client().subscribe('n2', 4));
    c.at(400, () => {
      c.client().send('n1', 'incr', 'counter', 1);
      c.client().send('n1', 'cas', 'k1', [5, 'five']);
      c.client().send('n1', 'cas', 'k1', ['nope', 0]); // fails: no change to publish
    });
    c.world.runUntil(800);
    const changes = c.client().cdc;
    expect(changes.map((change) => change.offset)).toEqual([4, 5, 6, 7, 8]);
    expect(changes.map(({ key, before, after }) => ({ key, before, after }))).toEqual([
      { key: 'k1', before: 1, after: 3 },
      { key: 'k0', before: 2, after: 4 },
      { key: 'k1', before: 3, after: 5 },
      { key: 'counter', before: null, after: 1 },
      { key: 'k1', before: 5, after: 'five' },
    ]);
    expect(changes.every((change) => change.epoch === 1)).toBe(true);
  });

  it('publishes only acknowledged changes: nothing the leader alone holds', () => {
    const c = cluster({ replication: 'row', acks: 'majority' });
    c.at(100, () => c.client().subscribe('n1', 1));
    c.at(200, () => c.world.partition([['n1', 'n2'], ['n1', 'n3']]));
    c.at(210, () => c.client().send('n1', 'write', 'x', 'unacknowledged'));
    c.world.runUntil(400);
    expect(c.client().cdc).toEqual([]);
  });

  it('is refused without row-based replication', () => {
    const c = cluster({ replication: 'wal' });
    c.at(100, () => c.client().subscribe('n1', 1));
    c.world.runUntil(200);
    expect(c.client().cdcErrors).toEqual(['cdc-needs-row-replication']);
  });
});
