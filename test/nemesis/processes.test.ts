import { describe, expect, test } from 'vitest';
import type { Fault, FaultKind } from '../../src/nemesis/fault.js';
import { leadersFromTrace } from '../../src/nemesis/leaders.js';
import { singleLeaderStore } from '../../src/store/single-leader/store.js';
import type { StoreDefinition } from '../../src/store/definition.js';
import { blocked, nemesisWorld, pingerStore } from './nemesis-world.js';

const FIVE = ['n1', 'n2', 'n3', 'n4', 'n5'];

function downDuring(kind: FaultKind, targets?: string[]): { during: string[]; after: string[] } {
  const fault: Fault = { kind, atMs: 10, durationMs: 50, ...(targets === undefined ? {} : { targets }) };
  const { world } = nemesisWorld({ store: pingerStore(5, new Map()), faults: [fault] });
  world.runUntil(30);
  const during = FIVE.filter((id) => world.nodeState(id) === 'down');
  world.runUntil(100);
  return { during, after: FIVE.filter((id) => world.nodeState(id) === 'down') };
}

describe('process faults crash and restart, pause and resume, slow down', () => {
  test.each([
    ['crash-one', ['n4'], ['n4']],
    ['crash-minority', ['n5', 'n2', 'n1'], ['n5', 'n2']],
    ['crash-majority', ['n5', 'n2', 'n1'], ['n1', 'n2', 'n5']],
    ['crash-all', undefined, FIVE],
  ] as const)('%s crashes the right nodes and the heal restarts them', (kind, targets, expected) => {
    const { during, after } = downDuring(kind, targets as string[] | undefined);
    expect(during.sort()).toEqual([...expected].sort());
    expect(after).toEqual([]);
  });

  test('crash-unsynced loses the appends not yet fsynced; crash-one keeps them', () => {
    const faults: Fault[] = [
      { kind: 'crash-one', atMs: 10, durationMs: 20, targets: ['n1'] },
      { kind: 'crash-unsynced', atMs: 10, durationMs: 20, targets: ['n2'] },
    ];
    const { world } = nemesisWorld({ store: pingerStore(3, new Map()), faults });
    world.runUntil(5);
    expect(world.disk('n1').size).toBe(1);
    expect(world.disk('n2').size).toBe(1);
    world.runUntil(20);
    expect(world.disk('n1').size).toBe(1);
    expect(world.disk('n2').size).toBe(0);
    world.runUntil(40);
    expect(world.nodeState('n2')).toBe('up');
  });

  test('overlapping crashes: a node stays down until the last fault holding it heals', () => {
    const faults: Fault[] = [
      { kind: 'crash-one', atMs: 10, durationMs: 20, targets: ['n1'] },
      { kind: 'crash-all', atMs: 20, durationMs: 40 },
    ];
    const { world } = nemesisWorld({ store: pingerStore(3, new Map()), faults });
    world.runUntil(40);
    expect(world.nodeState('n1')).toBe('down');
    world.runUntil(70);
    expect(['n1', 'n2', 'n3'].map((id) => world.nodeState(id))).toEqual(['up', 'up', 'up']);
  });

  test('pause freezes the node for the fault\'s duration; overlapping pauses end with the last', () => {
    const faults: Fault[] = [
      { kind: 'pause', atMs: 10, durationMs: 100, targets: ['n2'] },
      { kind: 'pause', atMs: 20, durationMs: 20, targets: ['n2'] },
    ];
    const { world } = nemesisWorld({ store: pingerStore(3, new Map()), faults });
    world.runUntil(50);
    expect(world.isPaused('n2')).toBe(true);
    world.runUntil(115);
    expect(world.isPaused('n2')).toBe(false);
  });

  test('slow sets the per-message delay and the heal sets it back to 0', () => {
    const { world } = nemesisWorld({ store: pingerStore(3, new Map()), faults: [{ kind: 'slow', atMs: 10, durationMs: 50, targets: ['n3'], params: { extraMs: 7 } }] });
    world.runUntil(100);
    const slowLines = world.trace.events.filter((event) => event.kind === 'slow').map((event) => `${event.timeMs} ${event.node} ${event.detail}`);
    expect(slowLines).toEqual(['10 n3 7ms per message', '60 n3 0ms per message']);
  });

  test('crash-leader crashes the leader the store elected', () => {
    const store = singleLeaderStore({}) as StoreDefinition<unknown>;
    const { world, history } = nemesisWorld({ store, faults: [{ kind: 'crash-leader', atMs: 500, durationMs: 100, targets: ['n3'] }] });
    world.runUntil(499);
    const [leader] = leadersFromTrace(world.trace.events);
    expect(leader).toBeDefined();
    world.runUntil(550);
    expect(world.nodeState(leader!)).toBe('down');
    expect(history.ops[0]!.value).toMatchObject({ kind: 'crash-leader', nodes: [leader] });
    world.runUntil(650);
    expect(world.nodeState(leader!)).toBe('up');
  });

  test('partition-leader isolates the leader the store elected', () => {
    const store = singleLeaderStore({}) as StoreDefinition<unknown>;
    const { world } = nemesisWorld({ store, faults: [{ kind: 'partition-leader', atMs: 500, durationMs: 100 }] });
    world.runUntil(499);
    const [leader] = leadersFromTrace(world.trace.events);
    world.runUntil(550);
    const others = ['n1', 'n2', 'n3'].filter((id) => id !== leader);
    expect(blocked(world)).toEqual(others.flatMap((o) => [`${leader}->${o}`, `${o}->${leader}`]).sort());
  });
});

describe('disk and discovery faults', () => {
  test('disk-full fills the target\'s disk until the heal', () => {
    const { world } = nemesisWorld({ store: pingerStore(3, new Map()), faults: [{ kind: 'disk-full', atMs: 10, durationMs: 50, targets: ['n2'] }] });
    world.runUntil(30);
    expect(world.disk('n2').isFull).toBe(true);
    expect(world.disk('n1').isFull).toBe(false);
    world.runUntil(70);
    expect(world.disk('n2').isFull).toBe(false);
  });

  test('discovery takes the clients\' discovery service down until the heal', () => {
    const { world, discovery } = nemesisWorld({ store: pingerStore(3, new Map()), faults: [{ kind: 'discovery', atMs: 10, durationMs: 50 }] });
    world.runUntil(30);
    expect(discovery.isDown(world.now())).toBe(true);
    world.runUntil(70);
    expect(discovery.isDown(world.now())).toBe(false);
  });
});
