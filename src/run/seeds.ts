import fc from 'fast-check';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { SimRandom } from '../sim/rng.js';

/**
 * The seed of run `runIndex` of an exploration started from `baseSeed`: a hash
 * of the pair, so a run's scenario depends only on its index, never on which
 * worker ran it or when (that is what makes K workers find what one finds).
 * Non-negative 31-bit integers, as scenario seeds are.
 *
 * @example
 * runSeed(1, 0) === runSeed(1, 0); // true
 * runSeed(1, 0) !== runSeed(1, 1); // true (almost surely)
 */
export function runSeed(baseSeed: number, runIndex: number): number {
  let h = Math.imul((baseSeed | 0) ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ Math.imul(runIndex | 0, 0xc2b2ae35), 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x165667b1);
  h ^= h >>> 16;
  return h & 0x7fffffff;
}

/**
 * One value of an arbitrary, fixed by `seed` (no bias toward small values:
 * explore wants the sizes the constraints allow, and shrinking finds small).
 *
 * @example
 * sampleWithSeed(fc.integer({ min: 0, max: 9 }), 42) === sampleWithSeed(fc.integer({ min: 0, max: 9 }), 42); // true
 */
export function sampleWithSeed<T>(arbitrary: fc.Arbitrary<T>, seed: number): T {
  // xoroshiro's first outputs echo its seed: without mixing, seeds 1, 2, 3 draw related values.
  return arbitrary.generate(new fc.Random(xoroshiro128plus(runSeed(seed, -1))), undefined).value;
}

/**
 * A random function in [0, 1) from a seed, for generating a workload's ops: its
 * own stream, apart from the one the simulated world draws from.
 *
 * @example
 * const random = seededRandom(7);
 * random() === seededRandom(7)(); // true
 */
export function seededRandom(seed: number): () => number {
  const random = new SimRandom((seed ^ WORKLOAD_STREAM) | 0);
  return () => random.next();
}

/** Sets the workload's stream apart from the world's, which starts from the bare seed. */
const WORKLOAD_STREAM = 0x5bd1e995;
