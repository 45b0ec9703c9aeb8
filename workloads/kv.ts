import { kvModel } from '../src/models/kv.js';
import { registerCheckers } from './_internals/checker-lists.js';
import { casOps } from './_internals/cas-ops.js';
import { DEFAULT_READ_FRACTION, planOps } from './_internals/plan.js';
import type { Workload } from './workload.js';

const MODEL = kvModel();

/**
 * Several independent keys (k0..k(keys-1)), each a compare-and-set register:
 * the checker splits the history by key, so more keys mean more, smaller
 * searches. Every value written is a fresh integer across all keys.
 *
 * @example
 * const ops = kvWorkload.generate({ workload: 'kv', ops: 50, clients: 4, keys: 5 }, random);
 * new Set(ops.map((op) => op.key)).size; // up to 5
 */
export const kvWorkload: Workload = {
  name: 'kv',
  model: MODEL,
  checkers: registerCheckers(MODEL),
  verbs: {},
  summary: 'several keys, each a register with reads, writes and compare-and-set of unique integers',
  generate(spec, random) {
    return planOps(spec, random, casOps(spec.readFraction ?? DEFAULT_READ_FRACTION));
  },
};
