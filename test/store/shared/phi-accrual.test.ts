import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { HeartbeatDetector } from '../../../src/store/shared/heartbeat-detector.js';
import { phiOf, PhiAccrualDetector } from '../../../src/store/shared/phi-accrual.js';

/** A small seeded generator (mulberry32), so each seed gives one fixed heartbeat schedule. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Heartbeat arrival times on a jittery but healthy link: about every 100 ms, normal
 * jitter (sd ≈ 25 ms) and, one time in twenty, an extra 60-140 ms stall.
 */
function jitteryArrivals(seed: number, count: number): number[] {
  const random = generator(seed);
  const arrivals: number[] = [];
  let t = 0;
  for (let i = 0; i < count; i++) {
    const normal = (random() + random() + random() + random() - 2) * 43; // Irwin-Hall: sd ≈ 25
    const stall = random() < 0.05 ? 60 + random() * 80 : 0;
    t += Math.max(10, 100 + normal + stall);
    arrivals.push(t);
  }
  return arrivals;
}

interface Detector {
  heartbeat(atMs: number): void;
  status(atMs: number): string;
}

/** Gaps between heartbeats during which the detector declared the (healthy) node dead. */
function falseSuspicions(detector: Detector, arrivals: readonly number[]): number {
  let count = 0;
  for (const at of arrivals) {
    if (detector.status(at - 0.001) === 'declared') count++; // silence is longest just before the heartbeat
    detector.heartbeat(at);
  }
  return count;
}

describe('phiOf', () => {
  it('is -log10(1/2) at the mean and grows with silence', () => {
    expect(phiOf(100, 100, 10)).toBeCloseTo(Math.log10(2), 3);
    expect(phiOf(120, 100, 10)).toBeGreaterThan(phiOf(110, 100, 10));
    expect(phiOf(150, 100, 10)).toBeGreaterThan(7);
    expect(phiOf(50, 100, 10)).toBeLessThan(0.001);
  });

  it('is larger for the same silence when arrivals are more regular', () => {
    expect(phiOf(150, 100, 5)).toBeGreaterThan(phiOf(150, 100, 25));
  });
});

describe('PhiAccrualDetector', () => {
  const constraints = { threshold: 8, windowSize: 100, minStdDevMs: 5, firstIntervalEstimateMs: 100 };

  it('learns the mean and spread of the window', () => {
    const fd = new PhiAccrualDetector({ ...constraints, windowSize: 4 }, 0);
    for (const at of [100, 200, 300, 400]) fd.heartbeat(at);
    expect(fd.meanMs()).toBe(100);
    expect(fd.stdDevMs()).toBe(5); // exact rhythm: the floor
    fd.heartbeat(600); // a slide drops the oldest interval
    expect(fd.meanMs()).toBe(125);
  });

  it('ignores heartbeats older than the last one', () => {
    const fd = new PhiAccrualDetector(constraints, 0);
    fd.heartbeat(100);
    fd.heartbeat(90);
    expect(fd.phi(100)).toBeLessThan(0.01);
  });

  test.prop([fc.integer({ min: 1, max: 2 ** 31 })], { numRuns: 25 })(
    'raises fewer false suspicions than a fixed timeout tuned to the mean, on a jittery healthy link',
    (seed) => {
      const arrivals = jitteryArrivals(seed, 2_000);
      const meanMs = arrivals[arrivals.length - 1]! / arrivals.length;
      const phi = falseSuspicions(new PhiAccrualDetector(constraints, 0), arrivals);
      const fixed = falseSuspicions(new HeartbeatDetector({ suspectAfterMs: meanMs, declareAfterMs: 1.5 * meanMs }, 0), arrivals);
      expect(fixed).toBeGreaterThan(20);
      expect(phi).toBeLessThan(fixed / 10);
    },
  );

  test.prop([fc.integer({ min: 1, max: 2 ** 31 })], { numRuns: 25 })('both detectors declare a crashed node within their bounds', (seed) => {
    const arrivals = jitteryArrivals(seed, 500);
    const phi = new PhiAccrualDetector(constraints, 0);
    const fixed = new HeartbeatDetector({ suspectAfterMs: 100, declareAfterMs: 150 }, 0);
    for (const at of arrivals) {
      phi.heartbeat(at);
      fixed.heartbeat(at);
    }
    const crashedAt = arrivals[arrivals.length - 1]!; // no heartbeat after this
    expect(fixed.status(crashedAt + 149)).not.toBe('declared');
    expect(fixed.status(crashedAt + 150)).toBe('declared');
    // Phi 8 is about 5.3 standard deviations past the mean: declared by 6, not before the mean.
    const mean = phi.meanMs();
    const sd = phi.stdDevMs();
    expect(phi.status(crashedAt + mean)).toBe('trusted');
    expect(phi.status(crashedAt + mean + 6 * sd)).toBe('declared');
  });

  it('rejects a window too small to have a spread', () => {
    expect(() => new PhiAccrualDetector({ ...constraints, windowSize: 1 }, 0)).toThrow(RangeError);
  });
});
