import { describe, expect, it } from 'vitest';
import { CHECKERS, composeChecks, runChecker } from '../../src/run/checkers.js';
import { simulate } from '../../src/run/simulate.js';
import { toSimulation, type Scenario } from '../../src/run/scenario.js';
import type { Op } from '../../src/history/op.js';
import { PRESETS } from '../../src/presets/index.js';
import { WORKLOADS } from '../../workloads/index.js';

const scenario: Scenario = {
  seed: 2,
  store: PRESETS['sl-majority']!.store,
  workload: { workload: 'register', ops: 6, clients: 2, keys: 1 },
  faults: [],
};

/** A register history: write 1 completes, then a read that starts later returns nil. */
const staleRead: Op[] = [
  { index: 0, time: 0, process: 0, type: 'invoke', f: 'write', key: 'k0', value: 1 },
  { index: 1, time: 1, process: 0, type: 'ok', f: 'write', key: 'k0', value: 1 },
  { index: 2, time: 2, process: 1, type: 'invoke', f: 'read', key: 'k0', value: null },
  { index: 3, time: 3, process: 1, type: 'ok', f: 'read', key: 'k0', value: null },
];

describe('CHECKERS.linearizable', () => {
  const run = simulate(toSimulation(scenario));
  const input = { scenario, run, workload: WORKLOADS.register!, timeoutMs: 5_000 };

  it('passes a history the store produced without faults', () => {
    expect(CHECKERS.linearizable!(input)).toMatchObject({ valid: true, reason: expect.stringMatching(/^linearizable/) });
  });

  it('fails a stale read, names it in one sentence, and keeps the evidence', () => {
    const verdict = CHECKERS.linearizable!({ ...input, run: { ...run, history: staleRead } });
    expect(verdict.valid).toBe(false);
    expect(verdict.anomaly).toBe('not-linearizable');
    expect(verdict.reason).toBe("no linearization can include p1's read k0 -> nil after the 1 op before it");
    expect(verdict.detail).toMatchObject({ failures: [{ blocked: { process: 1 } }] });
  });
});

describe('composeChecks', () => {
  const ok = { valid: true as const, reason: 'fine' };
  const unknown = { valid: 'unknown' as const, reason: 'out of time' };
  const bad = { valid: false as const, anomaly: 'lost-write', reason: 'write 3 is gone' };

  it('is false over unknown over true, the first invalid checker naming the anomaly', () => {
    expect(composeChecks({ a: ok, b: unknown, c: bad })).toMatchObject({ valid: false, anomaly: 'lost-write', reason: 'write 3 is gone' });
    expect(composeChecks({ a: ok, b: unknown })).toMatchObject({ valid: 'unknown', reason: 'b: out of time' });
    expect(composeChecks({ a: ok, b: ok })).toMatchObject({ valid: true, reason: 'a: fine; b: fine' });
  });

  it('counts skipped checkers for nothing, and nothing checked as unknown', () => {
    expect(composeChecks({ a: ok, later: { skipped: 'n/a' } }).valid).toBe(true);
    expect(composeChecks({ later: { skipped: 'n/a' } }).valid).toBe('unknown');
  });

  it('turns a checker that throws into unknown, never a pass', () => {
    const verdict = runChecker(() => {
      throw new Error('model exploded');
    });
    expect(verdict).toEqual({ valid: 'unknown', reason: 'the checker failed: model exploded' });
  });
});
