import { describe, expect, it } from 'vitest';
import { cluster, valueIn } from './support/cluster.js';

describe('full disk', () => {
  it('the leader fails writes with "disk-full" (certainly not applied) and recovers once space is freed', () => {
    const c = cluster();
    c.at(100, () => c.client().send('n1', 'write', 'x', 1));
    c.at(200, () => c.world.fillDisk('n1'));
    c.at(210, () => c.client().send('n1', 'write', 'x', 2));
    c.at(220, () => c.client().send('n1', 'read', 'x', null));
    c.at(300, () => c.world.freeDisk('n1'));
    c.at(310, () => c.client().send('n1', 'write', 'x', 3));
    c.world.runUntil(600);
    const [first, refused, read, after] = c.client().requests;
    expect(first!.final?.outcome).toBe('ok');
    expect(refused!.final).toMatchObject({ outcome: 'fail', error: 'disk-full' });
    expect(read!.final).toMatchObject({ outcome: 'ok', value: 1 });
    expect(after!.final?.outcome).toBe('ok');
    for (const state of Object.values(c.states())) expect(valueIn(state, 'x')).toBe(3);
  });

  it('a follower with a full disk does not ack; a majority still can, and the follower catches up later', () => {
    const c = cluster({ acks: 'majority' });
    c.at(100, () => c.world.fillDisk('n3'));
    c.at(110, () => c.client().send('n1', 'write', 'x', 1));
    c.at(300, () => {
      expect(valueIn(c.store.replicaState(c.node('n3')!), 'x')).toBeUndefined();
      expect(c.events('disk-full').some((e) => e.node === 'n3')).toBe(true);
      c.world.freeDisk('n3');
    });
    c.world.runUntil(600);
    expect(c.client().requests[0]!.final?.outcome).toBe('ok');
    expect(valueIn(c.store.replicaState(c.node('n3')!), 'x')).toBe(1);
  });

  it('with sync acks, a follower with a full disk blocks acknowledgement (unknown outcome)', () => {
    const c = cluster({ acks: 'sync', requestTimeoutMs: 300 });
    c.at(100, () => c.world.fillDisk('n3'));
    c.at(110, () => c.client().send('n1', 'write', 'x', 1));
    c.world.runUntil(600);
    expect(c.client().requests[0]!.final).toMatchObject({ outcome: 'error', error: 'timeout' });
  });
});
