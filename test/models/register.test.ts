import { describe, expect, it } from 'vitest';
import { registerModel } from '../../src/models/register.js';
import { ok, UNKNOWN } from '../support/outputs.js';

const read = { f: 'read', value: null };
const write = (value: unknown) => ({ f: 'write', value });

describe('registerModel', () => {
  it('starts at nil by default and at the given init otherwise', () => {
    expect(registerModel().init()).toBeNull();
    expect(registerModel({ init: 5 }).init()).toBe(5);
  });

  it('allows a read of the current value only', () => {
    const m = registerModel({ init: 1 });
    expect(m.step(1, read, ok(1))).toEqual([1]);
    expect(m.step(1, read, ok(2))).toEqual([]);
    expect(m.step(null, read, ok(null))).toEqual([null]);
    expect(m.step(null, read, ok(0))).toEqual([]);
  });

  it('reads an absent result value as nil', () => {
    expect(registerModel().step(null, read, ok(undefined))).toEqual([null]);
  });

  it('compares structured values deeply and without key order', () => {
    const m = registerModel();
    expect(m.step({ a: 1, b: [2] }, read, ok({ b: [2], a: 1 }))).toHaveLength(1);
    expect(m.step({ a: 1 }, read, ok({ a: 2 }))).toEqual([]);
    expect(m.step('1', read, ok(1))).toEqual([]);
  });

  it('accepts any result for an indeterminate read, and keeps the state', () => {
    expect(registerModel().step(7, read, UNKNOWN)).toEqual([7]);
  });

  it('sets the value on a write, known or not', () => {
    const m = registerModel();
    expect(m.step(1, write(2), ok(2))).toEqual([2]);
    expect(m.step(1, write(3), UNKNOWN)).toEqual([3]);
    expect(m.step(1, { f: 'put', value: 4 }, ok(4))).toEqual([4]);
    expect(m.step(1, { f: 'get', value: null }, ok(1))).toEqual([1]);
  });

  it('throws on an f it does not know instead of calling the op illegal', () => {
    expect(() => registerModel().step(1, { f: 'cas', value: [1, 2] }, ok([1, 2]))).toThrow(/does not know f "cas"/);
  });

  it('validates f and leaves values free', () => {
    const m = registerModel();
    expect(m.validate(read, undefined)).toBeNull();
    expect(m.validate(write({ any: 'thing' }), undefined)).toBeNull();
    expect(m.validate({ f: 'cas', value: [1, 2] }, undefined)).toEqual({
      field: 'f',
      message: 'the register model does not know f "cas"; it knows read, get, write, put',
    });
  });

  it('describes ops and states', () => {
    const m = registerModel();
    expect(m.describe(write(3), ok(3))).toBe('write 3');
    expect(m.describe(write(3), UNKNOWN)).toBe('write 3 ?');
    expect(m.describe(read, ok(3))).toBe('read -> 3');
    expect(m.describe(read, ok(null))).toBe('read -> nil');
    expect(m.describe(read, UNKNOWN)).toBe('read -> ?');
    expect(m.describeState!('x')).toBe('"x"');
  });

  it('hashes numbers and strings to themselves and everything else apart from them', () => {
    const m = registerModel();
    expect(m.hash(3)).toBe(3);
    expect(m.hash('3')).toBe('3');
    expect(m.hash('3')).not.toBe(m.hash(3));
    expect(m.hash(null)).not.toBe(m.hash('null'));
    expect(m.hash([1])).not.toBe(m.hash('[1]'));
    // A string that looks like a marked structure is marked again, so it stays apart.
    expect(m.hash(`\u0000null`)).not.toBe(m.hash(null));
    expect(m.hash(`\u0000null`)).not.toBe(`\u0000null`);
  });

  it('tells the checker which ops it may prune', () => {
    const m = registerModel();
    expect(m.readOnly!(read)).toBe(true);
    expect(m.readOnly!(write(1))).toBe(false);
    expect(m.blindWrite!(write(1))).toEqual({ value: 1 });
    expect(m.blindWrite!(read)).toBeUndefined();
    expect(m.observes!(read, ok(2))).toEqual([2]);
    expect(m.observes!(read, UNKNOWN)).toEqual([]);
    expect(m.observes!(write(1), ok(1))).toEqual([]);
  });
});
