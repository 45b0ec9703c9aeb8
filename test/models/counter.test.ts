import { describe, expect, it } from 'vitest';
import { counterModel } from '../../src/models/counter.js';
import { ok, UNKNOWN } from '../support/outputs.js';

describe('counterModel', () => {
  const m = counterModel();

  it('adds the given delta, or 1 when nil, under every alias', () => {
    expect(m.init()).toBe(0);
    expect(m.step(0, { f: 'add', value: 5 }, ok(5))).toEqual([5]);
    expect(m.step(5, { f: 'add', value: -2 }, UNKNOWN)).toEqual([3]);
    expect(m.step(0, { f: 'increment', value: null }, ok(null))).toEqual([1]);
    expect(m.step(1, { f: 'incr', value: undefined }, ok(null))).toEqual([2]);
  });

  it('reads the total', () => {
    expect(m.step(3, { f: 'read', value: null }, ok(3))).toEqual([3]);
    expect(m.step(3, { f: 'read', value: null }, ok(4))).toEqual([]);
    expect(m.step(3, { f: 'read', value: null }, UNKNOWN)).toEqual([3]);
  });

  it('starts from init when given', () => {
    expect(counterModel({ init: 10 }).init()).toBe(10);
  });

  it('validates deltas and read results', () => {
    expect(m.validate({ f: 'add', value: 2 }, undefined)).toBeNull();
    expect(m.validate({ f: 'add', value: null }, undefined)).toBeNull();
    expect(m.validate({ f: 'add', value: 'two' }, undefined)).toEqual({
      field: 'value',
      message: 'add expects a number to add (or nil for 1), got "two"',
    });
    expect(m.validate({ f: 'read', value: null }, ok('3'))?.field).toBe('value');
    expect(m.validate({ f: 'read', value: null }, ok(3))).toBeNull();
  });

  it('describes ops', () => {
    expect(m.describe({ f: 'add', value: 2 }, ok(2))).toBe('add 2');
    expect(m.describe({ f: 'increment', value: null }, UNKNOWN)).toBe('increment ?');
    expect(m.describe({ f: 'read', value: null }, ok(7))).toBe('read -> 7');
    expect(m.hash(7)).toBe(7);
  });
});
