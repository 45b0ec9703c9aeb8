import { describe, expect, it } from 'vitest';
import { cluster, valueIn } from './support/cluster.js';

describe('idempotency keys', () => {
  it('a retried incr with the same key applies once; without a key it applies twice', () => {
    const c = cluster();
    c.at(100, () => {
      c.client().send('n1', 'incr', 'keyed', 5, { idempotencyKey: 'op-1' });
      c.client().send('n1', 'incr', 'unkeyed', 5);
    });
    c.at(200, () => {
      const [keyed, unkeyed] = c.client().requests;
      c.client().retry(keyed!, 'n1');
      c.client().retry(unkeyed!, 'n1');
    });
    c.world.runUntil(400);
    const [keyed, unkeyed] = c.client().requests;
    expect(keyed!.replies.map((r) => r.outcome)).toEqual(['ok', 'ok']);
    expect(unkeyed!.replies.map((r) => r.outcome)).toEqual(['ok', 'ok']);
    for (const state of Object.values(c.states())) {
      expect(valueIn(state, 'keyed')).toBe(5);
      expect(valueIn(state, 'unkeyed')).toBe(10);
    }
    expect(c.events('deduplicated')).toHaveLength(1);
  });

  it('a retry arriving while the first attempt awaits its acks gets the same answer, applied once', () => {
    const c = cluster();
    c.at(100, () => {
      const first = c.client().send('n1', 'sadd', 's', 'a', { idempotencyKey: 'op-a' });
      c.client().retry(first, 'n1');
    });
    c.world.runUntil(300);
    expect(c.client().requests[0]!.replies.map((r) => r.outcome)).toEqual(['ok', 'ok']);
    expect(c.node('n1')!.replica.log.lastOffset).toBe(2); // the no-op and one write
  });

  it.each(['wal', 'statement', 'row'] as const)('%s: the key travels with the log, so a new leader dedupes a retry too', (replication) => {
    const c = cluster({ replication });
    c.at(100, () => c.client().send('n1', 'incr', 'n', 1, { idempotencyKey: 'op-1' }));
    c.at(200, () => c.world.crash('n1'));
    c.at(1_200, () => c.client().retry(c.client().requests[0]!, c.leader()!));
    c.world.runUntil(1_500);
    const request = c.client().requests[0]!;
    expect(request.replies.map((r) => r.outcome)).toEqual(['ok', 'ok']);
    expect(request.replies[1]!.value).toBe(1);
    const dedupe = c.events('deduplicated')[0]!;
    expect(dedupe.node).toBe(c.leader());
    for (const state of Object.values(c.states())) expect(valueIn(state, 'n')).toBe(1);
  });
});
