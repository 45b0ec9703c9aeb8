import { describe, expect, it } from 'vitest';
import { setModel } from '../../src/models/set.js';
import { ok, UNKNOWN } from '../support/outputs.js';

const read = { f: 'read', value: null };
const add = (value: unknown) => ({ f: 'add', value });

describe('setModel', () => {
  const m = setModel();

  function afterAdds(...values: unknown[]) {
    return values.reduce<readonly unknown[]>((state, v) => m.step(state, add(v), ok(v))[0]!, m.init());
  }

  it('adds elements once each', () => {
    expect(afterAdds(2, 1, 2)).toEqual([1, 2]);
  });

  it('reads compare as sets: order and repeats do not matter', () => {
    const state = afterAdds(1, 2, 3);
    expect(m.step(state, read, ok([3, 1, 2]))).toEqual([state]);
    expect(m.step(state, read, ok([3, 1, 2, 1]))).toEqual([state]);
    expect(m.step(state, read, ok([1, 2]))).toEqual([]);
    expect(m.step(state, read, ok([1, 2, 4]))).toEqual([]);
    expect(m.step(state, read, ok([1, 2, 3, 4]))).toEqual([]);
    expect(m.step(state, read, ok(null))).toEqual([]);
    expect(m.step(m.init(), read, ok([]))).toEqual([m.init()]);
  });

  it('tells elements apart by type', () => {
    expect(m.step(afterAdds(1), read, ok(['1']))).toEqual([]);
  });

  it('accepts any read when the result is unknown, and adds when an add is', () => {
    expect(m.step(afterAdds(1), read, UNKNOWN)).toEqual([[1]]);
    expect(m.step(afterAdds(1), add(5), UNKNOWN)).toEqual([[1, 5]]);
  });

  it('hashes the same content the same whatever the order of adds', () => {
    expect(m.hash(afterAdds(3, 1, 2))).toBe(m.hash(afterAdds(2, 3, 1)));
    expect(m.hash(afterAdds(1, 2))).not.toBe(m.hash(afterAdds(1, 2, 3)));
  });

  it('starts from initial elements when given', () => {
    expect(setModel({ init: [2, 1, 2] }).init()).toEqual([1, 2]);
  });

  it('validates read results and f', () => {
    expect(m.validate(read, ok([1]))).toBeNull();
    expect(m.validate(read, ok(3))).toEqual({ field: 'value', message: 'a set read returns a list of elements, got 3' });
    expect(m.validate(read, UNKNOWN)).toBeNull();
    expect(m.validate({ f: 'remove', value: 1 }, undefined)?.field).toBe('f');
  });

  it('describes ops and states', () => {
    expect(m.describe(add(1), ok(1))).toBe('add 1');
    expect(m.describe(read, ok([1, 2]))).toBe('read -> [1 2]');
    expect(m.describeState!(afterAdds(2, 1))).toBe('#{1 2}');
    expect(m.readOnly!(read)).toBe(true);
  });
});
