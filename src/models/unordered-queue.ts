import type { Model, ModelOptions } from './model.js';
import { buildModel, type OpSpec } from './_internals/build-model.js';
import { canonicalKey, nil } from './canonical.js';
import { describeCommand, describeQuery, formatValue } from './_internals/format.js';
import { isNil, requireInit } from './_internals/init-check.js';
import { insertSorted, removeOne, sortedHash } from './_internals/sorted-values.js';

/** The queued values as a multiset: sorted by canonical key, repeats kept. */
type Bag = readonly unknown[];

const ENQUEUE: OpSpec<Bag> = {
  step: (bag, input) => [insertSorted(bag, nil(input.value), false)],
  describe: (input, output) => describeCommand(input, output, formatValue(input.value)),
};

const DEQUEUE: OpSpec<Bag> = {
  step: (bag, _input, output) => {
    // Dequeuing an empty queue succeeds with nil and changes nothing.
    if (bag.length === 0) return !output.known || nil(output.value) === null ? [bag] : [];
    if (output.known) {
      const after = removeOne(bag, nil(output.value));
      return after === undefined ? [] : [after];
    }
    return withoutEachDistinct(bag);
  },
  describe: describeQuery,
};

/**
 * A queue without order (Knossos' `unordered-queue`): `enqueue` a value; `dequeue`
 * returns any queued one (nil when empty). An indeterminate dequeue may have taken any
 * of the distinct values queued. `constraints.init` is the initial contents (a list).
 *
 * @example
 * const m = unorderedQueueModel();
 * m.step([1, 2], { f: 'dequeue', value: null }, { known: true, value: 2 });  // [[1]]
 * m.step([1, 2], { f: 'dequeue', value: null }, { known: false, value: null }); // [[2], [1]]
 */
export function unorderedQueueModel(constraints: ModelOptions = {}): Model<Bag> {
  requireInit('unordered-queue', 'a list of queued values, or nil for an empty queue', constraints.init, (v) => isNil(v) || Array.isArray(v));
  const initial = Array.isArray(constraints.init) ? constraints.init : [];
  return buildModel<Bag>({
    name: 'unordered-queue',
    init: initial.reduce<Bag>((bag, value) => insertSorted(bag, nil(value), false), []),
    ops: { enqueue: ENQUEUE, dequeue: DEQUEUE },
    hash: sortedHash,
    describeState: (bag) => `#queue[${bag.map(formatValue).join(' ')}]`,
  });
}

// One successor per distinct value: removing either of two equal values gives one state.
function withoutEachDistinct(bag: Bag): Bag[] {
  const successors: Bag[] = [];
  for (let i = 0; i < bag.length; i++) {
    if (i > 0 && canonicalKey(bag[i]) === canonicalKey(bag[i - 1])) continue;
    successors.push([...bag.slice(0, i), ...bag.slice(i + 1)]);
  }
  return successors;
}
