import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/**
 * The simulation's one random generator (xoroshiro128+ from pure-rand). Every
 * random choice of a run (latency, loss, duplication, reordering, what nodes
 * draw through `ctx.random()`) is taken from it, in event order, so a seed
 * fixes the whole run.
 *
 * @example
 * const rng = new SimRandom(42);
 * const u = rng.next();          // in [0, 1)
 * const coin = rng.chance(0.5);  // true about half the time
 */
export class SimRandom {
  private readonly generator: RandomGenerator;
  /** Number of uniform draws so far: handy to see where two runs diverge. */
  draws = 0;

  constructor(readonly seed: number) {
    if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
    this.generator = xoroshiro128plus(mixSeed(seed));
    // The first outputs of a fresh xoroshiro state still echo the seed's bits.
    for (let i = 0; i < WARM_UP_DRAWS; i++) this.generator.next();
  }

  /** Uniform in [0, 1), 53 bits of randomness. */
  next(): number {
    this.draws++;
    return uniformFloat64(this.generator);
  }

  /** True with probability `p`. Draws nothing when p is 0 or 1, keeping fault-free runs cheap. */
  chance(p: number): boolean {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return this.next() < p;
  }

  /** Uniform integer in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
}

const WARM_UP_DRAWS = 16;

/**
 * Spreads the seed's bits over all 32 (MurmurHash3's finaliser), so nearby
 * seeds (1, 2, 3...) start from unrelated states.
 */
function mixSeed(seed: number): number {
  let h = seed | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
