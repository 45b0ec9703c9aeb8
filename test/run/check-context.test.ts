import { describe, expect, it } from 'vitest';
import { checkerNamed } from '../../src/checker/by-name.js';
import { runCheckContext } from '../../src/run/check-context.js';
import { runScenario } from '../../src/run/run-scenario.js';
import { toSimulation, type Scenario } from '../../src/run/scenario.js';
import { simulate } from '../../src/run/simulate.js';
import type { Op } from '../../src/history/op.js';
import { PRESETS } from '../../src/presets/index.js';
import { WORKLOADS } from '../../workloads/index.js';

const scenario = (preset: string, workload: string, faults: Scenario['faults'] = []): Scenario => ({
  seed: 3, preset, store: PRESETS[preset]!.store, workload: { workload, ops: 40, clients: 3, keys: 2 }, faults,
});

/** The named checker for the scenario's workload, on its run, with the run's context. */
function check(name: string, s: Scenario) {
  const run = simulate(toSimulation(s));
  const checker = checkerNamed(name, { model: WORKLOADS[s.workload.workload]!.model })!;
  return checker.check(run.history, runCheckContext(run, s.store, 5_000));
}

/** A register history: write 1 completes, then a read that starts later returns nil. */
const staleRead: Op[] = [
  { index: 0, time: 0, process: 0, type: 'invoke', f: 'write', key: 'k0', value: 1 },
  { index: 1, time: 1, process: 0, type: 'ok', f: 'write', key: 'k0', value: 1 },
  { index: 2, time: 2, process: 1, type: 'invoke', f: 'read', key: 'k0', value: null },
  { index: 3, time: 3, process: 1, type: 'ok', f: 'read', key: 'k0', value: null },
];

describe('runCheckContext', () => {
  it("hands the checkers the run's replica states, trace, end time and budget", () => {
    const s = scenario('sl-majority', 'register');
    const run = simulate(toSimulation(s));
    const context = runCheckContext(run, s.store, 5_000);
    expect(context).toMatchObject({ replicaStates: run.replicaStates, trace: run.trace, endTimeMs: run.stats.endTimeMs, timeoutMs: 5_000 });
    // A single-leader store replicates every key everywhere.
    expect(context.replicasOf).toBeUndefined();
  });

  it('names a leaderless key\'s preference list (5 nodes, N = 3), which convergence compares', () => {
    const s = scenario('ll-sloppy', 'register', [{ kind: 'partition-one', atMs: 50, durationMs: 200, targets: ['n2'] }]);
    const context = runCheckContext(simulate(toSimulation(s)), s.store, 5_000);
    expect(context.replicasOf!('k0')).toHaveLength(3);
    const verdict = check('convergence', s);
    expect(verdict.valid).toBe(true);
    expect((verdict.detail as { replicas: string[] }).replicas).toHaveLength(5);
  });
});

describe('checkers on a run', () => {
  it('linearizable passes a history the store produced without faults, and fails a stale read naming it', () => {
    const s = scenario('sl-majority', 'register');
    expect(check('linearizable', s)).toMatchObject({ valid: true, reason: expect.stringMatching(/^linearizable/) });
    const verdict = checkerNamed('linearizable', { model: WORKLOADS.register!.model })!.check(staleRead, { timeoutMs: 5_000 });
    expect(verdict.valid).toBe(false);
    expect(verdict.anomaly).toBe('not-linearizable');
    expect(verdict.reason).toBe("no linearization can include p1's read k0 -> nil after the 1 op before it");
    expect(verdict.detail).toMatchObject({ failures: [{ blocked: { process: 1 } }] });
    expect(verdict.detail).not.toHaveProperty('linearization');
  });

  it("find the divergence statement-based replication causes, as a run's anomaly", () => {
    const { verdict } = runScenario(scenario('sl-statement', 'nondeterministic'));
    expect(verdict).toMatchObject({ valid: false, anomaly: 'divergence' });
  });

  it('judge sets and counters with their own checkers, and refuse sessions on a counter', () => {
    expect(check('durability', scenario('sl-majority', 'set')).valid).toBe(true);
    expect(check('counter', scenario('sl-majority', 'counter')).valid).toBe(true);
    expect(() => check('sessions', scenario('sl-majority', 'counter'))).toThrow(/register workloads, not to model counter/);
  });
});
