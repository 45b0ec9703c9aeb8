import { describe, expect, it } from 'vitest';
import { casRegisterModel } from '../../src/models/cas-register.js';
import { ok, UNKNOWN } from '../support/outputs.js';

const cas = (expected: unknown, next: unknown) => ({ f: 'cas', value: [expected, next] });

describe('casRegisterModel', () => {
  const m = casRegisterModel({ init: 0 });

  it('swaps when the register holds the expected value, and only then', () => {
    expect(m.step(1, cas(1, 2), ok([1, 2]))).toEqual([2]);
    expect(m.step(3, cas(1, 2), ok([1, 2]))).toEqual([]);
    expect(m.step(null, cas(null, 1), ok([null, 1]))).toEqual([1]);
  });

  it('gives an indeterminate cas its effect when it could have happened', () => {
    expect(m.step(1, cas(1, 2), UNKNOWN)).toEqual([2]);
    // Not applicable here: the checker covers "never happened" by leaving the op out.
    expect(m.step(3, cas(1, 2), UNKNOWN)).toEqual([]);
  });

  it('reads and writes like a register, with Jepsen aliases', () => {
    expect(m.step(4, { f: 'read', value: null }, ok(4))).toEqual([4]);
    expect(m.step(4, { f: 'get', value: null }, ok(5))).toEqual([]);
    expect(m.step(4, { f: 'write', value: 1 }, ok(1))).toEqual([1]);
    expect(m.step(4, { f: 'put', value: 2 }, UNKNOWN)).toEqual([2]);
    expect(m.fs).toEqual(['read', 'get', 'write', 'put', 'cas']);
  });

  it('rejects cas values that are not [expected, new]', () => {
    expect(m.validate(cas(1, 2), undefined)).toBeNull();
    expect(m.validate({ f: 'cas', value: 3 }, undefined)).toEqual({
      field: 'value',
      message: 'cas expects [expected, new], got 3',
    });
    expect(m.validate({ f: 'cas', value: [1, 2, 3] }, undefined)?.field).toBe('value');
    expect(m.validate({ f: 'swap', value: 1 }, undefined)?.field).toBe('f');
    // A completion's value is a result, not the arguments: it is not held to the cas shape.
    expect(m.validate({ f: 'cas', value: null }, ok(null))).toBeNull();
  });

  it('describes a cas', () => {
    expect(m.describe(cas(1, 2), ok([1, 2]))).toBe('cas 1->2');
    expect(m.describe(cas(null, 'a'), UNKNOWN)).toBe('cas nil->"a" ?');
  });

  it('declares the expected value of a cas as observed', () => {
    expect(m.observes!(cas(1, 2), ok([1, 2]))).toEqual([1]);
    expect(m.blindWrite!(cas(1, 2))).toBeUndefined();
    expect(m.readOnly!(cas(1, 2))).toBe(false);
  });
});
