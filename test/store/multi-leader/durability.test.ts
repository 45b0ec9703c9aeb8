import { describe, expect, it } from 'vitest';
import { Harness } from './support/harness.js';

describe('multi-leader durability', () => {
  it('fsyncs before acknowledging: nothing acknowledged is unsynced', () => {
    const h = new Harness({});
    let unsyncedAtAck = -1;
    h.at(10, 'w', 'dc1-n1', { f: 'write', key: 'x', value: 1 });
    h.do(13, 'look', () => (unsyncedAtAck = h.world.disk('dc1-n1').unsynced));
    h.runUntil(14);
    expect(h.reply('w')?.reply.outcome).toBe('ok');
    expect(unsyncedAtAck).toBe(0);
  });

  it('rebuilds a crashed leader and a crashed follower from disk', () => {
    const h = new Harness({ conflictResolution: 'siblings' });
    h.do(5, 'split', () => h.world.partitionGroups([['dc1-n1', 'dc1-n2'], ['dc2-n1', 'dc2-n2']]));
    h.at(10, 'a', 'dc1-n1', { f: 'write', key: 'x', value: 'a' });
    h.at(11, 'b', 'dc2-n1', { f: 'write', key: 'x', value: 'b' });
    h.at(12, 'c', 'dc1-n1', { f: 'sadd', key: 'set', value: 3 });
    h.do(200, 'heal', () => h.world.heal());
    let before: unknown;
    h.do(500, 'crash', () => {
      before = h.state('dc1-n1');
      h.world.crash('dc1-n1');
      h.world.crash('dc2-n2');
    });
    h.do(600, 'restart', () => {
      h.world.restart('dc1-n1');
      h.world.restart('dc2-n2');
    });
    h.at(700, 'read', 'dc1-n1', { f: 'read', key: 'x' });
    h.runUntil(800);
    expect(before).toMatchObject({ x: { values: ['a', 'b'] } });
    expect(h.state('dc1-n1')).toEqual(before);
    expect(h.state('dc2-n2')).toEqual(before);
    expect(h.reply('read')?.reply.value).toEqual(['a', 'b']);
    expect(h.traced('recovered').map((e) => e.node)).toEqual(['dc1-n1', 'dc2-n2']);
  });

  it('keeps writing after a restart with fresh version-vector counters above the old ones', () => {
    const h = new Harness({});
    h.at(10, 'w1', 'dc1-n1', { f: 'incr', key: 'c', value: 1 });
    h.do(50, 'crash', () => h.world.crash('dc1-n1'));
    h.do(60, 'restart', () => h.world.restart('dc1-n1'));
    h.at(70, 'w2', 'dc1-n1', { f: 'incr', key: 'c', value: 1 });
    h.runUntil(400);
    expect(h.reply('w2')?.reply.value).toBe(2);
    for (const id of h.store.nodeIds) expect(h.state(id).c, id).toEqual({ values: [2], version: { 'dc1-n1': 2 } });
  });

  it('applies a retried write once when it carries an idempotency key, even across a restart', () => {
    const h = new Harness({});
    h.at(10, 'first', 'dc1-n1', { f: 'incr', key: 'c', value: 5, idempotencyKey: 'op-1' });
    h.at(20, 'retry', 'dc1-n1', { f: 'incr', key: 'c', value: 5, idempotencyKey: 'op-1' });
    h.do(30, 'crash', () => h.world.crash('dc1-n1'));
    h.do(40, 'restart', () => h.world.restart('dc1-n1'));
    h.at(50, 'retry-after-restart', 'dc1-n1', { f: 'incr', key: 'c', value: 5, idempotencyKey: 'op-1' });
    h.runUntil(300);
    for (const label of ['first', 'retry', 'retry-after-restart']) {
      expect(h.reply(label)?.reply, label).toMatchObject({ outcome: 'ok', value: 5 });
    }
    for (const id of h.store.nodeIds) expect(h.state(id).c?.values, id).toEqual([5]);
    expect(h.traced('idempotent-replay')).toHaveLength(2);
  });

  it('dedupes a retry that lands on the other group once the write has replicated', () => {
    const h = new Harness({});
    h.at(10, 'first', 'dc1-n1', { f: 'incr', key: 'c', value: 1, idempotencyKey: 'op-1' });
    h.at(200, 'retry', 'dc2-n1', { f: 'incr', key: 'c', value: 1, idempotencyKey: 'op-1' });
    h.runUntil(500);
    for (const id of h.store.nodeIds) expect(h.state(id).c?.values, id).toEqual([1]);
  });

  it('applies a retried write twice without an idempotency key', () => {
    const h = new Harness({});
    h.at(10, 'first', 'dc1-n1', { f: 'incr', key: 'c', value: 5 });
    h.at(20, 'retry', 'dc1-n1', { f: 'incr', key: 'c', value: 5 });
    h.runUntil(300);
    for (const id of h.store.nodeIds) expect(h.state(id).c?.values, id).toEqual([10]);
  });

  it('fails writes on a full disk (nothing applied) and accepts them again once freed', () => {
    const h = new Harness({});
    h.at(10, 'before', 'dc1-n1', { f: 'write', key: 'x', value: 'before' });
    h.do(50, 'fill', () => h.world.fillDisk('dc1-n1'));
    h.at(60, 'refused', 'dc1-n1', { f: 'write', key: 'x', value: 'refused' });
    h.at(70, 'read', 'dc1-n1', { f: 'read', key: 'x' });
    h.do(100, 'free', () => h.world.freeDisk('dc1-n1'));
    h.at(110, 'after', 'dc1-n1', { f: 'write', key: 'x', value: 'after' });
    h.runUntil(400);
    expect(h.reply('refused')?.reply).toMatchObject({ outcome: 'fail', error: 'disk-full' });
    expect(h.reply('read')?.reply.value).toBe('before');
    expect(h.reply('after')?.reply.outcome).toBe('ok');
    for (const id of h.store.nodeIds) expect(h.state(id).x?.values, id).toEqual(['after']);
  });

  it('holds replication to a leader with a full disk until it is freed, then catches up', () => {
    const h = new Harness({});
    h.do(5, 'fill', () => h.world.fillDisk('dc2-n1'));
    h.at(10, 'w', 'dc1-n1', { f: 'write', key: 'x', value: 'v' });
    h.at(200, 'during', 'dc2-n1', { f: 'read', key: 'x' });
    h.do(300, 'free', () => h.world.freeDisk('dc2-n1'));
    h.at(500, 'after', 'dc2-n1', { f: 'read', key: 'x' });
    h.runUntil(600);
    expect(h.reply('during')?.reply.value).toBe(null);
    expect(h.reply('after')?.reply.value).toBe('v');
    expect(h.state('dc2-n2').x?.values).toEqual(['v']);
  });
});
