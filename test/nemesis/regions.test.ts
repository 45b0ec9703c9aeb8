import { describe, expect, test } from 'vitest';
import type { Fault } from '../../src/nemesis/fault.js';
import { blocked, nemesisWorld, pingerStore, type PingLog } from './nemesis-world.js';

const GROUPS = [['n1', 'n2'], ['n3', 'n4', 'n5']];

describe('region faults', () => {
  test('region-loss destroys every node of the group with its disk, and the heal brings none back', () => {
    const fault: Fault = { kind: 'region-loss', atMs: 10, durationMs: 50, targets: ['n1', 'n2'] };
    const store = pingerStore(5, new Map(), { groups: GROUPS });
    const { world, history } = nemesisWorld({ store, faults: [fault] });
    world.runUntil(5);
    expect(world.disk('n1').size).toBe(1);
    world.runUntil(100);
    for (const id of ['n1', 'n2']) {
      expect(world.nodeState(id)).toBe('down');
      expect(world.isDestroyed(id)).toBe(true);
      expect(world.disk(id).size).toBe(0);
      expect(world.restart(id)).toBe(false);
    }
    for (const id of ['n3', 'n4', 'n5']) expect(world.nodeState(id)).toBe('up');
    const ops = history.ops.filter((op) => op.process === 'nemesis').map((op) => op.f);
    expect(ops).toEqual(['start-crash', 'stop-crash']);
  });

  test('region-isolation cuts the group off, intact, and the heal joins it again', () => {
    const logs = new Map<string, PingLog>();
    const fault: Fault = { kind: 'region-isolation', atMs: 10, durationMs: 50, targets: ['n3', 'n4', 'n5'] };
    const { world } = nemesisWorld({ store: pingerStore(5, logs, { groups: GROUPS }), faults: [fault] });
    world.runUntil(30);
    expect(blocked(world)).toContain('n1->n3');
    expect(blocked(world)).toContain('n5->n2');
    expect(blocked(world)).not.toContain('n3->n4');
    for (const id of ['n1', 'n2', 'n3', 'n4', 'n5']) expect(world.nodeState(id)).toBe('up');
    const heardFromN1 = logs.get('n3')!.seqs.get('n1')!.length;
    world.runUntil(55);
    expect(logs.get('n3')!.seqs.get('n1')!.length).toBe(heardFromN1);
    world.runUntil(100);
    expect(blocked(world)).toEqual([]);
    expect(logs.get('n3')!.seqs.get('n1')!.length).toBeGreaterThan(heardFromN1);
    expect(world.disk('n3').size).toBe(1);
  });
});
