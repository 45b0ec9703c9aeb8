import { describe, expect, it } from 'vitest';
import { CHECKERS } from '../../src/run/checkers.js';
import { PROMISE_CHECKERS } from '../../src/run/promise-checkers.js';
import { runScenario } from '../../src/run/run-scenario.js';
import type { Scenario } from '../../src/run/scenario.js';
import { simulate } from '../../src/run/simulate.js';
import { toSimulation } from '../../src/run/scenario.js';
import { PRESETS } from '../../src/presets/index.js';
import { WORKLOADS } from '../../workloads/index.js';

const scenario = (preset: string, workload: string, faults: Scenario['faults'] = []): Scenario => ({
  seed: 3, preset, store: PRESETS[preset]!.store, workload: { workload, ops: 40, clients: 3, keys: 2 }, faults,
});

function check(name: string, s: Scenario) {
  const run = simulate(toSimulation(s));
  return CHECKERS[name]!({ scenario: s, run, workload: WORKLOADS[s.workload.workload]!, timeoutMs: 5_000 });
}

describe('the promise checkers in the registry', () => {
  it('are all registered under the names workloads list', () => {
    for (const name of ['convergence', 'durability', 'anti-entropy', 'availability', 'sessions', 'stale-reads', 'counter', 'set']) {
      expect(CHECKERS[name]).toBe(PROMISE_CHECKERS[name]);
    }
  });

  it('compare a leaderless key only on its preference list (5 nodes, N = 3)', () => {
    const verdict = check('convergence', scenario('ll-sloppy', 'register', [{ kind: 'partition-one', atMs: 50, durationMs: 200, targets: ['n2'] }]));
    expect(verdict.valid).toBe(true);
    expect((verdict.detail as { replicas: string[] }).replicas).toHaveLength(5);
  });

  it('find the divergence statement-based replication causes, as a run\'s anomaly', () => {
    const { verdict } = runScenario(scenario('sl-statement', 'nondeterministic'));
    expect(verdict).toMatchObject({ valid: false, anomaly: 'divergence' });
  });

  it('judge sets and counters with their own checkers, and refuse sessions on a counter', () => {
    expect(check('durability', scenario('sl-majority', 'set')).valid).toBe(true);
    expect(check('counter', scenario('sl-majority', 'counter')).valid).toBe(true);
    expect(() => check('sessions', scenario('sl-majority', 'counter'))).toThrow(/register workloads/);
  });
});
