import type { Model, ModelOptions } from './model.js';
import { buildModel, type OpSpec } from './_internals/build-model.js';
import { canonicalKey, nil } from './canonical.js';
import { describeCommand, describeQuery, formatValue } from './_internals/format.js';
import { isNil, requireInit } from './_internals/init-check.js';
import { distinctKeys, insertSorted, sortedHash } from './_internals/sorted-values.js';

/** The elements, distinct, sorted by canonical key. */
type Elements = readonly unknown[];

const ADD: OpSpec<Elements> = {
  step: (state, input) => [insertSorted(state, nil(input.value), true)],
  describe: (input, output) => describeCommand(input, output, formatValue(input.value)),
};

const READ: OpSpec<Elements> = {
  step: (state, _input, output) => (!output.known || sameElements(state, output.value) ? [state] : []),
  describe: describeQuery,
  checkOutput: (value) => (Array.isArray(value) ? null : `a set read returns a list of elements, got ${formatValue(value)}`),
  readOnly: () => true,
};

/**
 * A grow-only set: `add` an element; `read` returns every element, compared as a set
 * (order and repeats do not matter). `constraints.init` is the initial elements (a
 * list; anything else is rejected); nil is the empty set.
 *
 * @example
 * const m = setModel();
 * const [after] = m.step(m.init(), { f: 'add', value: 1 }, { known: true, value: 1 });
 * m.step(after!, { f: 'read', value: null }, { known: true, value: [1] }); // [[1]]
 */
export function setModel(constraints: ModelOptions = {}): Model<Elements> {
  requireInit('set', 'a list of elements, or nil for the empty set', constraints.init, (v) => isNil(v) || Array.isArray(v));
  const initial = Array.isArray(constraints.init) ? constraints.init : [];
  return buildModel<Elements>({
    name: 'set',
    init: initial.reduce<Elements>((set, element) => insertSorted(set, nil(element), true), []),
    ops: { add: ADD, read: READ, get: READ },
    hash: sortedHash,
    describeState: (state) => `#{${state.map(formatValue).join(' ')}}`,
  });
}

function sameElements(state: Elements, read: unknown): boolean {
  if (!Array.isArray(read)) return false;
  // Repeats in a read are tolerated, so compare the distinct keys; cheap length check first.
  if (read.length < state.length) return false;
  const keys = distinctKeys(read);
  if (keys.length !== state.length) return false;
  return keys.every((key, i) => key === canonicalKey(state[i]));
}
