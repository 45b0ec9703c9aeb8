import type { Model, ModelOptions } from './model.js';
import { buildModel, type OpSpec } from './_internals/build-model.js';
import { canonicalKey, nil, sameValue } from './canonical.js';
import { describeCommand, describeQuery, formatValue } from './_internals/format.js';
import { isNil, requireInit } from './_internals/init-check.js';

/** The queued values, head first. */
type Queue = readonly unknown[];

const ENQUEUE: OpSpec<Queue> = {
  step: (queue, input) => [[...queue, nil(input.value)]],
  describe: (input, output) => describeCommand(input, output, formatValue(input.value)),
};

const DEQUEUE: OpSpec<Queue> = {
  step: (queue, _input, output) => {
    // Dequeuing an empty queue succeeds with nil and changes nothing.
    if (queue.length === 0) return !output.known || nil(output.value) === null ? [queue] : [];
    if (output.known && !sameValue(queue[0], output.value)) return [];
    return [queue.slice(1)];
  },
  describe: describeQuery,
};

/**
 * A FIFO queue: `enqueue` a value; `dequeue` returns the oldest one (nil when the
 * queue is empty). `constraints.init` is the initial contents, a list, head first.
 *
 * @example
 * const m = fifoQueueModel();
 * m.step([1, 2], { f: 'dequeue', value: null }, { known: true, value: 1 }); // [[2]]
 * m.step([1, 2], { f: 'dequeue', value: null }, { known: true, value: 2 }); // []
 */
export function fifoQueueModel(constraints: ModelOptions = {}): Model<Queue> {
  requireInit('fifo-queue', 'a list of queued values, head first, or nil for an empty queue', constraints.init, (v) => isNil(v) || Array.isArray(v));
  return buildModel<Queue>({
    name: 'fifo-queue',
    init: Array.isArray(constraints.init) ? constraints.init.map(nil) : [],
    ops: { enqueue: ENQUEUE, dequeue: DEQUEUE },
    hash: canonicalKey,
    describeState: formatValue,
  });
}
