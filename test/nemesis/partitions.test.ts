import { describe, expect, test } from 'vitest';
import type { Fault, FaultKind } from '../../src/nemesis/fault.js';
import { blocked, nemesisWorld, pingerStore } from './nemesis-world.js';

/** Both directions between every node of `a` and every node of `b`. */
function cut(a: string[], b: string[]): string[] {
  return a.flatMap((x) => b.flatMap((y) => [`${x}->${y}`, `${y}->${x}`])).sort();
}

function blockedDuring(kind: FaultKind, nodes: number, targets?: string[]): { during: string[]; after: string[] } {
  const fault: Fault = { kind, atMs: 10, durationMs: 50, ...(targets === undefined ? {} : { targets }) };
  const { world } = nemesisWorld({ store: pingerStore(nodes, new Map()), faults: [fault], clients: 1 });
  world.runUntil(30);
  const during = blocked(world);
  world.runUntil(100);
  return { during, after: blocked(world) };
}

describe('partitions block exactly the links of their shape, and heal restores them', () => {
  test('partition-one isolates the target from the other store nodes (never from clients)', () => {
    const { during, after } = blockedDuring('partition-one', 3, ['n2']);
    expect(during).toEqual(cut(['n2'], ['n1', 'n3']));
    expect(after).toEqual([]);
  });

  test('partition-majority splits the targets\' order into a majority and a minority', () => {
    const { during, after } = blockedDuring('partition-majority', 5, ['n5', 'n4', 'n3', 'n2', 'n1']);
    expect(during).toEqual(cut(['n5', 'n4', 'n3'], ['n2', 'n1']));
    expect(after).toEqual([]);
  });

  test('partition-third cuts off a minority third', () => {
    expect(blockedDuring('partition-third', 6, ['n1', 'n2']).during).toEqual(cut(['n1', 'n2'], ['n3', 'n4', 'n5', 'n6']));
  });

  test('partition-bridge keeps the bridge node connected to both halves', () => {
    const { during } = blockedDuring('partition-bridge', 5, ['n3', 'n1', 'n2', 'n4', 'n5']);
    expect(during).toEqual(cut(['n1', 'n2'], ['n4', 'n5']));
    expect(during.some((link) => link.includes('n3'))).toBe(false);
  });

  test('partition-ring on five nodes lets each node hear only its two ring neighbours', () => {
    const { during, after } = blockedDuring('partition-ring', 5);
    const ids = ['n1', 'n2', 'n3', 'n4', 'n5'];
    for (const [i, node] of ids.entries()) {
      const neighbours = [ids[(i + 1) % 5]!, ids[(i + 4) % 5]!];
      for (const other of ids.filter((id) => id !== node)) {
        expect(during.includes(`${other}->${node}`)).toBe(!neighbours.includes(other));
      }
    }
    expect(after).toEqual([]);
  });

  test('partition-one-way cuts what the node sends, not what it receives', () => {
    const { during } = blockedDuring('partition-one-way', 3, ['n1']);
    expect(during).toEqual(['n1->n2', 'n1->n3']);
  });

  test('partition-group cuts off the store\'s first group when no targets are named', () => {
    const store = pingerStore(4, new Map(), { groups: [['n1', 'n2'], ['n3', 'n4']] });
    const { world } = nemesisWorld({ store, faults: [{ kind: 'partition-group', atMs: 10, durationMs: 50 }] });
    world.runUntil(30);
    expect(blocked(world)).toEqual(cut(['n1', 'n2'], ['n3', 'n4']));
  });

  test('partition-leader isolates the node the store names as leader when the fault starts', () => {
    let leader = 'n1';
    const store = pingerStore(3, new Map(), { currentLeaders: () => [leader] });
    const { world, history } = nemesisWorld({ store, faults: [{ kind: 'partition-leader', atMs: 10, durationMs: 50, targets: ['n1'] }] });
    leader = 'n3';
    world.runUntil(30);
    expect(blocked(world)).toEqual(cut(['n3'], ['n1', 'n2']));
    expect(history.ops[0]!.value).toMatchObject({ kind: 'partition-leader', groups: [['n3'], ['n1', 'n2']] });
  });

  test('partition-leader falls back to its targets when no leader is known, and does nothing without either', () => {
    const store = pingerStore(3, new Map(), { currentLeaders: () => [] });
    const { world } = nemesisWorld({ store, faults: [{ kind: 'partition-leader', atMs: 10, durationMs: 50, targets: ['n2'] }, { kind: 'partition-leader', atMs: 70, durationMs: 10 }] });
    world.runUntil(30);
    expect(blocked(world)).toEqual(cut(['n2'], ['n1', 'n3']));
    world.runUntil(75);
    expect(blocked(world)).toEqual([]);
  });

  test('targets that name no store node are ignored (a shrunk cluster is smaller)', () => {
    expect(blockedDuring('partition-one', 3, ['n7']).during).toEqual([]);
  });

  test('overlapping partitions: healing one keeps the cuts the other still holds', () => {
    const faults: Fault[] = [
      { kind: 'partition-one', atMs: 10, durationMs: 40, targets: ['n1'] },
      { kind: 'partition-majority', atMs: 20, durationMs: 60, targets: ['n2', 'n3', 'n1'] },
    ];
    const { world } = nemesisWorld({ store: pingerStore(3, new Map()), faults });
    world.runUntil(30);
    expect(blocked(world)).toEqual(cut(['n1'], ['n2', 'n3']));
    world.runUntil(60);
    expect(blocked(world)).toEqual(cut(['n1'], ['n2', 'n3']));
    world.runUntil(90);
    expect(blocked(world)).toEqual([]);
  });

  test('an isolated node really stops hearing the others until the heal', () => {
    const logs = new Map();
    const { world } = nemesisWorld({ store: pingerStore(3, logs), faults: [{ kind: 'partition-one', atMs: 20, durationMs: 50, targets: ['n1'] }] });
    world.runUntil(120);
    const arrivals = logs.get('n1').delaysMs.map((entry: { atMs: number }) => entry.atMs);
    expect(arrivals.some((t: number) => t > 22 && t < 70)).toBe(false);
    expect(arrivals.some((t: number) => t > 75)).toBe(true);
  });
});
