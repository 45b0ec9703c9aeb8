import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANOMALY_CLASSES, ANOMALY_MEANINGS, isAnomalyClass } from '../../src/checker/anomaly.js';
import type { Checker, Verdict } from '../../src/checker/checker.js';
import { checkAll, compose, safely } from '../../src/checker/compose.js';

const pass: Verdict = { valid: true, reason: 'fine' };
const unknown: Verdict = { valid: 'unknown', reason: 'ran out of time' };
const lost: Verdict = { valid: false, anomaly: 'lost-write', reason: 'write 3 lost' };
const diverged: Verdict = { valid: false, anomaly: 'divergence', reason: 'key x differs' };

describe('compose', () => {
  it('passes only when every checker passes, listing each reason', () => {
    const verdict = compose({ linearizable: pass, convergence: pass });
    expect(verdict).toEqual({ valid: true, reason: 'linearizable: fine; convergence: fine', checks: { linearizable: pass, convergence: pass } });
  });

  it('takes false over unknown over true; the first failing checker names the anomaly and gives the reason', () => {
    const verdict = compose({ linearizable: unknown, durability: lost, convergence: diverged, sessions: pass });
    expect(verdict).toMatchObject({ valid: false, anomaly: 'lost-write', reason: 'write 3 lost' });
    expect(Object.keys(verdict.checks!)).toEqual(['linearizable', 'durability', 'convergence', 'sessions']);
    expect(compose({ a: pass, b: unknown })).toMatchObject({ valid: 'unknown', reason: 'b: ran out of time' });
  });

  it('turns a checker that throws into unknown, never a pass', () => {
    const verdict = compose({ linearizable: pass, convergence: () => { throw new Error('no replica states'); } });
    expect(verdict.valid).toBe('unknown');
    expect(verdict.checks!.convergence).toEqual({ valid: 'unknown', reason: 'the checker failed: no replica states' });
  });

  it('turns a malformed verdict into unknown', () => {
    expect(safely(() => ({ valid: 'yes' }) as unknown as Verdict).valid).toBe('unknown');
    expect(safely(() => undefined as unknown as Verdict).valid).toBe('unknown');
    expect(compose({ a: pass, b: { valid: 1 } as unknown as Verdict }).valid).toBe('unknown');
  });

  it('ignores skipped checkers, and judges nothing as unknown', () => {
    expect(compose({ counter: { skipped: 'not a counter' }, linearizable: pass }).valid).toBe(true);
    expect(compose({ counter: { skipped: 'not a counter' } })).toMatchObject({ valid: 'unknown', reason: 'no checker applies to this workload' });
    expect(compose({}).valid).toBe('unknown');
  });

  it('is false exactly when some checker is false, whatever the order (property)', () => {
    const verdictArb = fc.constantFrom(pass, unknown, lost, diverged);
    fc.assert(
      fc.property(fc.array(verdictArb, { minLength: 1, maxLength: 6 }), (verdicts) => {
        const entries = Object.fromEntries(verdicts.map((v, i) => [`c${i}`, v]));
        const composed = compose(entries);
        const expected = verdicts.some((v) => v.valid === false) ? false : verdicts.some((v) => v.valid === 'unknown') ? 'unknown' : true;
        expect(composed.valid).toBe(expected);
        if (expected === false) expect(composed.anomaly).toBe(verdicts.find((v) => v.valid === false)!.anomaly);
      }),
    );
  });
});

describe('checkAll', () => {
  it('runs each checker on the history with the context, under its name', () => {
    const seen: unknown[] = [];
    const spy: Checker = { name: 'counter', check: (history, context) => (seen.push([history.length, context.timeoutMs]), pass) };
    const failing: Checker = { name: 'set', check: () => lost };
    const verdict = checkAll([spy, failing], [], { timeoutMs: 7 });
    expect(seen).toEqual([[0, 7]]);
    expect(verdict).toMatchObject({ valid: false, anomaly: 'lost-write', checks: { counter: pass, set: lost } });
  });
});

describe('anomaly vocabulary', () => {
  it('documents every class, including the seven a run can report', () => {
    for (const required of ['not-linearizable', 'stale-read', 'lost-write', 'divergence', 'session', 'double-apply', 'false-failover']) {
      expect(isAnomalyClass(required)).toBe(true);
    }
    for (const name of ANOMALY_CLASSES) expect(ANOMALY_MEANINGS[name].length).toBeGreaterThan(20);
    expect(isAnomalyClass('oops')).toBe(false);
  });
});
