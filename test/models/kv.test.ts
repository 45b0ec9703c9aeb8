import { describe, expect, it } from 'vitest';
import type { Operation } from '../../src/history/operation.js';
import { kvModel } from '../../src/models/kv.js';
import { ok, UNKNOWN } from '../support/outputs.js';

function operation(id: number, key: string | number | undefined, f = 'get'): Operation {
  return {
    id,
    process: 0,
    call: id,
    ret: id + 1,
    input: { f, ...(key === undefined ? {} : { key }), value: null },
    output: ok(''),
    invokeIndex: id,
  };
}

describe('kvModel', () => {
  const m = kvModel({ init: '' });

  it('starts every key at the init value', () => {
    expect(m.init()).toBe('');
    expect(kvModel().init()).toBeNull();
  });

  it('gets, puts and appends on one key', () => {
    expect(m.step('', { f: 'get', key: 'k', value: null }, ok(''))).toEqual(['']);
    expect(m.step('a', { f: 'get', key: 'k', value: null }, ok('b'))).toEqual([]);
    expect(m.step('a', { f: 'put', key: 'k', value: 'b' }, ok('b'))).toEqual(['b']);
    expect(m.step('x 0 0 y', { f: 'append', key: 'k', value: 'x 1 0 y' }, UNKNOWN)).toEqual(['x 0 0 yx 1 0 y']);
    expect(m.step('a', { f: 'cas', key: 'k', value: ['a', 'b'] }, ok(['a', 'b']))).toEqual(['b']);
    expect(m.step('a', { f: 'read', key: 'k', value: null }, ok('a'))).toEqual(['a']);
    expect(m.step('a', { f: 'write', key: 'k', value: 'c' }, ok('c'))).toEqual(['c']);
  });

  it('appends onto nil as onto the empty string', () => {
    expect(kvModel().step(null, { f: 'append', key: 'k', value: 'x' }, ok('x'))).toEqual(['x']);
  });

  it('partitions by key, keeping history order and telling 1 from "1"', () => {
    const ops = [operation(0, 'a'), operation(1, 'b'), operation(2, 'a'), operation(3, 1), operation(4, '1')];
    const groups = m.partition!(ops).map((group) => group.map((op) => op.id));
    expect(groups).toEqual([[0, 2], [1], [3], [4]]);
  });

  it('needs a key on every op and a string to append', () => {
    expect(m.validate({ f: 'get', value: null }, undefined)).toEqual({
      field: 'key',
      message: 'kv ops need a key; this get has none',
    });
    expect(m.validate({ f: 'append', key: 'k', value: 3 }, undefined)).toEqual({
      field: 'value',
      message: 'append expects a string, got 3',
    });
    expect(m.validate({ f: 'append', key: 'k', value: 'x' }, undefined)).toBeNull();
    expect(m.validate({ f: 'cas', key: 'k', value: 'x' }, undefined)?.field).toBe('value');
    expect(m.validate({ f: 'add', key: 'k', value: 1 }, undefined)?.field).toBe('f');
  });

  it('describes ops with their key', () => {
    expect(m.describe({ f: 'get', key: 'k', value: null }, ok('x 0'))).toBe('get k -> "x 0"');
    expect(m.describe({ f: 'append', key: '0', value: 'x 9 0 y' }, UNKNOWN)).toBe('append 0 "x 9 0 y" ?');
    expect(m.describe({ f: 'cas', key: 'k', value: ['a', 'b'] }, ok(['a', 'b']))).toBe('cas k "a"->"b"');
  });

  it('declares an append by its mark, which carries the old value forward', () => {
    // The append needs nothing of the old value; pruning learns from the mark that the
    // old value lives on inside later ones.
    expect(m.observes!({ f: 'append', key: 'k', value: 'x' }, ok('x'))).toEqual([]);
    expect(m.appendMark!({ f: 'append', key: 'k', value: 'x' })).toBe('x');
    expect(m.appendMark!({ f: 'put', key: 'k', value: 'x' })).toBeUndefined();
    expect(m.blindWrite!({ f: 'put', key: 'k', value: 'x' })).toEqual({ value: 'x' });
    expect(m.readOnly!({ f: 'get', key: 'k', value: null })).toBe(true);
  });
});
