import { describe, expect, it } from 'vitest';
import type { ReplicationKind } from '../../../src/store/single-leader/config.js';
import type { DiskRecord } from '../../../src/store/single-leader/records.js';
import { cluster, valueIn } from './support/cluster.js';

/** Writes NOW() and RAND() with the three nodes' clocks set apart, and returns the final states. */
function nondeterministicWrites(replication: ReplicationKind) {
  const c = cluster({ replication });
  c.at(50, () => {
    c.world.setClockOffset('n2', 5_000);
    c.world.setClockOffset('n3', -5_000);
  });
  c.at(100, () => {
    c.client().send('n1', 'write', 'now', 'NOW()');
    c.client().send('n1', 'write', 'rand', 'RAND()');
    c.client().send('n1', 'write', 'plain', 42);
  });
  c.world.runUntil(500);
  return c;
}

function entryRecords(c: ReturnType<typeof cluster>, id: string): DiskRecord[] {
  return (c.world.disk(id).read() as DiskRecord[]).filter((record) => record.t === 'entry');
}

describe('replication kinds', () => {
  it('statement: NOW() and RAND() are evaluated by each node, so the replicas really diverge', () => {
    const c = nondeterministicWrites('statement');
    const states = c.states();
    const nows = ['n1', 'n2', 'n3'].map((id) => valueIn(states[id], 'now') as number);
    const rands = ['n1', 'n2', 'n3'].map((id) => valueIn(states[id], 'rand') as number);
    expect(new Set(nows).size).toBe(3);
    expect(nows[1]! - nows[0]!).toBeGreaterThan(4_900); // n2's clock is 5 s ahead
    expect(nows[0]! - nows[2]!).toBeGreaterThan(4_900);
    expect(new Set(rands).size).toBe(3);
    for (const id of ['n1', 'n2', 'n3']) expect(valueIn(states[id], 'plain')).toBe(42);
    // The client was told the leader's value.
    expect(c.client().requests[0]!.final?.value).toBe(nows[0]);
    // What travelled is the statement itself.
    const shipped = entryRecords(c, 'n2').map((record) => record.t === 'entry' && record.payload);
    expect(shipped).toContainEqual({ kind: 'statement', statement: { f: 'write', key: 'now', value: 'NOW()' } });
  });

  it.each(['wal', 'row'] as const)('%s: the leader evaluates once and every replica stores its result', (replication) => {
    const c = nondeterministicWrites(replication);
    const states = c.states();
    expect(states.n2).toEqual(states.n1);
    expect(states.n3).toEqual(states.n1);
    expect(typeof valueIn(states.n1, 'now')).toBe('number');
  });

  it('wal: followers hold the leader’s storage records byte for byte, idempotency records included', () => {
    const c = cluster({ replication: 'wal' });
    c.at(100, () => c.client().send('n1', 'incr', 'k', 3, { idempotencyKey: 'op-1' }));
    c.world.runUntil(400);
    const leader = entryRecords(c, 'n1');
    expect(JSON.stringify(entryRecords(c, 'n2'))).toBe(JSON.stringify(leader));
    expect(JSON.stringify(entryRecords(c, 'n3'))).toBe(JSON.stringify(leader));
    const last = leader[leader.length - 1]!;
    expect(last.t === 'entry' && last.payload).toEqual({
      kind: 'wal',
      records: [
        { op: 'set', key: 'k', value: 3 },
        { op: 'idem', idempotencyKey: 'op-1', value: 3 },
      ],
    });
  });

  it('row: the log carries each change as {key, before, after}', () => {
    const c = cluster({ replication: 'row' });
    c.at(100, () => c.client().send('n1', 'write', 'x', 1));
    c.at(150, () => c.client().send('n1', 'append', 'x', 'ignored')); // type mismatch: not logged
    c.at(200, () => c.client().send('n1', 'write', 'x', 2));
    c.world.runUntil(400);
    const rows = entryRecords(c, 'n3').flatMap((record) => (record.t === 'entry' && record.payload.kind === 'row' ? record.payload.changes : []));
    expect(rows).toEqual([
      { key: 'x', before: null, after: 1 },
      { key: 'x', before: 1, after: 2 },
    ]);
    expect(c.client().requests[1]!.final).toMatchObject({ outcome: 'fail', error: 'type-mismatch' });
  });
});
