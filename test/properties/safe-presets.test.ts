import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/run-scenario.js';
import { scenarioArb } from '../../src/gen/scenario-arb.js';
import { BENIGN_FAULT_KINDS, type FaultKind } from '../../src/nemesis/fault.js';

/**
 * The safe presets promise linearizability under any fault: hundreds of random
 * scenarios (swarm fault schedules over every fault kind but the region ones,
 * random workloads) must all check valid. Byzantine and region kinds are left out (BENIGN_FAULT_KINDS):
 * a crash-tolerant store does not promise to survive lies, nor a region loss it has no copy outside of. FAULTLINE_SAFE_RUNS sets the count (`npm run test:long`
 * runs thousands).
 */
const RUNS = Number(process.env.FAULTLINE_SAFE_RUNS ?? 1000);
const SEED = Number(process.env.FAULTLINE_SAFE_SEED ?? 20240601);

describe.each(['sl-majority', 'll-abd'])('safe preset %s', (preset) => {
  it(`stays linearizable in ${RUNS} random scenarios across every fault kind`, () => {
    const kindsSeen = new Set<FaultKind>();
    fc.assert(
      fc.property(scenarioArb({ preset, kinds: BENIGN_FAULT_KINDS, maxFaults: 4, workloadBounds: { minOps: 30, maxOps: 150, maxClients: 5 } }), (scenario) => {
        for (const fault of scenario.faults) kindsSeen.add(fault.kind);
        const { verdict } = runScenario(scenario);
        if (verdict.valid !== true) throw new Error(`${verdict.valid === false ? verdict.anomaly : 'unknown'}: ${verdict.reason}`);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect([...kindsSeen].sort()).toEqual([...BENIGN_FAULT_KINDS].sort());
  }, 600_000);
});
