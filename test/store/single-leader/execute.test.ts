import { describe, expect, it } from 'vitest';
import { compareElements, executeStatement, jsonEqual } from '../../../src/store/single-leader/execute.js';

const env = { now: () => 1234, random: () => 0.5 };
const run = (f: string, value: unknown, before: unknown) => executeStatement({ f, key: 'k', value }, () => before, env);

describe('executeStatement', () => {
  it('write stores the value, evaluating NOW() and RAND() on this node', () => {
    expect(run('write', 3, null)).toEqual({ ok: true, value: 3, effects: [{ op: 'set', key: 'k', value: 3 }], rows: [{ key: 'k', before: null, after: 3 }] });
    expect(run('write', 'NOW()', 1)).toMatchObject({ ok: true, value: 1234 });
    expect(run('write', 'RAND()', 1)).toMatchObject({ ok: true, value: 0.5 });
    expect(run('write', 'now()', 1)).toMatchObject({ ok: true, value: 'now()' });
  });

  it('cas applies only when the current value equals the expected one', () => {
    expect(run('cas', [1, 2], 1)).toMatchObject({ ok: true, value: [1, 2], rows: [{ before: 1, after: 2 }] });
    expect(run('cas', [null, 2], null)).toMatchObject({ ok: true });
    expect(run('cas', [{ a: 1, b: 2 }, 0], { b: 2, a: 1 })).toMatchObject({ ok: true });
    expect(run('cas', [1, 2], 5)).toEqual({ ok: false, error: 'cas-mismatch' });
    expect(run('cas', 1, 1)).toEqual({ ok: false, error: 'bad-value' });
  });

  it('append concatenates strings', () => {
    expect(run('append', 'cd', 'ab')).toMatchObject({ ok: true, effects: [{ value: 'abcd' }] });
    expect(run('append', 'x', null)).toMatchObject({ ok: true, effects: [{ value: 'x' }] });
    expect(run('append', 'x', 5)).toEqual({ ok: false, error: 'type-mismatch' });
    expect(run('append', 5, '')).toEqual({ ok: false, error: 'bad-value' });
  });

  it('incr adds to a counter, by 1 when no delta is given', () => {
    expect(run('incr', 2, 5)).toMatchObject({ ok: true, value: 2, effects: [{ value: 7 }] });
    expect(run('incr', null, null)).toMatchObject({ ok: true, effects: [{ value: 1 }] });
    expect(run('incr', 'two', 1)).toEqual({ ok: false, error: 'bad-value' });
    expect(run('incr', 1, 'one')).toEqual({ ok: false, error: 'type-mismatch' });
  });

  it('sadd keeps a sorted set without duplicates', () => {
    expect(run('sadd', 2, [1, 3])).toMatchObject({ ok: true, effects: [{ value: [1, 2, 3] }] });
    expect(run('sadd', 3, [1, 3])).toMatchObject({ ok: true, effects: [{ value: [1, 3] }] });
    expect(run('sadd', 'a', null)).toMatchObject({ ok: true, effects: [{ value: ['a'] }] });
    expect(run('sadd', 'a', 'not a set')).toEqual({ ok: false, error: 'type-mismatch' });
  });

  it('refuses unknown verbs', () => {
    expect(run('delete', null, 1)).toEqual({ ok: false, error: 'unknown-verb' });
  });
});

describe('helpers', () => {
  it('orders numbers first, numerically, then the rest by JSON text', () => {
    expect([10, 'b', 2, 'a', { z: 1 }].sort(compareElements)).toEqual([2, 10, 'a', 'b', { z: 1 }]);
  });

  it('compares JSON values structurally', () => {
    expect(jsonEqual([1, { a: [2] }], [1, { a: [2] }])).toBe(true);
    expect(jsonEqual([1], { 0: 1 })).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual(null, 0)).toBe(false);
  });
});
