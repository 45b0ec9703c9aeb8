import { describe, expect, it } from 'vitest';
import { Harness } from './support/harness.js';
import { GROUPS, splitGroups, expectAllEqual } from './support/scenarios.js';

describe('merge', () => {
  it('converges concurrent sadds in two groups to the union', () => {
    const h = new Harness({ conflictResolution: 'merge' });
    splitGroups(h, 300);
    h.at(10, 'a1', 'dc1-n1', { f: 'sadd', key: 's', value: 'apple' });
    h.at(12, 'a2', 'dc1-n1', { f: 'sadd', key: 's', value: 'cherry' });
    h.at(20, 'b1', 'dc2-n1', { f: 'sadd', key: 's', value: 'banana' });
    h.runUntil(700);
    for (const id of h.store.nodeIds) expect(h.state(id).s?.values, id).toEqual([['apple', 'banana', 'cherry']]);
    expectAllEqual(h);
  });

  it('converges concurrent incrs in two groups to the sum', () => {
    const h = new Harness({ conflictResolution: 'merge' });
    h.at(2, 'base', 'dc1-n1', { f: 'write', key: 'c', value: 100 });
    h.do(100, 'split', () => h.world.partitionGroups(GROUPS));
    h.at(110, 'a1', 'dc1-n1', { f: 'incr', key: 'c', value: 2 });
    h.at(112, 'a2', 'dc1-n1', { f: 'incr', key: 'c', value: 3 });
    h.at(120, 'b1', 'dc2-n1', { f: 'incr', key: 'c', value: 10 });
    h.at(125, 'b2', 'dc2-n1', { f: 'incr', key: 'c', value: -1 });
    h.do(300, 'heal', () => h.world.heal());
    h.at(600, 'read', 'dc2-n2', { f: 'read', key: 'c' });
    h.runUntil(700);
    expect(h.reply('b2')?.reply.value).toBe(109);
    for (const id of h.store.nodeIds) expect(h.state(id).c?.values, id).toEqual([114]);
    expectAllEqual(h);
  });

  it('loses one of two concurrent incrs under LWW (the contrast)', () => {
    const h = new Harness({ conflictResolution: 'lww' });
    splitGroups(h, 300);
    h.at(10, 'a', 'dc1-n1', { f: 'incr', key: 'c', value: 1 });
    h.at(20, 'b', 'dc2-n1', { f: 'incr', key: 'c', value: 1 });
    h.runUntil(700);
    for (const id of h.store.nodeIds) expect(h.state(id).c?.values, id).toEqual([1]);
  });

  it('falls back to LWW for concurrent plain writes', () => {
    const h = new Harness({ conflictResolution: 'merge' });
    splitGroups(h, 300);
    h.at(10, 'a', 'dc1-n1', { f: 'write', key: 'x', value: 'a' });
    h.at(20, 'b', 'dc2-n1', { f: 'write', key: 'x', value: 'b' });
    h.runUntil(700);
    for (const id of h.store.nodeIds) expect(h.state(id).x?.values, id).toEqual(['b']);
  });
});
