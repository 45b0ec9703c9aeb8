import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { World, formatTrace, type LatencyDistribution } from '../../src/sim/index.js';
import { ChattyNode } from './chatty-node.js';

const NODES = ['n1', 'n2', 'n3', 'c1'];
const node = fc.constantFrom(...NODES);
const probability = fc.constantFrom(0, 0.1, 0.5);
const latency: fc.Arbitrary<LatencyDistribution> = fc.oneof(
  fc.constant({ kind: 'constant', value: 2 } as const),
  fc.constant({ kind: 'uniform', min: 1, max: 9 } as const),
  fc.constant({ kind: 'exponential', mean: 5, max: 50 } as const),
  fc.constant({ kind: 'normal', mean: 5, stddev: 3 } as const),
);

/** A fault as plain data, applied by `applyFault`. */
const fault = fc.oneof(
  fc.record({ f: fc.constant('partition' as const), links: fc.array(fc.tuple(node, node), { maxLength: 4 }) }),
  fc.record({ f: fc.constant('heal' as const) }),
  fc.record({ f: fc.constant('crash' as const), id: node, loseUnsynced: fc.boolean() }),
  fc.record({ f: fc.constant('restart' as const), id: node }),
  fc.record({ f: fc.constant('pause' as const), id: node, ms: fc.integer({ min: 0, max: 40 }) }),
  fc.record({ f: fc.constant('slow' as const), id: node, ms: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ f: fc.constant('clock' as const), id: node, offset: fc.integer({ min: -100, max: 100 }), drift: fc.constantFrom(-0.5, 0, 0.5) }),
  fc.record({ f: fc.constant('net' as const), loss: probability, dup: probability, reorder: probability, latency }),
  fc.record({ f: fc.constant('disk' as const), id: node, full: fc.boolean() }),
);
type Fault = typeof fault extends fc.Arbitrary<infer F> ? F : never;

function applyFault(world: World, step: Fault): void {
  switch (step.f) {
    case 'partition': return world.partition(step.links);
    case 'heal': return world.heal();
    case 'crash': return void world.crash(step.id, { loseUnsynced: step.loseUnsynced });
    case 'restart': return void world.restart(step.id);
    case 'pause': return world.pause(step.id, step.ms);
    case 'slow': return world.slow(step.id, step.ms);
    case 'clock':
      world.bumpClock(step.id, step.offset);
      return world.setClockDrift(step.id, step.drift);
    case 'net':
      world.setLoss(step.loss);
      world.setDuplication(step.dup);
      world.setReorder(step.reorder);
      return world.setLatency(step.latency);
    case 'disk': return step.full ? world.fillDisk(step.id) : world.freeDisk(step.id);
  }
}

const scenario = fc.record({
  seed: fc.integer(),
  faults: fc.array(fc.record({ atMs: fc.integer({ min: 0, max: 150 }), fault }), { maxLength: 12 }),
});
type Simulation = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

function run({ seed, faults }: Simulation): { trace: string; stats: string } {
  const world = new World({ seed, diskCapacityRecords: 30 });
  for (const id of NODES) world.addNode(id, (ctx) => new ChattyNode(ctx), { kind: id.startsWith('c') ? 'client' : 'store' });
  for (const { atMs, fault: step } of faults) world.schedule(atMs, step.f, () => applyFault(world, step));
  world.runUntil(200);
  return { trace: formatTrace(world.trace.events).join('\n'), stats: JSON.stringify(world.stats.links()) };
}

describe('determinism', () => {
  test('two runs of the same scenario give byte-identical traces and stats', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const first = run(s);
        expect(first.trace.length).toBeGreaterThan(0);
        expect(run(s)).toEqual(first);
      }),
      { numRuns: 1000 },
    );
  });

  test('the seed matters: different seeds give different runs', () => {
    const traces = new Set([1, 2, 3, 4, 5].map((seed) => run({ seed, faults: [] }).trace));
    expect(traces.size).toBe(5);
  });
});
