import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FAULT_KINDS, FAULT_PARAMS, PERMANENT_FAULT_KINDS, type Fault, type FaultKind } from '../../src/nemesis/fault.js';
import { nemesisWorld, pingerStore, type PingLog } from './nemesis-world.js';

const NODES = ['n1', 'n2', 'n3', 'n4', 'n5'];

/** Any fault of the catalogue a heal undoes (a destroyed node stays destroyed: see regions.test.ts), with targets that may name nodes the store lacks and parameters in the generator's ranges. */
function faultArb(): fc.Arbitrary<Fault> {
  return fc.constantFrom(...FAULT_KINDS.filter((kind) => !PERMANENT_FAULT_KINDS.includes(kind))).chain((kind: FaultKind) => {
    const ranges = FAULT_PARAMS[kind] ?? {};
    const params = fc.record(Object.fromEntries(Object.entries(ranges).map(([name, r]) => [name, fc.double({ min: r.min, max: r.max, noNaN: true })])));
    return fc.record({
      kind: fc.constant(kind),
      atMs: fc.integer({ min: 0, max: 300 }),
      durationMs: fc.integer({ min: 0, max: 400 }),
      targets: fc.option(fc.shuffledSubarray([...NODES, 'n9']), { nil: undefined }),
      params,
    }).map(({ targets, ...fault }): Fault => (targets === undefined ? fault : { ...fault, targets }));
  });
}

describe('the final heal', () => {
  test('leaves a clean world whatever the schedule, and closes every fault it opened', () => {
    const scenarioArb = fc.record({ faults: fc.array(faultArb(), { maxLength: 6 }), stopAtMs: fc.integer({ min: 0, max: 500 }), seed: fc.integer() });
    fc.assert(fc.property(scenarioArb, ({ faults, stopAtMs, seed }) => {
      const logs = new Map<string, PingLog>();
      const store = pingerStore(5, logs, { currentLeaders: () => ['n2'], groups: [['n1', 'n2'], ['n3', 'n4', 'n5']] });
      const { world, history, discovery, nemesis } = nemesisWorld({ store, faults, clients: 1, seed });
      world.runUntil(stopAtMs);
      nemesis.healAll();
      const healedAtMs = world.now();
      expect(nemesis.active()).toEqual([]);
      expect(world.blockedLinks()).toEqual([]);
      expect(discovery.isDown(healedAtMs)).toBe(false);
      for (const id of NODES) {
        expect(world.nodeState(id)).toBe('up');
        expect(world.isPaused(id)).toBe(false);
        expect(world.clockOf(id)).toBe(healedAtMs);
        expect(world.disk(id).isFull).toBe(false);
        expect(world.isTampered(id)).toBe(false);
      }
      // A node that was slow still works through the backlog it queued; its speed is back to normal.
      const slowed = new Map<string, string>();
      for (const event of world.trace.events) if (event.kind === 'slow') slowed.set(event.node!, event.detail!);
      for (const detail of slowed.values()) expect(detail).toBe('0ms per message');
      // Between the other nodes, once the messages sent under the fault have landed (links are FIFO), messages arrive on time, none lost or doubled.
      // (Arrivals are logged on the receiver's clock, skewed before the heal: count them by position instead.)
      world.runUntil(healedAtMs + 350);
      const landed = new Map([...logs.entries()].map(([to, log]) => [to, log.delaysMs.length]));
      world.runUntil(healedAtMs + 400);
      const lateDelays = [...logs.entries()]
        .filter(([to]) => !slowed.has(to))
        .flatMap(([to, log]) => log.delaysMs.slice(landed.get(to)).filter((entry) => !slowed.has(entry.from)).map((entry) => entry.delayMs));
      if (slowed.size < NODES.length - 1) expect(lateDelays.length).toBeGreaterThan(0);
      expect(Math.max(0, ...lateDelays)).toBeLessThanOrEqual(1);
      const before = world.stats.total();
      world.runUntil(healedAtMs + 500);
      const after = world.stats.total();
      expect(after.dropped - before.dropped).toBe(0);
      expect(after.duplicated - before.duplicated).toBe(0);
      expect(world.clockOf('n1')).toBe(world.now());
      // Every start has one stop after it; nothing starts after the heal.
      const nemesisOps = history.ops.filter((op) => op.process === 'nemesis');
      const starts = nemesisOps.filter((op) => op.f.startsWith('start-'));
      const stops = nemesisOps.filter((op) => op.f.startsWith('stop-'));
      expect(stops.length).toBe(starts.length);
      for (const start of starts) {
        const fault = (start.value as { fault: number }).fault;
        const stop = stops.find((op) => (op.value as { fault: number }).fault === fault)!;
        expect(stop.f).toBe(start.f.replace('start-', 'stop-'));
        expect(stop.index).toBeGreaterThan(start.index);
      }
      expect(nemesisOps.every((op) => op.time <= healedAtMs * 1e6)).toBe(true);
    }), { numRuns: 60 });
  });

  test('nemesis ops are info ops of process nemesis, in time order, one start and one stop per fault', () => {
    const faults: Fault[] = [
      { kind: 'crash-one', atMs: 30, durationMs: 50, targets: ['n1'] },
      { kind: 'partition-majority', atMs: 10, durationMs: 100 },
      { kind: 'loss', atMs: 20, durationMs: 10, targets: ['n2'] },
    ];
    const { world, history } = nemesisWorld({ store: pingerStore(3, new Map()), faults });
    world.runUntil(200);
    expect(history.ops.map((op) => [op.time / 1e6, op.process, op.type, op.f, (op.value as { fault: number }).fault])).toEqual([
      [10, 'nemesis', 'info', 'start-partition', 1],
      [20, 'nemesis', 'info', 'start-packet', 2],
      [30, 'nemesis', 'info', 'start-crash', 0],
      [30, 'nemesis', 'info', 'stop-packet', 2],
      [80, 'nemesis', 'info', 'stop-crash', 0],
      [110, 'nemesis', 'info', 'stop-partition', 1],
    ]);
    expect(history.ops[0]!.value).toEqual({ fault: 1, kind: 'partition-majority', groups: [['n1', 'n2'], ['n3']] });
    expect(history.ops[1]!.value).toEqual({ fault: 2, kind: 'loss', nodes: ['n2'], probability: 0.3 });
  });

  test('healAll heals the faults in force, latest first, and the ones not started never start', () => {
    const faults: Fault[] = [
      { kind: 'pause', atMs: 10, durationMs: 500, targets: ['n1'] },
      { kind: 'disk-full', atMs: 20, durationMs: 500, targets: ['n2'] },
      { kind: 'crash-one', atMs: 300, durationMs: 10, targets: ['n3'] },
    ];
    const { world, history, nemesis } = nemesisWorld({ store: pingerStore(3, new Map()), faults });
    world.runUntil(100);
    expect(nemesis.active()).toEqual([0, 1]);
    nemesis.healAll();
    world.runUntil(1000);
    expect(history.ops.map((op) => op.f)).toEqual(['start-pause', 'start-disk', 'stop-disk', 'stop-pause']);
    expect(world.nodeState('n3')).toBe('up');
  });
});
