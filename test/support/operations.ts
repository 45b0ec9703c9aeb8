import { pairOperations } from '../../src/history/pair.js';

/**
 * Pairs a history into the operations the linearizability search sees (fail dropped,
 * info and still-open invokes indeterminate, nemesis ignored): the project's own
 * pairing, under the name the test oracles use.
 *
 * @example
 * bruteForceLinearizable(toOperations(history), registerModel());
 */
export const toOperations = pairOperations;
