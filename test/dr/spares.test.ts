import { describe, expect, test } from 'vitest';
import { measureSparesLevels } from '../../src/dr/measure-many.js';

import { runSpares, SPARES_TIMING } from '../../src/dr/run-spares.js';

const RUNS = 8;
const [none, oneOfOne, oneOfTwo, twoOfTwo] = measureSparesLevels(RUNS, 1);

describe('N+1 and N+2 spares of a leaderless ring', () => {
  test('with no spare, a lost node leaves its ranges without writes for good', () => {
    expect(none!.unrecovered).toBe(RUNS);
  });

  test('N+1 survives one failure, not two; N+2 survives two', () => {
    expect(oneOfOne!.unrecovered).toBe(0);
    expect(oneOfTwo!.unrecovered).toBe(RUNS);
    expect(twoOfTwo!.unrecovered).toBe(0);
    expect(oneOfOne!.rtoMs.p50!).toBeGreaterThan(SPARES_TIMING.detectMs);
  });

  test('a take-over moves data: two take-overs move about twice the bytes of one', () => {
    expect(oneOfOne!.cost.bytesShipped).toBeGreaterThan(0);
    expect(twoOfTwo!.cost.bytesShipped).toBeGreaterThan(1.5 * oneOfOne!.cost.bytesShipped);
    expect(none!.cost.bytesShipped).toBe(0);
  });

  test('spares are paid for while idle: N+2 runs more node-seconds than N+1', () => {
    expect(twoOfTwo!.cost.nodeSeconds).toBeGreaterThan(oneOfTwo!.cost.nodeSeconds);
    expect(oneOfOne!.rpoWrites.p99).toBe(0);
    expect(twoOfTwo!.rpoWrites.p99).toBe(0);
  });
});

describe('a spares run', () => {
  test('is the same for the same seed, and draws its failure time from it', () => {
    const level = { spares: 2, failures: 2 };
    expect(runSpares(level, 4, SPARES_TIMING)).toEqual(runSpares(level, 4, SPARES_TIMING));
    const failTimes = new Set([1, 2, 3, 4, 5].map((seed) => runSpares(level, seed, SPARES_TIMING).failAtMs));
    expect(failTimes.size).toBeGreaterThan(1);
  });
});
