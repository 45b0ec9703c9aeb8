import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/run-scenario.js';
import { huntMutation, MUTATION_BUDGET, MUTATION_CASES, type MutationCase } from './mutation-cases.js';

/** The control explores at least this many scenarios, even when the bug showed up in the first few. */
const CONTROL_RUNS_MIN = 300;

/**
 * Does faultline catch bugs nobody planned for? Each deliberate store bug is
 * switched on in an otherwise safe store, and explored from a fixed seed within
 * the matrix budget: the exploration must find it, shrink it, and name an
 * anomaly the bug can cause. Then the control: the same seed and runs with the
 * bug off (the very same scenarios, since a scenario depends only on the seed
 * and its run index) find nothing, and neither does the shrunk counterexample.
 */
describe('faultline finds every deliberate store bug', () => {
  it.each(MUTATION_CASES.map((hunt) => [hunt.mutation, hunt] as const))('%s', async (_name, hunt: MutationCase) => {
    const found = await huntMutation(hunt, { mutated: true });
    expect(found.stoppedBy, `${hunt.mutation} not found in ${found.runs} runs`).toBe('failure');
    expect(found.runs).toBeLessThanOrEqual(MUTATION_BUDGET.runs);
    const [failure] = found.failures;
    expect(hunt.anomalies).toContain(failure!.anomaly);
    expect(failure!.shrunk.verdict.valid).toBe(false);
    expect(failure!.shrunk.scenario.store.mutations).toEqual([hunt.mutation]);
    // Shrinking keeps only what the bug needs: far smaller than a generated scenario.
    expect(failure!.clientOps).toBeLessThanOrEqual(20);

    const control = await huntMutation(hunt, { mutated: false, runs: Math.max(found.runs, CONTROL_RUNS_MIN) });
    expect(control.failures.map((f) => f.shrunk.verdict.reason)).toEqual([]);
    expect(control.unknown).toBe(0);
    const { mutations: _bug, ...unmutated } = failure!.shrunk.scenario.store;
    const replayed = runScenario({ ...failure!.shrunk.scenario, store: unmutated });
    expect(replayed.verdict.valid, replayed.verdict.reason).toBe(true);
  });
});
