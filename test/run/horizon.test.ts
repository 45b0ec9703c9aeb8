import { describe, expect, it } from 'vitest';
import { workloadSpanMs } from '../../workloads/index.js';
import { toSimulation } from '../../src/run/scenario.js';
import { horizonForSpanMs } from '../../src/run/simulate.js';
import { defaultStoreConfig } from '../../src/store/config.js';

describe('the simulated horizon', () => {
  it('is 60 s for short workloads and ten times the span of a long one', () => {
    expect(horizonForSpanMs(500)).toBe(60_000);
    expect(horizonForSpanMs(6_000)).toBe(60_000);
    expect(horizonForSpanMs(200_000)).toBe(2_000_000);
    expect(horizonForSpanMs(Number.NaN)).toBe(60_000);
  });

  it('a scenario runs with the horizon its workload needs', () => {
    const workload = { workload: 'register', ops: 10_000, clients: 2, keys: 1, spacingMs: 20 };
    const scenario = { seed: 1, store: defaultStoreConfig('leaderless'), workload, faults: [] };
    expect(workloadSpanMs(workload)).toBe(100_000);
    expect(toSimulation(scenario).maxTimeMs).toBe(1_000_000);
  });
});
