import type { Model } from './model.js';
import { partitionByKey } from './_internals/partition-by-key.js';

/**
 * One independent copy of `model` per key (Jepsen's `independent`): the history splits
 * by each op's `key` and every key is checked against its own fresh state. Keys are
 * then required on every op.
 *
 * @example
 * const counters = byKey(counterModel({ init: 0 }));
 * counters.partition!(ops); // one group per key
 */
export function byKey<S>(model: Model<S>): Model<S> {
  return {
    ...model,
    partition: (ops) => partitionByKey(ops),
    validate: (input, output) => {
      if (input.key === undefined || input.key === null) {
        return { field: 'key', message: `${model.name} ops need a key here (one ${model.name} per key); this ${input.f} has none` };
      }
      return model.validate(input, output);
    },
  };
}
