import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { canonicalKey, comparable, sameValue } from '../../../src/models/canonical.js';

const json = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);

describe('canonicalKey', () => {
  it('is blind to key order and tells types apart', () => {
    expect(canonicalKey({ b: 1, a: 2 })).toBe(canonicalKey({ a: 2, b: 1 }));
    expect(canonicalKey('1')).not.toBe(canonicalKey(1));
    expect(canonicalKey([1])).not.toBe(canonicalKey({ 0: 1 }));
    expect(canonicalKey(null)).toBe(canonicalKey(undefined));
    expect(canonicalKey(3n)).toBe(canonicalKey(3));
    expect(canonicalKey(new Set([2, 1]))).toBe(canonicalKey(new Set([1, 2])));
    expect(canonicalKey(new Map([['a', 1]]))).not.toBe(canonicalKey({ a: 1 }));
  });

  it('gives two JSON values one key exactly when they are deeply equal', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(canonicalKey(a) === canonicalKey(b)).toBe(isDeepStrictEqual(a, b));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('sameValue', () => {
  it('agrees with the canonical key on every pair, fast paths included', () => {
    const anyValue = fc.oneof(json, fc.constantFrom(undefined, Number.NaN, 0, '0', null, 1n));
    fc.assert(
      fc.property(anyValue, anyValue, (a, b) => {
        expect(sameValue(a, b)).toBe(canonicalKey(a) === canonicalKey(b));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('comparable', () => {
  it('is identical for same values, as the checker compares them', () => {
    const anyValue = fc.oneof(json, fc.constantFrom(undefined, 2n ** 60n, 3n, 3, Number.MAX_SAFE_INTEGER + 2));
    fc.assert(
      fc.property(anyValue, anyValue, (a, b) => {
        if (sameValue(a, b)) expect(Object.is(comparable(a), comparable(b))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
