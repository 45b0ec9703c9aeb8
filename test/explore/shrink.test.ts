import { describe, expect, it } from 'vitest';
import { writeNdjson } from '../../src/history/index.js';
import { exploreRunner } from '../../src/explore/explore-run.js';
import { runScenario, type ScenarioOutcome } from '../../src/run/run-scenario.js';
import { scenarioOps } from '../../src/run/scenario.js';
import { shrinkScenario } from '../../src/explore/shrink.js';
import { storeTopology } from '../../src/store/topology.js';

/** The first failing run of an exploration of `preset` from seed 1. */
function firstFailure(preset: string): ScenarioOutcome {
  const runner = exploreRunner({ preset }, 1, 10_000);
  for (let i = 0; i < 500; i++) {
    const { outcome } = runner.run(i);
    if (outcome.verdict.valid === false) return outcome;
  }
  throw new Error(`no failure of ${preset} in 500 runs`);
}

describe('shrinkScenario', () => {
  for (const preset of ['sl-async', 'll-weak']) {
    it(`shrinks a ${preset} failure to a small scenario that really fails the same way`, () => {
      const failing = firstFailure(preset);
      const { outcome, runs, steps } = shrinkScenario(failing, { maxRuns: 600 });
      const before = failing.scenario;
      const after = outcome.scenario;
      expect(steps).toBeGreaterThan(0);
      expect(runs).toBeLessThanOrEqual(600);
      expect(outcome.verdict).toMatchObject({ valid: false, anomaly: failing.verdict.anomaly });
      expect(after.ops!.length).toBeLessThan(scenarioOps(before).length);
      expect(after.ops!.length).toBeLessThanOrEqual(12);
      expect(after.faults.length).toBeLessThanOrEqual(Math.min(3, before.faults.length));
      expect(after.workload.clients).toBeLessThanOrEqual(before.workload.clients);
      expect(storeTopology(after.store).nodeIds.length).toBeLessThanOrEqual(storeTopology(before.store).nodeIds.length);
      // The shrunk history is one the store really produces from the shrunk scenario.
      const again = runScenario(after);
      expect(writeNdjson(again.run.history)).toBe(writeNdjson(outcome.run.history));
      expect(again.verdict.valid).toBe(false);
    });
  }

  it('stops at its run budget and says so', () => {
    const failing = firstFailure('sl-async');
    const result = shrinkScenario(failing, { maxRuns: 3 });
    expect(result.runs).toBe(3);
    expect(result.exhausted).toBe(true);
    expect(result.outcome.verdict.valid).toBe(false);
  });

  it('refuses an outcome that does not fail', () => {
    const valid = exploreRunner({ preset: 'sl-majority' }, 1, 10_000).run(0).outcome;
    expect(valid.verdict.valid).not.toBe(false);
    expect(() => shrinkScenario(valid)).toThrow(/needs a failing outcome/);
  });
});
