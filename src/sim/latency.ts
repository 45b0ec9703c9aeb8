import type { SimRandom } from './rng.js';

/**
 * How long a message spends on the wire, in virtual milliseconds.
 *
 * - `constant`: always `value`.
 * - `uniform`: uniform in [`min`, `max`).
 * - `exponential`: mean `mean`, capped at `max` (a long tail without unbounded stalls).
 * - `normal`: mean `mean`, standard deviation `stddev`, clipped at 0.
 */
export type LatencyDistribution =
  | { kind: 'constant'; value: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'exponential'; mean: number; max: number }
  | { kind: 'normal'; mean: number; stddev: number };

/**
 * Draws one latency from `dist`. A constant distribution draws nothing from the
 * generator, so switching a link to constant latency changes the draw sequence:
 * that is deterministic, since the switch itself is part of the run.
 *
 * @example
 * const rng = new SimRandom(1);
 * sampleLatencyMs({ kind: 'uniform', min: 1, max: 5 }, rng); // e.g. 3.14
 */
export function sampleLatencyMs(dist: LatencyDistribution, rng: SimRandom): number {
  switch (dist.kind) {
    case 'constant':
      return dist.value;
    case 'uniform':
      return dist.min + rng.next() * (dist.max - dist.min);
    case 'exponential':
      // 1 - u lies in (0, 1], so the logarithm is finite.
      return Math.min(dist.max, -dist.mean * Math.log(1 - rng.next()));
    case 'normal':
      return Math.max(0, dist.mean + dist.stddev * standardNormal(rng));
  }
}

/** Box-Muller: two uniform draws give one standard normal value. */
function standardNormal(rng: SimRandom): number {
  const u1 = 1 - rng.next();
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * Throws a RangeError naming the bad field when `dist` cannot be sampled
 * (negative or non-finite bounds, min above max).
 *
 * @example
 * validateLatency({ kind: 'uniform', min: 5, max: 1 }); // throws RangeError
 */
export function validateLatency(dist: LatencyDistribution): void {
  const bad = (field: string): never => {
    throw new RangeError(`latency ${dist.kind}: invalid ${field} in ${JSON.stringify(dist)}`);
  };
  const isNonNegative = (x: number): boolean => Number.isFinite(x) && x >= 0;
  switch (dist.kind) {
    case 'constant':
      if (!isNonNegative(dist.value)) bad('value');
      return;
    case 'uniform':
      if (!isNonNegative(dist.min)) bad('min');
      if (!isNonNegative(dist.max) || dist.max < dist.min) bad('max');
      return;
    case 'exponential':
      if (!isNonNegative(dist.mean)) bad('mean');
      if (!isNonNegative(dist.max)) bad('max');
      return;
    case 'normal':
      if (!Number.isFinite(dist.mean)) bad('mean');
      if (!isNonNegative(dist.stddev)) bad('stddev');
      return;
    default:
      bad('kind');
  }
}
