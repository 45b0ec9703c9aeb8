import { describe, expect, test } from 'vitest';
import type { Fault } from '../../src/nemesis/fault.js';
import type { World } from '../../src/sim/world.js';
import { nemesisWorld, pingerStore, type PingLog } from './nemesis-world.js';

function run(faults: Fault[], untilMs = 200) {
  const logs = new Map<string, PingLog>();
  const setup = nemesisWorld({ store: pingerStore(3, logs), faults });
  setup.world.runUntil(untilMs);
  return { ...setup, logs };
}

/** Messages delivered on the links between n1 and the others, in each direction. */
function delivered(world: World): number {
  return ['n2', 'n3'].reduce((sum, other) => sum + world.stats.link('n1', other).delivered + world.stats.link(other, 'n1').delivered, 0);
}

describe('packet faults act on the links touching their targets', () => {
  test('loss 1.0 drops every message to and from the target until the heal', () => {
    const faults: Fault[] = [{ kind: 'loss', atMs: 50, durationMs: 50, targets: ['n1'], params: { probability: 1 } }];
    const { world } = nemesisWorld({ store: pingerStore(3, new Map()), faults });
    world.runUntil(50);
    const before = delivered(world);
    world.runUntil(99);
    // Messages already on the wire at 50 may still arrive; nothing sent after does.
    const during = delivered(world);
    expect(during - before).toBeLessThanOrEqual(4);
    expect(world.stats.link('n2', 'n3').delivered).toBeGreaterThan(10);
    world.runUntil(150);
    expect(delivered(world) - during).toBeGreaterThan(10);
  });

  test('duplicate 1.0 doubles messages only while in force', () => {
    const faults: Fault[] = [{ kind: 'duplicate', atMs: 50, durationMs: 50, targets: ['n2'], params: { probability: 1 } }];
    const { world } = nemesisWorld({ store: pingerStore(3, new Map()), faults });
    world.runUntil(49);
    expect(world.stats.link('n2', 'n1').duplicated).toBe(0);
    world.runUntil(100);
    const duplicated = world.stats.link('n2', 'n1').duplicated;
    expect(duplicated).toBeGreaterThan(5);
    world.runUntil(200);
    expect(world.stats.link('n2', 'n1').duplicated).toBe(duplicated);
    expect(world.stats.link('n1', 'n3').duplicated).toBe(0);
  });

  test('latency adds the extra delay to messages of the target only while in force', () => {
    const { logs } = run([{ kind: 'latency', atMs: 50, durationMs: 100, targets: ['n1'], params: { extraMs: 40 } }], 300);
    const received = logs.get('n2')!.delaysMs;
    const fromN1 = (fromMs: number, toMs: number) => received.filter((e) => e.from === 'n1' && e.atMs > fromMs && e.atMs < toMs);
    expect(fromN1(100, 150).every((e) => e.delayMs >= 40)).toBe(true);
    expect(fromN1(100, 150).length).toBeGreaterThan(0);
    expect(fromN1(200, 300).every((e) => e.delayMs < 40)).toBe(true);
    expect(received.filter((e) => e.from === 'n3').every((e) => e.delayMs < 40)).toBe(true);
  });

  test('reorder lets later messages overtake earlier ones only while in force', () => {
    const { logs } = run([{ kind: 'reorder', atMs: 0, durationMs: 150, targets: ['n1'], params: { probability: 1, maxDelayMs: 30 } }], 400);
    const seqs = logs.get('n2')!.seqs.get('n1')!;
    const outOfOrder = seqs.filter((seq, i) => i > 0 && seq < seqs[i - 1]!).length;
    expect(outOfOrder).toBeGreaterThan(0);
    // Well after the heal, n1's pings to n2 arrive in order again.
    const late = seqs.slice(-20);
    expect(late).toEqual([...late].sort((a, b) => a - b));
  });
});

describe('clock faults move one node\'s clock and the heal resets it', () => {
  test('clock-bump jumps the target\'s clock by offsetMs', () => {
    const { world } = nemesisWorld({ store: pingerStore(3, new Map()), faults: [{ kind: 'clock-bump', atMs: 10, durationMs: 50, targets: ['n2'], params: { offsetMs: -700 } }] });
    world.runUntil(30);
    expect(world.clockOf('n2')).toBe(30 - 700);
    expect(world.clockOf('n1')).toBe(30);
    world.runUntil(70);
    expect(world.clockOf('n2')).toBe(70);
  });

  test('clock-strobe jumps the clock forward and back every periodMs', () => {
    const { world } = nemesisWorld({ store: pingerStore(3, new Map()), faults: [{ kind: 'clock-strobe', atMs: 10, durationMs: 100, targets: ['n1'], params: { offsetMs: 300, periodMs: 10 } }] });
    const offsets: number[] = [];
    for (let t = 15; t < 110; t += 10) {
      world.runUntil(t);
      offsets.push(world.clockOf('n1') - t);
    }
    expect(offsets).toEqual([300, 0, 300, 0, 300, 0, 300, 0, 300, 0]);
    world.runUntil(150);
    expect(world.clockOf('n1')).toBe(150);
  });

  test('clock-drift makes the clock run fast, then the heal puts it back on virtual time', () => {
    const { world } = nemesisWorld({ store: pingerStore(3, new Map()), faults: [{ kind: 'clock-drift', atMs: 100, durationMs: 100, targets: ['n3'], params: { drift: 0.5 } }] });
    world.runUntil(150);
    expect(world.clockOf('n3')).toBeCloseTo(175, 6);
    world.runUntil(250);
    expect(world.clockOf('n3')).toBe(250);
  });

  test('two clock faults on one node: the later one rules, and healing it brings the earlier one back', () => {
    const faults: Fault[] = [
      { kind: 'clock-bump', atMs: 10, durationMs: 100, targets: ['n1'], params: { offsetMs: 500 } },
      { kind: 'clock-bump', atMs: 20, durationMs: 30, targets: ['n1'], params: { offsetMs: -200 } },
    ];
    const { world } = nemesisWorld({ store: pingerStore(3, new Map()), faults });
    world.runUntil(30);
    expect(world.clockOf('n1')).toBe(30 - 200);
    world.runUntil(60);
    expect(world.clockOf('n1')).toBe(60 + 500);
    world.runUntil(120);
    expect(world.clockOf('n1')).toBe(120);
  });
});
