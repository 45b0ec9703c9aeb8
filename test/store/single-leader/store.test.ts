import { describe, expect, it } from 'vitest';
import { STORE_VERBS } from '../../../src/store/definition.js';
import { cluster, valueIn } from './support/cluster.js';

describe('singleLeaderStore', () => {
  it('names nodes n1..nN, lets clients start anywhere, and validates its config', () => {
    const { store } = cluster({ nodes: 5 });
    expect(store.nodeIds).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(store.entryPoints).toEqual(store.nodeIds);
    expect(() => cluster({ nodes: 0 })).toThrow(/singleLeader\.nodes/);
  });

  it('elects n1 at start, serves every verb, and converges the replicas', () => {
    const c = cluster();
    c.at(100, () => {
      const client = c.client();
      client.send('n2', 'write', 'r', 1); // redirected to n1
    });
    c.at(150, () => {
      const client = c.client();
      client.send('n1', 'cas', 'r', [1, 2]);
      client.send('n1', 'append', 's', 'ab');
      client.send('n1', 'append', 's', 'cd');
      client.send('n1', 'incr', 'c', 5);
      client.send('n1', 'incr', 'c', null);
      client.send('n1', 'sadd', 'set', 3);
      client.send('n1', 'sadd', 'set', 1);
      client.send('n1', 'sadd', 'set', 3);
      client.send('n1', 'cas', 'r', [7, 8]);
    });
    c.at(300, () => {
      for (const key of ['r', 's', 'c', 'set', 'missing']) c.client().send('n3', 'read', key, null);
    });
    c.world.runUntil(1_000);
    expect(c.leader()).toBe('n1');
    expect(c.events('election')[0]).toMatchObject({ node: 'n1', detail: { epoch: 1, leader: 'n1' } });
    const requests = c.client().requests;
    expect(requests.map((r) => r.final?.outcome)).toEqual([...Array(9).fill('ok'), 'fail', ...Array(5).fill('ok')]);
    expect(requests[0]!.replies[0]).toMatchObject({ outcome: 'redirect', leader: 'n1' });
    expect(requests[9]!.final?.error).toBe('cas-mismatch');
    expect(requests.slice(10).map((r) => r.final?.value)).toEqual([2, 'abcd', 6, [1, 3], null]);
    const states = c.states();
    expect(states.n2).toEqual(states.n1);
    expect(states.n3).toEqual(states.n1);
    expect(valueIn(states.n1, 'set')).toEqual([1, 3]);
    expect(STORE_VERBS).toContain('sadd');
  });

  it('refuses an unknown verb as certainly not applied', () => {
    const c = cluster();
    c.at(100, () => c.client().send('n1', 'frobnicate', 'k', 1));
    c.world.runUntil(300);
    expect(c.client().requests[0]!.final).toMatchObject({ outcome: 'fail', error: 'unknown-verb' });
  });

  it('runs as a single node', () => {
    const c = cluster({ nodes: 1 });
    c.at(50, () => c.client().send('n1', 'write', 'x', 'solo'));
    c.at(100, () => c.client().send('n1', 'read', 'x', null));
    c.world.runUntil(200);
    expect(c.client().requests.map((r) => r.final?.value)).toEqual(['solo', 'solo']);
  });
});

describe('determinism', () => {
  it('the same seed and the same faults give the same trace and the same states', () => {
    const run = () => {
      const c = cluster({ acks: 'majority', replication: 'statement' }, { seed: 99, network: { latencyMs: { kind: 'uniform', min: 1, max: 30 }, lossProbability: 0.05 } });
      for (let i = 0; i < 30; i++) c.at(50 + i * 20, () => c.client().send(`n${1 + (i % 3)}`, i % 4 === 0 ? 'read' : 'write', 'x', i % 7 === 0 ? 'RAND()' : i));
      c.at(300, () => c.world.crash('n1'));
      c.at(900, () => c.world.restart('n1'));
      c.world.runUntil(2_000);
      return JSON.stringify({ trace: c.world.trace.events, states: c.states(), replies: c.client().requests.map((r) => r.final ?? null) });
    };
    expect(run()).toBe(run());
  });
});
