import { describe, expect, it } from 'vitest';
import { scenarioOps, toSimulation, type Scenario } from '../../src/run/scenario.js';
import { PRESETS } from '../../src/presets/index.js';
import { ConfigError } from '../../src/config/config-error.js';

const base: Scenario = {
  seed: 4,
  preset: 'sl-majority',
  store: PRESETS['sl-majority']!.store,
  workload: { workload: 'cas-register', ops: 12, clients: 3, keys: 1 },
  faults: [{ kind: 'crash-one', atMs: 50, durationMs: 100, targets: ['n2'] }],
  settleMs: 300,
};

describe('scenarioOps', () => {
  it('generates the workload from the seed: same seed, same ops; another seed, other ops', () => {
    const ops = scenarioOps(base);
    expect(ops).toHaveLength(12);
    expect(scenarioOps({ ...base })).toEqual(ops);
    expect(scenarioOps({ ...base, seed: 5 })).not.toEqual(ops);
  });

  it('uses listed ops as they are', () => {
    const ops = [{ process: 0, f: 'write', key: 'k0', value: 9 }];
    expect(scenarioOps({ ...base, ops })).toBe(ops);
  });
});

describe('toSimulation', () => {
  it('passes the store, clients, verbs, faults and settle time to simulate', () => {
    const simulation = toSimulation(base);
    expect(simulation.seed).toBe(4);
    expect(simulation.store).toBe(base.store);
    expect(simulation.clients).toEqual({ count: 3 });
    expect(simulation.ops).toEqual(scenarioOps(base));
    expect(simulation.faults).toEqual(base.faults);
    expect(simulation.settleMs).toBe(300);
  });

  it('names the field of an unknown workload', () => {
    const bad = { ...base, workload: { ...base.workload, workload: 'queue' } };
    expect(() => toSimulation(bad)).toThrow(ConfigError);
    expect(() => toSimulation(bad)).toThrow(/workload\.workload: "queue" is not a known workload/);
  });
});
