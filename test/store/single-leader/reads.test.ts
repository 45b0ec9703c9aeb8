import { describe, expect, it } from 'vitest';
import { cluster } from './support/cluster.js';

/** n1 leads with x = 1; it is cut off from n2 and n3, who elect a leader that writes x = 2; then x is read at n1. */
function readAtDeposedLeader(fencing: boolean) {
  const c = cluster({ reads: 'leader', fencing, acks: 'majority' });
  c.at(100, () => c.client().send('n1', 'write', 'x', 1));
  c.at(200, () => c.world.partitionGroups([['n1'], ['n2', 'n3']]));
  c.at(1_200, () => c.client().send(c.leader() === 'n1' ? 'n2' : c.leader()!, 'write', 'x', 2));
  c.at(1_400, () => c.client().send('n1', 'read', 'x', null, { followRedirects: false }));
  c.world.runUntil(3_000);
  const [, write, read] = c.client().requests;
  return { write: write!, read: read! };
}

describe('read modes', () => {
  it('leader reads with fencing confirm leadership with a majority first: a deposed leader serves nothing stale', () => {
    const { write, read } = readAtDeposedLeader(true);
    expect(write.final).toMatchObject({ outcome: 'ok', value: 2 });
    expect(read.final?.outcome).toBe('redirect');
  });

  it('leader reads without fencing are answered at once: a deposed leader serves a real stale read', () => {
    const { write, read } = readAtDeposedLeader(false);
    expect(write.final).toMatchObject({ outcome: 'ok', value: 2 });
    expect(write.answeredAtMs!).toBeLessThan(read.sentAtMs);
    expect(read.final).toMatchObject({ outcome: 'ok', value: 1 });
    expect(read.answeredBy).toBe('n1');
  });

  it('a confirmed leader read waits for the majority round trip', () => {
    const c = cluster({ reads: 'leader' }, { network: { latencyMs: { kind: 'constant', value: 10 } } });
    c.at(200, () => c.client().send('n1', 'read', 'x', null));
    c.world.runUntil(400);
    const read = c.client().requests[0]!;
    expect(read.answeredAtMs! - read.sentAtMs).toBe(40); // client -> n1, n1 -> follower -> n1, n1 -> client
  });

  it('any-node reads are served by followers from their own copy, stale while they lag', () => {
    const c = cluster({ reads: 'any', acks: 'majority' });
    c.at(100, () => c.client().send('n1', 'write', 'x', 1));
    c.at(200, () => c.world.blockLink('n1', 'n3'));
    c.at(210, () => c.client().send('n1', 'write', 'x', 2));
    c.at(300, () => {
      c.client().send('n3', 'read', 'x', null);
      c.client().send('n2', 'read', 'x', null);
    });
    c.world.runUntil(400);
    const [, write, lagging, current] = c.client().requests;
    expect(write!.final?.outcome).toBe('ok');
    expect(lagging!.final).toMatchObject({ outcome: 'ok', value: 1 });
    expect(lagging!.answeredBy).toBe('n3');
    expect(current!.final).toMatchObject({ outcome: 'ok', value: 2 });
  });

  it('reads never show a write that is not acknowledged yet', () => {
    const c = cluster({ reads: 'any', acks: 'majority' });
    c.at(100, () => c.client().send('n1', 'write', 'x', 1));
    c.at(200, () => c.world.partition([['n1', 'n2'], ['n1', 'n3']]));
    c.at(210, () => c.client().send('n1', 'write', 'x', 2));
    c.at(250, () => c.client().send('n1', 'read', 'x', null));
    c.world.runUntil(300);
    expect(c.node('n1')!.replica.table.read('x')).toBe(2); // applied on the leader...
    expect(c.client().requests[2]!.final).toMatchObject({ outcome: 'ok', value: 1 }); // ...not visible
  });
});
