import { describe, expect, it } from 'vitest';
import { Harness } from './support/harness.js';

const TWO_BY_THREE = { groups: [{ name: 'dc1', nodes: 3 }, { name: 'dc2', nodes: 3 }] };

describe('multi-leader replication', () => {
  it('ships a write to the other leader and to every follower of both groups', () => {
    const h = new Harness(TWO_BY_THREE);
    h.at(10, 'w', 'dc1-n1', { f: 'write', key: 'x', value: 'a' });
    h.at(300, 'r', 'dc2-n1', { f: 'read', key: 'x' });
    h.runUntil(400);
    expect(h.reply('w')?.reply).toMatchObject({ outcome: 'ok', value: 'a' });
    expect(h.reply('r')?.reply).toMatchObject({ outcome: 'ok', value: 'a' });
    for (const id of h.store.nodeIds) {
      expect(h.state(id)).toEqual({ x: { values: ['a'], version: { 'dc1-n1': 1 } } });
    }
  });

  it('reads a missing key as null', () => {
    const h = new Harness({});
    h.at(10, 'r', 'dc1-n1', { f: 'read', key: 'nothing' });
    h.runUntil(50);
    expect(h.reply('r')?.reply).toMatchObject({ outcome: 'ok', value: null });
  });

  it('has followers redirect writes (and leader-only reads) to their group leader', () => {
    const h = new Harness(TWO_BY_THREE);
    h.at(10, 'w', 'dc2-n3', { f: 'write', key: 'x', value: 1 });
    h.at(10, 'r', 'dc2-n3', { f: 'read', key: 'x' });
    h.runUntil(50);
    expect(h.reply('w')?.reply).toMatchObject({ outcome: 'redirect', leader: 'dc2-n1' });
    expect(h.reply('r')?.reply).toMatchObject({ outcome: 'redirect', leader: 'dc2-n1' });
  });

  it("serves follower reads with readFrom 'any', stale until the follower catches up", () => {
    const h = new Harness({ ...TWO_BY_THREE, readFrom: 'any', replicationIntervalMs: 100 });
    h.at(10, 'w', 'dc1-n1', { f: 'write', key: 'x', value: 'new' });
    h.at(20, 'early', 'dc1-n2', { f: 'read', key: 'x' });
    h.at(400, 'late', 'dc1-n2', { f: 'read', key: 'x' });
    h.runUntil(500);
    expect(h.reply('w')?.reply.outcome).toBe('ok');
    expect(h.reply('early')?.reply).toMatchObject({ outcome: 'ok', value: null });
    expect(h.reply('late')?.reply).toMatchObject({ outcome: 'ok', value: 'new' });
  });

  it('applies a follower log in the leader order', () => {
    const h = new Harness({ groups: [{ name: 'dc1', nodes: 2 }], replicationIntervalMs: 50, replicationBatch: 2 });
    for (let i = 0; i < 7; i++) h.at(10 + i, `w${i}`, 'dc1-n1', { f: 'append', key: 's', value: String(i) });
    h.runUntil(1000);
    expect(h.state('dc1-n2')).toEqual(h.state('dc1-n1'));
    expect(h.state('dc1-n2').s?.values).toEqual(['0123456']);
  });

  it('keeps an outbox across a partition between groups and delivers it after the heal', () => {
    const h = new Harness({});
    const leaders = [['dc1-n1', 'dc1-n2'], ['dc2-n1', 'dc2-n2']];
    h.do(5, 'split', () => h.world.partitionGroups(leaders));
    for (let i = 0; i < 5; i++) h.at(10 + i, `w${i}`, 'dc1-n1', { f: 'incr', key: 'k', value: 1 });
    h.at(500, 'during', 'dc2-n1', { f: 'read', key: 'k' });
    h.do(600, 'heal', () => h.world.heal());
    h.at(900, 'after', 'dc2-n1', { f: 'read', key: 'k' });
    h.runUntil(1000);
    expect(h.reply('during')?.reply.value).toBe(null);
    expect(h.reply('after')?.reply.value).toBe(5);
  });

  it('keeps the outbox across a restart of the sending leader (it is on disk)', () => {
    const h = new Harness({});
    h.do(5, 'cut', () => h.world.partition([['dc1-n1', 'dc2-n1'], ['dc2-n1', 'dc1-n1']]));
    h.at(10, 'w', 'dc1-n1', { f: 'write', key: 'x', value: 'kept' });
    h.do(100, 'crash', () => h.world.crash('dc1-n1'));
    h.do(200, 'restart', () => h.world.restart('dc1-n1'));
    h.do(300, 'heal', () => h.world.heal());
    h.runUntil(600);
    expect(h.reply('w')?.reply.outcome).toBe('ok');
    expect(h.state('dc2-n1').x?.values).toEqual(['kept']);
    expect(h.state('dc2-n2').x?.values).toEqual(['kept']);
  });

  it('survives lossy, duplicating, reordering links: every node converges', () => {
    const h = new Harness(
      { groups: [{ name: 'a', nodes: 2 }, { name: 'b', nodes: 2 }, { name: 'c', nodes: 2 }], conflictResolution: 'merge' },
      { seed: 7, network: { latencyMs: { kind: 'uniform', min: 1, max: 10 }, lossProbability: 0.2, duplicateProbability: 0.2, reorderProbability: 0.3 } },
    );
    const leaders = ['a-n1', 'b-n1', 'c-n1'];
    for (let i = 0; i < 30; i++) h.at(10 + i * 3, `w${i}`, leaders[i % 3]!, { f: 'sadd', key: `k${i % 4}`, value: i });
    h.do(400, 'calm', () => h.world.setLoss(0));
    h.runUntil(2000);
    const reference = h.state('a-n1');
    for (const id of h.store.nodeIds) expect(h.state(id)).toEqual(reference);
    // Every acknowledged add is in the merged set on every node.
    for (let i = 0; i < 30; i++) {
      if (h.reply(`w${i}`)?.reply.outcome === 'ok') expect(reference[`k${i % 4}`]?.values[0]).toContain(i);
    }
  });
});
