import { describe, expect, test } from 'vitest';
import { simulate, type Simulation } from '../../src/run/simulate.js';
import { defaultStoreConfig } from '../../src/store/config.js';

function scenario(faults: Simulation['faults'], opsCount = 20): Simulation {
  return {
    seed: 3,
    store: defaultStoreConfig('leaderless'),
    clients: { count: 2 },
    ops: Array.from({ length: opsCount }, (_, i) => ({ process: i % 2, f: i % 3 === 0 ? 'read' : 'write', key: 'x', value: i % 3 === 0 ? null : i, atMs: i * 5 })),
    faults,
  };
}

describe('simulate with a nemesis schedule', () => {
  test('records a start and a stop for every fault, in time order, with the final heal closing what is still in force', () => {
    const result = simulate(scenario([
      { kind: 'partition-one', atMs: 10, durationMs: 20, targets: ['n2'] },
      { kind: 'crash-one', atMs: 20, durationMs: 100_000, targets: ['n3'] },
      { kind: 'loss', atMs: 60_000, durationMs: 10, targets: ['n1'] },
    ]));
    const nemesisOps = result.history.filter((op) => op.process === 'nemesis');
    expect(nemesisOps.map((op) => op.f)).toEqual(['start-partition', 'start-crash', 'stop-partition', 'stop-crash']);
    const times = result.history.map((op) => op.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // The crash outlived the ops: the final heal restarted n3, and the late loss fault never started.
    expect(result.replicaStates.n3).toBeDefined();
    expect(result.stats.endTimeMs).toBeLessThan(60_000);
  });

  test('the same scenario gives the same history, byte for byte', () => {
    const faults: Simulation['faults'] = [
      { kind: 'clock-strobe', atMs: 0, durationMs: 80, targets: ['n1'] },
      { kind: 'reorder', atMs: 10, durationMs: 50 },
      { kind: 'pause', atMs: 30, durationMs: 40, targets: ['n2'] },
    ];
    expect(JSON.stringify(simulate(scenario(faults)).history)).toBe(JSON.stringify(simulate(scenario(faults)).history));
  });

  test('a bad fault is a ConfigError naming it', () => {
    expect(() => simulate(scenario([{ kind: 'loss', atMs: 0, durationMs: 1, params: { probability: 3 } }]))).toThrow('faults[0].params.probability');
  });
});
