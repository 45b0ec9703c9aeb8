import { describe, expect, it } from 'vitest';
import { cluster, valueIn } from './support/cluster.js';

describe('planned switchover', () => {
  it('drains, lets the target catch up, hands over, and loses no acknowledged write', () => {
    // Async acks: the leader acknowledges before followers have anything, the riskiest case.
    const c = cluster({ acks: 'async', requestTimeoutMs: 2_000 }, { network: { latencyMs: { kind: 'uniform', min: 1, max: 20 } } });
    for (let i = 0; i < 120; i++) {
      c.at(100 + i * 5, () => c.client().send(c.leader() ?? 'n1', 'sadd', 'log', i));
    }
    c.at(300, () => c.client().send('n1', 'switchover', '', 'n2'));
    // The old leader is gone for good after the switchover: the data must be on n2.
    c.at(1_000, () => c.world.crash('n1'));
    c.world.runUntil(2_000);

    const [switchover] = c.client().requests.filter((r) => r.f === 'switchover');
    expect(switchover!.final).toMatchObject({ outcome: 'ok', value: 'n2' });
    expect(c.leader()).toBe('n2');
    expect(c.node('n2')!.replica.epoch).toBe(2);
    const phases = c.events('switchover').map((e) => e.detail.phase);
    expect(phases).toEqual(['drain', 'hand-over', 'done']);
    expect(c.events('step-down').find((e) => e.node === 'n1')!.detail.reason).toBe('switchover');

    const writes = c.client().requests.filter((r) => r.f === 'sadd');
    const acknowledged = writes.filter((r) => r.final?.outcome === 'ok').map((r) => r.value);
    const refused = writes.filter((r) => r.final?.outcome === 'fail');
    expect(acknowledged.length).toBeGreaterThan(100);
    expect(refused.length).toBeGreaterThan(0); // the drain really refused writes
    expect(refused.every((r) => r.final?.error === 'switchover-in-progress')).toBe(true);
    const onNewLeader = valueIn(c.store.replicaState(c.node('n2')!), 'log') as number[];
    for (const value of acknowledged) expect(onNewLeader).toContain(value);
    // Nothing unacknowledged slipped in either: refused writes were never applied.
    for (const r of refused) expect(onNewLeader).not.toContain(r.value);
  });

  it('is answered by redirect at a follower and refused for an unknown target', () => {
    const c = cluster();
    c.at(100, () => {
      c.client().send('n2', 'switchover', '', 'n3', { followRedirects: false });
      c.client().send('n1', 'switchover', '', 'n9');
      c.client().send('n1', 'switchover', '', 'n1');
    });
    c.world.runUntil(300);
    expect(c.client().requests.map((r) => r.final?.outcome)).toEqual(['redirect', 'fail', 'ok']);
    expect(c.client().requests[1]!.final?.error).toBe('unknown-node');
  });

  it('gives up after the request timeout when the target cannot catch up, and writes resume', () => {
    const c = cluster({ requestTimeoutMs: 300 });
    c.at(100, () => c.world.crash('n3'));
    c.at(150, () => c.client().send('n1', 'switchover', '', 'n3'));
    c.at(200, () => c.client().send('n1', 'write', 'x', 'draining'));
    c.at(600, () => c.client().send('n1', 'write', 'x', 'resumed'));
    c.world.runUntil(1_000);
    const [switchover, during, after] = c.client().requests;
    expect(switchover!.final).toMatchObject({ outcome: 'error', error: 'switchover-timeout' });
    expect(during!.final).toMatchObject({ outcome: 'fail', error: 'switchover-in-progress' });
    expect(after!.final?.outcome).toBe('ok');
    expect(c.leader()).toBe('n1');
  });
});
