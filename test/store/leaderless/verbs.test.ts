import { describe, expect, it } from 'vitest';
import { compareCanonical, sortedUnique } from '../../../src/store/leaderless/canonical.js';
import { applyToValue, needsReadBeforeWrite } from '../../../src/store/leaderless/verbs.js';

describe('verbs on plain values', () => {
  it('write, cas, append, incr and sadd compute the new value', () => {
    expect(applyToValue('write', 1, 2)).toEqual({ ok: true, result: 2 });
    expect(applyToValue('cas', 1, [1, 5])).toEqual({ ok: true, result: 5 });
    expect(applyToValue('cas', null, [null, 5])).toEqual({ ok: true, result: 5 });
    expect(applyToValue('cas', { a: 1, b: 2 }, [{ b: 2, a: 1 }, 0])).toEqual({ ok: true, result: 0 });
    expect(applyToValue('append', null, 'x')).toEqual({ ok: true, result: 'x' });
    expect(applyToValue('append', 'ab', 'c')).toEqual({ ok: true, result: 'abc' });
    expect(applyToValue('incr', null, 3)).toEqual({ ok: true, result: 3 });
    expect(applyToValue('incr', 3, -1)).toEqual({ ok: true, result: 2 });
    expect(applyToValue('sadd', [10, 2], 9)).toEqual({ ok: true, result: [2, 9, 10] });
    expect(applyToValue('sadd', [1], 1)).toEqual({ ok: true, result: [1] });
  });

  it('fails (certainly not applied) on a mismatch, a bad argument or a value of another type', () => {
    expect(applyToValue('cas', 1, [2, 5])).toEqual({ ok: false, error: 'cas-mismatch' });
    expect(applyToValue('cas', 1, 5)).toEqual({ ok: false, error: 'bad-argument' });
    expect(applyToValue('append', 'a', 1)).toEqual({ ok: false, error: 'bad-argument' });
    expect(applyToValue('append', 4, 'x')).toEqual({ ok: false, error: 'type-mismatch' });
    expect(applyToValue('incr', 'x', 1)).toEqual({ ok: false, error: 'type-mismatch' });
    expect(applyToValue('incr', 1, Number.NaN)).toEqual({ ok: false, error: 'bad-argument' });
    expect(applyToValue('sadd', 'x', 1)).toEqual({ ok: false, error: 'type-mismatch' });
  });

  it('knows which verbs read before writing in each mode', () => {
    expect(needsReadBeforeWrite('write', 'lww')).toBe(false);
    expect(needsReadBeforeWrite('cas', 'vv')).toBe(true);
    expect(needsReadBeforeWrite('sadd', 'lww')).toBe(true);
    expect(needsReadBeforeWrite('sadd', 'vv')).toBe(false);
  });

  it('orders data canonically: numbers numerically, then strings, then structures', () => {
    expect([10, 'b', 9, null, [1], 'a', true].sort(compareCanonical)).toEqual([null, true, 9, 10, 'a', 'b', [1]]);
    expect(sortedUnique([{ b: 1, a: 2 }, { a: 2, b: 1 }, 3])).toEqual([3, { b: 1, a: 2 }]);
  });
});
