import type { Operation } from '../../src/history/operation.js';
import type { Model } from '../../src/models/model.js';

/**
 * The definition of linearizability, searched exhaustively: is there an order of the
 * operations, consistent with real time (a before b whenever a returned before b was
 * called), in which every operation with a known result is legal for the model?
 * Indeterminate operations (`ret: Infinity`) may sit anywhere after their call, or be
 * left out. Every successor state of a nondeterministic step is tried.
 *
 * It is exponential and kept free of the checker's ideas (no memo, no state hashing,
 * no pruning) so that the two can be compared; use it on histories of up to ~8 ops.
 * A model that splits its history (kv, by key) is checked partition by partition, as
 * its states only describe one partition.
 *
 * @example
 * bruteForceLinearizable(toOperations(history), registerModel()); // true | false
 */
export function bruteForceLinearizable(ops: readonly Operation[], model: Model<any>): boolean {
  const partitions = model.partition ? model.partition(ops) : [ops];
  return partitions.every((partition) => linearizable(partition, model));
}

function linearizable(ops: readonly Operation[], model: Model<any>): boolean {
  const placed = ops.map(() => false);
  const required = ops.filter((op) => op.ret !== Infinity).length;

  // True when every op that returned before `op` was called is already placed.
  const mayGoNext = (op: Operation): boolean =>
    ops.every((other, i) => placed[i] || !(other.ret < op.call));

  const explore = (state: unknown, placedRequired: number): boolean => {
    // Whatever indeterminate ops remain are left out: they never happened.
    if (placedRequired === required) return true;
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!;
      if (placed[i] || !mayGoNext(op)) continue;
      placed[i] = true;
      const counted = placedRequired + (op.ret === Infinity ? 0 : 1);
      const found = model.step(state, op.input, op.output).some((next) => explore(next, counted));
      placed[i] = false;
      if (found) return true;
    }
    return false;
  };
  return explore(model.init(), 0);
}
