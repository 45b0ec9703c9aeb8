import { describe, expect, it } from 'vitest';
import { cluster, valueIn } from './support/cluster.js';

describe('restart from disk', () => {
  it('a whole cluster that crashes and restarts recovers every acknowledged write', () => {
    const c = cluster({ replication: 'row' });
    c.at(100, () => {
      c.client().send('n1', 'write', 'x', 1);
      c.client().send('n1', 'append', 's', 'ab');
      c.client().send('n1', 'incr', 'n', 7, { idempotencyKey: 'once' });
    });
    let before: Record<string, unknown> = {};
    c.at(400, () => {
      before = c.states();
      for (const id of ['n1', 'n2', 'n3']) c.world.crash(id);
    });
    c.at(500, () => {
      for (const id of ['n1', 'n2', 'n3']) c.world.restart(id);
    });
    c.at(800, () => {
      // Rebuilt from disk alone: same data, same epoch, and the idempotency table too.
      expect(c.states()).toEqual(before);
      expect(c.node('n2')!.replica.epoch).toBeGreaterThanOrEqual(1);
    });
    c.at(1_500, () => {
      c.client().send(c.leader()!, 'read', 'x', null);
      c.client().send(c.leader()!, 'read', 's', null);
      c.client().send(c.leader()!, 'incr', 'n', 7, { idempotencyKey: 'once' });
      c.client().send(c.leader()!, 'read', 'n', null);
    });
    c.world.runUntil(2_000);
    const replies = c.client().requests.slice(3).map((r) => r.final);
    expect(replies.map((r) => r?.outcome)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(replies.map((r) => r?.value)).toEqual([1, 'ab', 7, 7]);
  });

  it('batched fsync: the ack waits for the group fsync, so a power loss before it takes only unacknowledged writes', () => {
    const c = cluster({ nodes: 1, fsync: 'batched', fsyncIntervalMs: 50 }, { network: { latencyMs: { kind: 'constant', value: 1 } } });
    c.at(100, () => c.client().send('n1', 'write', 'x', 'synced'));
    c.at(300, () => c.client().send('n1', 'write', 'x', 'in the page cache'));
    c.at(310, () => c.world.crash('n1')); // before the batch fsync at ~351
    c.at(400, () => c.world.restart('n1'));
    // After a restart even a lone node waits for its failure detector before standing.
    c.at(1_000, () => c.client().send('n1', 'read', 'x', null));
    c.world.runUntil(1_200);
    const [synced, lost, read] = c.client().requests;
    expect(synced!.final?.outcome).toBe('ok');
    expect(synced!.answeredAtMs! - synced!.sentAtMs).toBeGreaterThan(10); // waited for the group fsync
    expect(lost!.final).toBeUndefined(); // never acknowledged
    expect(read!.final).toMatchObject({ outcome: 'ok', value: 'synced' });
  });

  it('a follower that restarts keeps its log and receives only what it missed', () => {
    const c = cluster();
    c.at(100, () => c.client().send('n1', 'write', 'x', 1));
    c.at(200, () => c.world.crash('n3'));
    c.at(250, () => c.client().send('n1', 'write', 'y', 2));
    c.at(300, () => c.world.restart('n3'));
    c.world.runUntil(600);
    const n3 = c.store.replicaState(c.node('n3')!);
    expect(valueIn(n3, 'x')).toBe(1);
    expect(valueIn(n3, 'y')).toBe(2);
    expect(c.events('truncate')).toEqual([]);
  });
});

describe('restart after a truncation', () => {
  it('the rewritten disk rebuilds the truncated log, not the divergent one', () => {
    const c = cluster({ acks: 'async' });
    c.at(100, () => c.client().send('n1', 'write', 'x', 1));
    c.at(200, () => c.world.partition([['n1', 'n2'], ['n1', 'n3']]));
    c.at(210, () => c.client().send('n1', 'write', 'x', 'divergent'));
    c.at(250, () => c.world.crash('n1'));
    c.at(1_500, () => {
      c.world.heal();
      c.world.restart('n1');
    });
    c.at(2_000, () => {
      expect(c.events('truncate').some((e) => e.node === 'n1')).toBe(true);
      c.world.crash('n1');
      c.world.restart('n1');
      expect(valueIn(c.store.replicaState(c.node('n1')!), 'x')).toBe(1);
    });
    c.world.runUntil(2_500);
    const states = c.states();
    expect(states.n1).toEqual(states.n2);
  });
});
