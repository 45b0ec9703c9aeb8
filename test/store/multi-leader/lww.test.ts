import { describe, expect, it } from 'vitest';
import { Harness } from './support/harness.js';
import { splitGroups, expectAllEqual } from './support/scenarios.js';

describe('LWW under clock skew', () => {
  it('keeps the earlier write when the earlier leader clock runs ahead', () => {
    const h = new Harness({ conflictResolution: 'lww' });
    h.do(1, 'skew', () => h.world.bumpClock('dc1-n1', 10_000));
    splitGroups(h, 300);
    h.at(10, 'older', 'dc1-n1', { f: 'write', key: 'x', value: 'older' });
    h.at(100, 'newer', 'dc2-n1', { f: 'write', key: 'x', value: 'newer' });
    h.at(600, 'read2', 'dc2-n1', { f: 'read', key: 'x' });
    h.runUntil(700);

    const older = h.reply('older')!;
    const newer = h.reply('newer')!;
    expect(older.reply.outcome).toBe('ok');
    expect(newer.reply.outcome).toBe('ok');
    expect(newer.atMs).toBeGreaterThan(older.atMs);
    // The write acknowledged later in real time is gone, everywhere.
    expect(h.reply('read2')?.reply.value).toBe('older');
    for (const id of h.store.nodeIds) expect(h.state(id).x?.values, id).toEqual(['older']);
    expectAllEqual(h);
    expect(h.traced('conflict').map((c) => c.detail)).toContainEqual(
      expect.objectContaining({ key: 'x', resolution: 'lww', winner: 'dc1-n1' }),
    );
  });

  it('keeps the later write when clocks agree', () => {
    const h = new Harness({ conflictResolution: 'lww' });
    splitGroups(h, 300);
    h.at(10, 'older', 'dc1-n1', { f: 'write', key: 'x', value: 'older' });
    h.at(100, 'newer', 'dc2-n1', { f: 'write', key: 'x', value: 'newer' });
    h.runUntil(700);
    for (const id of h.store.nodeIds) expect(h.state(id).x?.values, id).toEqual(['newer']);
  });

  it('does not resurrect a lost write when a slow-clock leader supersedes the winner', () => {
    const h = new Harness({ groups: [{ name: 'a', nodes: 1 }, { name: 'b', nodes: 1 }, { name: 'c', nodes: 1 }] });
    h.do(1, 'skew', () => {
      h.world.bumpClock('a-n1', 10_000);
      h.world.bumpClock('b-n1', 5_000);
    });
    h.do(2, 'isolate b', () => h.world.partitionGroups([['b-n1'], ['a-n1', 'c-n1']]));
    h.at(10, 'A', 'a-n1', { f: 'write', key: 'x', value: 'A' });
    h.at(10, 'B', 'b-n1', { f: 'write', key: 'x', value: 'B' });
    // c has seen A (its clock reads ~200, far below A's stamp) and overwrites it.
    h.at(200, 'C', 'c-n1', { f: 'write', key: 'x', value: 'C' });
    h.do(300, 'heal', () => h.world.heal());
    h.runUntil(800);
    // B lost to A (10 s ahead beats 5 s ahead); C superseded A, so B must not come back.
    for (const id of h.store.nodeIds) expect(h.state(id).x?.values, id).toEqual(['C']);
  });

  it('lets a write that saw the other version win, whatever the clocks say', () => {
    const h = new Harness({ conflictResolution: 'lww' });
    h.do(1, 'skew', () => h.world.bumpClock('dc1-n1', 10_000));
    h.at(10, 'first', 'dc1-n1', { f: 'write', key: 'x', value: 'first' });
    // By 200 ms dc2 has received the first write, so this one supersedes it.
    h.at(200, 'second', 'dc2-n1', { f: 'write', key: 'x', value: 'second' });
    h.runUntil(600);
    for (const id of h.store.nodeIds) expect(h.state(id).x?.values, id).toEqual(['second']);
    expect(h.traced('conflict')).toEqual([]);
  });
});
