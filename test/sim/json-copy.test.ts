import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { JsonCopier, jsonLength } from '../../src/sim/index.js';

describe('JsonCopier', () => {
  test('copies JSON values exactly and measures their JSON.stringify length', () => {
    const copier = new JsonCopier();
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = copier.copy(value);
        expect(copy).toEqual(value);
        expect(copier.lastLength).toBe(JSON.stringify(value).length);
      }),
      { numRuns: 500 },
    );
  });

  test('measures strings that need escaping, including lone surrogates', () => {
    const copier = new JsonCopier();
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (key, text) => {
        const value = { [key]: [text, `\u0000"\\${text}`, '\ud800'] };
        copier.copy(value);
        expect(copier.lastLength).toBe(JSON.stringify(value).length);
      }),
      { numRuns: 200 },
    );
  });

  test('copies a field named __proto__ as a field (as JSON.parse makes it), not as a prototype', () => {
    const value = JSON.parse('{"__proto__":{"a":1},"b":[{"__proto__":null}]}') as unknown;
    const copier = new JsonCopier();
    const copy = copier.copy(value);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copier.lastLength).toBe(JSON.stringify(value).length);
  });

  test('jsonLength measures without copying, as JSON.stringify would', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
        expect(jsonLength(value)).toBe(JSON.stringify(value).length);
        expect(jsonLength({ [text]: [text, undefined] })).toBe(JSON.stringify({ [text]: [text, undefined] }).length);
      }),
      { numRuns: 300 },
    );
    expect(jsonLength(undefined)).toBe(0);
  });

  test('without measuring, copies the same and reports no length', () => {
    const copier = new JsonCopier(false);
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(copier.copy(value)).toEqual(value);
        expect(copier.lastLength).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  test('the copy shares no memory with the original', () => {
    const original = { a: { b: [1, { c: 'x' }] } };
    const copy = new JsonCopier().copy(original);
    (copy.a.b[1] as { c: string }).c = 'changed';
    (copy.a.b as unknown[]).push(2);
    expect(original).toEqual({ a: { b: [1, { c: 'x' }] } });
  });

  test('follows JSON for undefined: omitted in objects, null in arrays', () => {
    const copier = new JsonCopier();
    const value = { a: undefined, b: [undefined, 1], c: 2 };
    const copy = copier.copy(value);
    expect(copy).toEqual(value);
    expect(copier.lastLength).toBe(JSON.stringify(value).length);
  });

  test('non-plain objects are structured-cloned and measured by JSON.stringify', () => {
    const copier = new JsonCopier();
    const map = new Map([['k', 1]]);
    const value = { map, date: new Date(0), n: NaN, inf: -Infinity };
    const copy = copier.copy(value);
    expect(copy.map).not.toBe(map);
    expect(copy.map.get('k')).toBe(1);
    expect(copier.lastLength).toBe(JSON.stringify(value).length);
  });
});
