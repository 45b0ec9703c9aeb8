import type { Input } from '../history/operation.js';
import type { Model, ModelOptions } from './model.js';
import { buildModel, type OpSpec } from './_internals/build-model.js';
import { sameValue } from './canonical.js';
import { describeCommand, describeQuery, formatValue } from './_internals/format.js';

const ADD: OpSpec<number> = {
  step: (state, input) => [state + deltaOf(input)],
  describe: (input, output) => describeCommand(input, output, input.value == null ? '' : formatValue(input.value)),
  checkInput: (input) =>
    input.value == null || typeof input.value === 'number'
      ? null
      : `${input.f} expects a number to add (or nil for 1), got ${formatValue(input.value)}`,
};

const READ: OpSpec<number> = {
  step: (state, _input, output) => (!output.known || sameValue(state, output.value) ? [state] : []),
  describe: describeQuery,
  checkOutput: (value) => (typeof value === 'number' ? null : `a counter read returns a number, got ${formatValue(value)}`),
  readOnly: () => true,
};

/**
 * A counter: `add` / `increment` / `incr` by the op's value (1 when nil), `read`
 * returns the total. `constraints.init` is the starting count (nil: 0).
 *
 * @example
 * const m = counterModel();
 * m.step(0, { f: 'add', value: 2 }, { known: true, value: 2 }); // [2]
 * m.step(2, { f: 'read', value: null }, { known: true, value: 2 }); // [2]
 */
export function counterModel(constraints: ModelOptions = {}): Model<number> {
  const init = constraints.init;
  return buildModel<number>({
    name: 'counter',
    init: typeof init === 'number' ? init : 0,
    ops: { add: ADD, increment: ADD, incr: ADD, read: READ, get: READ },
    hash: (state) => state,
    describeState: String,
  });
}

function deltaOf(input: Input): number {
  return typeof input.value === 'number' ? input.value : 1;
}
