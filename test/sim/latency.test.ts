import { describe, expect, test } from 'vitest';
import { SimRandom, sampleLatencyMs, validateLatency, type LatencyDistribution } from '../../src/sim/index.js';

function sample(dist: LatencyDistribution, n = 20_000): number[] {
  const rng = new SimRandom(11);
  return Array.from({ length: n }, () => sampleLatencyMs(dist, rng));
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('latency distributions', () => {
  test('constant always gives its value and draws nothing', () => {
    const rng = new SimRandom(1);
    expect(sampleLatencyMs({ kind: 'constant', value: 3 }, rng)).toBe(3);
    expect(rng.draws).toBe(0);
  });

  test('uniform stays in [min, max) with the middle as mean', () => {
    const xs = sample({ kind: 'uniform', min: 2, max: 6 });
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...xs)).toBeLessThan(6);
    expect(mean(xs)).toBeCloseTo(4, 1);
  });

  test('exponential is capped and has about the given mean when the cap is far', () => {
    const xs = sample({ kind: 'exponential', mean: 10, max: 1000 });
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(mean(xs)).toBeGreaterThan(9.5);
    expect(mean(xs)).toBeLessThan(10.5);
    const capped = sample({ kind: 'exponential', mean: 10, max: 15 });
    expect(Math.max(...capped)).toBe(15);
  });

  test('normal is clipped at 0 and centred on its mean', () => {
    const xs = sample({ kind: 'normal', mean: 20, stddev: 4 });
    expect(mean(xs)).toBeCloseTo(20, 0);
    const sd = Math.sqrt(mean(xs.map((x) => (x - 20) ** 2)));
    expect(sd).toBeGreaterThan(3.8);
    expect(sd).toBeLessThan(4.2);
    const clipped = sample({ kind: 'normal', mean: 0, stddev: 5 });
    expect(Math.min(...clipped)).toBe(0);
    expect(clipped.filter((x) => x === 0).length).toBeGreaterThan(9000);
  });

  test('validation names the bad field', () => {
    expect(() => validateLatency({ kind: 'uniform', min: 5, max: 1 })).toThrow(/max/);
    expect(() => validateLatency({ kind: 'constant', value: -1 })).toThrow(/value/);
    expect(() => validateLatency({ kind: 'exponential', mean: NaN, max: 3 })).toThrow(/mean/);
    expect(() => validateLatency({ kind: 'normal', mean: 1, stddev: -1 })).toThrow(/stddev/);
    expect(() => validateLatency({ kind: 'nope' } as unknown as LatencyDistribution)).toThrow(/kind/);
    expect(() => validateLatency({ kind: 'uniform', min: 1, max: 5 })).not.toThrow();
  });
});
