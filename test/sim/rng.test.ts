import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { SimRandom } from '../../src/sim/index.js';

const draws = (rng: SimRandom, n: number) => Array.from({ length: n }, () => rng.next());

describe('SimRandom', () => {
  test('the same seed gives the same sequence', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expect(draws(new SimRandom(seed), 20)).toEqual(draws(new SimRandom(seed), 20));
      }),
    );
  });

  test('nearby seeds give unrelated first draws', () => {
    const firsts = Array.from({ length: 100 }, (_, seed) => new SimRandom(seed).next());
    expect(new Set(firsts).size).toBe(100);
    // Small seeds must not all start near the same value (an unmixed seed would).
    const mean = firsts.reduce((a, b) => a + b, 0) / firsts.length;
    expect(mean).toBeGreaterThan(0.35);
    expect(mean).toBeLessThan(0.65);
  });

  test('draws are in [0, 1) and roughly uniform', () => {
    const values = draws(new SimRandom(7), 20_000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const buckets = new Array<number>(10).fill(0);
    for (const v of values) buckets[Math.floor(v * 10)]!++;
    for (const count of buckets) expect(Math.abs(count - 2000)).toBeLessThan(250);
  });

  test('int stays within bounds, both included', () => {
    const rng = new SimRandom(3);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(2, 5)));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  test('chance(0) and chance(1) draw nothing; other probabilities draw once', () => {
    const rng = new SimRandom(3);
    expect(rng.chance(0)).toBe(false);
    expect(rng.chance(1)).toBe(true);
    expect(rng.draws).toBe(0);
    rng.chance(0.5);
    expect(rng.draws).toBe(1);
  });

  test('rejects a non-integer seed', () => {
    expect(() => new SimRandom(1.5)).toThrow(RangeError);
  });
});
