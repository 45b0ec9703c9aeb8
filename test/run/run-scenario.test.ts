import { describe, expect, it } from 'vitest';
import { writeNdjson } from '../../src/history/index.js';
import { CHECKERS } from '../../src/run/checkers.js';
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
    expect(verdict.checks.linearizable).toMatchObject({ valid: true });
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
    expect(verdict.checks.linearizable).toMatchObject({ valid: false, anomaly: 'not-linearizable' });
  });

  it('marks a checker the workload names but the registry lacks as skipped, and judges by the rest', () => {
    // cas-register lists 'linearizable' and 'convergence': take the latter out of the registry for this run.
    const convergence = CHECKERS.convergence!;
    delete CHECKERS.convergence;
    try {
      const { verdict } = runScenario(safe);
      expect(verdict.checks.convergence).toEqual({ skipped: expect.any(String) });
      expect(verdict.checks.linearizable).toMatchObject({ valid: true });
      expect(verdict.valid).toBe(true);
    } finally {
      CHECKERS.convergence = convergence;
    }
  });
});
