import { describe, expect, it } from 'vitest';
import { mergeVersions, readValue, replicaValues } from '../../../src/store/multi-leader/resolve.js';
import { applyVerb } from '../../../src/store/multi-leader/verbs.js';
import type { Datum, Version } from '../../../src/store/multi-leader/version.js';

function v(vv: Record<string, number>, ts: number, node: string, datum: Datum): Version {
  return { vv, stamp: { ts, node }, datum };
}
const reg = (value: unknown): Datum => ({ kind: 'register', value });

describe('applyVerb', () => {
  it('computes write, cas, append, incr and sadd on a register', () => {
    const held = [v({ a: 1 }, 1, 'a', reg('x'))];
    expect(applyVerb('write', 3, held, 'lww', 'a')).toEqual({ ok: true, datum: reg(3) });
    expect(applyVerb('cas', ['x', 'y'], held, 'lww', 'a')).toEqual({ ok: true, datum: reg('y') });
    expect(applyVerb('cas', ['z', 'y'], held, 'lww', 'a')).toEqual({ ok: false, error: 'cas-mismatch' });
    expect(applyVerb('cas', 'y', held, 'lww', 'a')).toEqual({ ok: false, error: 'bad-value' });
    expect(applyVerb('append', 'yz', held, 'lww', 'a')).toEqual({ ok: true, datum: reg('xyz') });
    expect(applyVerb('incr', 1, held, 'lww', 'a')).toEqual({ ok: false, error: 'type-mismatch' });
    expect(applyVerb('incr', 2, [], 'lww', 'a')).toEqual({ ok: true, datum: reg(2) });
    expect(applyVerb('incr', null, [v({ a: 1 }, 1, 'a', reg(4))], 'lww', 'a')).toEqual({ ok: true, datum: reg(5) });
    expect(applyVerb('sadd', 2, [v({ a: 1 }, 1, 'a', reg([3, 1]))], 'lww', 'a')).toEqual({ ok: true, datum: reg([1, 2, 3]) });
    expect(applyVerb('sadd', 1, held, 'lww', 'a')).toEqual({ ok: false, error: 'type-mismatch' });
    expect(applyVerb('frobnicate', 1, held, 'lww', 'a')).toEqual({ ok: false, error: 'unknown-verb' });
  });

  it('compares cas with what a read returns: the sorted siblings under siblings', () => {
    const held = [v({ a: 1 }, 1, 'a', reg('p')), v({ b: 1 }, 2, 'b', reg('q'))];
    expect(applyVerb('cas', [['p', 'q'], 'r'], held, 'siblings', 'a')).toEqual({ ok: true, datum: reg('r') });
    expect(applyVerb('cas', ['q', 'r'], held, 'siblings', 'a')).toEqual({ ok: false, error: 'cas-mismatch' });
    expect(applyVerb('cas', ['q', 'r'], held, 'lww', 'a')).toEqual({ ok: true, datum: reg('r') });
  });

  it('builds counters holding the accepting leader’s own contribution under merge', () => {
    expect(applyVerb('incr', 2, [], 'merge', 'a')).toEqual({
      ok: true,
      datum: { kind: 'counter', base: 0, baseStamp: null, parts: { a: 2 } },
    });
    const fromRegister = applyVerb('incr', 1, [v({ b: 1 }, 7, 'b', reg(10))], 'merge', 'a');
    expect(fromRegister).toEqual({ ok: true, datum: { kind: 'counter', base: 10, baseStamp: { ts: 7, node: 'b' }, parts: { a: 1 } } });
    const counter: Datum = { kind: 'counter', base: 0, baseStamp: null, parts: { a: 2, b: 5 } };
    expect(applyVerb('incr', 3, [v({ a: 1, b: 1 }, 1, 'a', counter)], 'merge', 'a')).toEqual({
      ok: true,
      datum: { kind: 'counter', base: 0, baseStamp: null, parts: { a: 5, b: 5 } },
    });
  });

  it('builds sets under merge', () => {
    expect(applyVerb('sadd', 'b', [v({ a: 1 }, 1, 'a', { kind: 'set', elements: ['a', 'c'] })], 'merge', 'a')).toEqual({
      ok: true,
      datum: { kind: 'set', elements: ['a', 'b', 'c'] },
    });
  });
});

describe('readValue / replicaValues / mergeVersions', () => {
  const p = v({ a: 1 }, 5, 'a', reg('p'));
  const q = v({ b: 1 }, 3, 'b', reg('q'));

  it('shows the latest stamp under lww, sorted siblings under siblings', () => {
    expect(readValue([p, q], 'lww')).toBe('p');
    expect(readValue([q, p], 'siblings')).toEqual(['p', 'q']);
    expect(replicaValues([q, p], 'siblings')).toEqual(['p', 'q']);
    expect(replicaValues([q, p], 'lww')).toEqual(['p']);
    expect(readValue([p], 'siblings')).toBe('p');
  });

  it('shows one value for siblings that hold equal values', () => {
    const q2 = v({ b: 1 }, 3, 'b', reg('p'));
    expect(readValue([p, q2], 'siblings')).toBe('p');
  });

  it('adds concurrent counters on one base, per leader, without double counting', () => {
    // Both saw a's first contribution (2); then a added 1 more, b added 4.
    const fromA: Datum = { kind: 'counter', base: 10, baseStamp: null, parts: { a: 3 } };
    const fromB: Datum = { kind: 'counter', base: 10, baseStamp: null, parts: { a: 2, b: 4 } };
    const merged = mergeVersions([v({ a: 2 }, 1, 'a', fromA), v({ a: 1, b: 1 }, 2, 'b', fromB)]);
    expect(merged).toEqual({ kind: 'counter', base: 10, baseStamp: null, parts: { a: 3, b: 4 } });
    expect(readValue([v({ a: 2 }, 1, 'a', fromA), v({ a: 1, b: 1 }, 2, 'b', fromB)], 'merge')).toBe(17);
  });

  it('keeps only counters on the newest base', () => {
    const old: Datum = { kind: 'counter', base: 0, baseStamp: null, parts: { a: 9 } };
    const reset: Datum = { kind: 'counter', base: 100, baseStamp: { ts: 4, node: 'b' }, parts: { b: 1 } };
    expect(readValue([v({ a: 1 }, 1, 'a', old), v({ b: 2 }, 5, 'b', reset)], 'merge')).toBe(101);
  });

  it('unions sets and falls back to LWW for mixed kinds', () => {
    const s1 = v({ a: 1 }, 1, 'a', { kind: 'set', elements: [1, 3] });
    const s2 = v({ b: 1 }, 2, 'b', { kind: 'set', elements: [2, 3] });
    expect(readValue([s1, s2], 'merge')).toEqual([1, 2, 3]);
    expect(readValue([s1, v({ b: 1 }, 9, 'b', reg('w'))], 'merge')).toBe('w');
  });
});
