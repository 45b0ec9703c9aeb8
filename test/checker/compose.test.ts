import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANOMALY_CLASSES, ANOMALY_MEANINGS, isAnomalyClass } from '../../src/checker/anomaly.js';
import { compose, safely, type CheckerVerdict } from '../../src/checker/compose.js';

const pass: CheckerVerdict = { valid: true, reason: 'fine' };
const unknown: CheckerVerdict = { valid: 'unknown', reason: 'ran out of time' };
const lost: CheckerVerdict = { valid: false, anomaly: 'lost-write', reason: 'write 3 lost' };
const diverged: CheckerVerdict = { valid: false, anomaly: 'divergence', reason: 'key x differs' };

describe('compose', () => {
  it('passes only when every checker passes', () => {
    const verdict = compose({ linearizable: pass, convergence: pass });
    expect(verdict).toMatchObject({ valid: true, failed: [] });
    expect(verdict.anomaly).toBeUndefined();
    expect(verdict.reason).toContain('linearizable, convergence');
  });

  it('takes false over unknown over true, and the anomaly of the first failing checker', () => {
    const verdict = compose({ linearizable: unknown, durability: lost, convergence: diverged, sessions: pass });
    expect(verdict.valid).toBe(false);
    expect(verdict.anomaly).toBe('lost-write');
    expect(verdict.failed).toEqual(['durability', 'convergence']);
    expect(verdict.reason).toBe('durability: write 3 lost (also failed: convergence)');
    expect(compose({ a: pass, b: unknown }).valid).toBe('unknown');
  });

  it('turns a checker that throws into unknown, never a pass', () => {
    const verdict = compose({ linearizable: pass, convergence: () => { throw new Error('no replica states'); } });
    expect(verdict.valid).toBe('unknown');
    expect(verdict.checks.convergence).toMatchObject({ valid: 'unknown', reason: 'the checker failed: no replica states' });
  });

  it('turns a malformed verdict into unknown', () => {
    expect(safely(() => ({ valid: 'yes' }) as unknown as CheckerVerdict).valid).toBe('unknown');
    expect(safely(() => undefined as unknown as CheckerVerdict).valid).toBe('unknown');
  });

  it('ignores skipped checkers, and judges nothing as unknown', () => {
    expect(compose({ counter: { skipped: 'not a counter' }, linearizable: pass }).valid).toBe(true);
    expect(compose({ counter: { skipped: 'not a counter' } }).valid).toBe('unknown');
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

describe('anomaly vocabulary', () => {
  it('documents every class, including those the issue requires', () => {
    for (const required of ['not-linearizable', 'stale-read', 'lost-write', 'divergence', 'session', 'double-apply', 'false-failover']) {
      expect(isAnomalyClass(required)).toBe(true);
    }
    for (const name of ANOMALY_CLASSES) expect(ANOMALY_MEANINGS[name].length).toBeGreaterThan(20);
    expect(isAnomalyClass('oops')).toBe(false);
  });
});
