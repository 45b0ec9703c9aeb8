import { describe, expect, it } from 'vitest';
import { writeNdjson } from '../../src/history/index.js';
import { runScenario } from '../../src/run/run-scenario.js';
import type { Scenario } from '../../src/run/scenario.js';
import { PRESETS } from '../../src/presets/index.js';
import { staleReadScenario } from '../explore/support/scenarios.js';

const safe: Scenario = {
  seed: 11,
  store: PRESETS['sl-majority']!.store,
  workload: { workload: 'cas-register', ops: 40, clients: 3, keys: 1, spacingMs: 20 },
  faults: [{ kind: 'partition-leader', atMs: 100, durationMs: 600 }],
};

const stale = staleReadScenario;

describe('runScenario', () => {
  it('judges a safe store under a leader partition valid, by the workload\'s checkers', () => {
    const { verdict, run } = runScenario(safe);
    expect(verdict.valid).toBe(true);
    expect(verdict.anomaly).toBeUndefined();
    expect(verdict.checks?.linearizable).toMatchObject({ valid: true });
    expect(run.history.some((op) => op.process === 'nemesis')).toBe(true);
  });

  it('is deterministic: the same scenario gives the same history, byte for byte', () => {
    expect(writeNdjson(runScenario(safe).run.history)).toBe(writeNdjson(runScenario(safe).run.history));
  });

  it('gives the same history with the light trace explore uses, which keeps no message events', () => {
    const full = runScenario(safe);
    const light = runScenario(safe, { trace: { messages: false } });
    expect(writeNdjson(light.run.history)).toBe(writeNdjson(full.run.history));
    expect(light.run.trace.some((event) => event.kind === 'send')).toBe(false);
    expect(full.run.trace.some((event) => event.kind === 'send')).toBe(true);
  });

  it('finds a stale read of a weak store and names the anomaly and the op', () => {
    const { verdict } = runScenario(stale);
    expect(verdict.valid).toBe(false);
    expect(verdict.anomaly).toBe('not-linearizable');
    expect(verdict.reason).toMatch(/read/);
    expect(verdict.checks?.linearizable).toMatchObject({ valid: false, anomaly: 'not-linearizable' });
  });

  it('marks a checker name a scenario file gives that no checker has as skipped, and judges by the rest', () => {
    const { verdict } = runScenario({ ...safe, workload: { ...safe.workload, checkers: ['linearizable', 'no-such-checker'] } });
    expect(verdict.checks?.['no-such-checker']).toEqual({ skipped: 'no checker of this name is available' });
    expect(verdict.checks?.linearizable).toMatchObject({ valid: true });
    expect(Object.keys(verdict.checks ?? {})).toEqual(['linearizable', 'no-such-checker']);
    expect(verdict.valid).toBe(true);
  });

  it("composes the workload's own checkers in their order, each given the run's replica states and trace", () => {
    const { verdict } = runScenario(safe);
    expect(Object.keys(verdict.checks ?? {})).toEqual(['linearizable', 'stale-reads', 'sessions', 'durability', 'convergence']);
    expect(verdict.checks?.convergence).toMatchObject({ valid: true, detail: { settleTimeMs: expect.any(Number) } });
    expect(verdict.reason).toMatch(/^linearizable: linearizable \(\d+ ops, 1 partition\); stale-reads: /);
  });
});
