import type { Input } from '../history/operation.js';
import type { Model, ModelOptions } from './model.js';
import { buildModel, type OpSpec } from './_internals/build-model.js';
import { sameValue } from './canonical.js';
import { describeCommand, describeQuery, formatValue } from './_internals/format.js';
import { isNil, requireInit } from './_internals/init-check.js';

/**
 * A count: a number while it is exact as one, a bigint beyond 2^53 (histories read
 * integers that large as bigints), so a total is never rounded into agreement with a
 * read.
 */
type Count = number | bigint;

const ADD: OpSpec<Count> = {
  step: (state, input) => [addExact(state, deltaOf(input))],
  describe: (input, output) => describeCommand(input, output, input.value == null ? '' : formatValue(input.value)),
  checkInput: (input) =>
    input.value == null || isCount(input.value)
      ? null
      : `${input.f} expects a number to add (or nil for 1), got ${formatValue(input.value)}`,
};

const READ: OpSpec<Count> = {
  step: (state, _input, output) => (!output.known || sameValue(state, output.value) ? [state] : []),
  describe: describeQuery,
  checkOutput: (value) => (isCount(value) ? null : `a counter read returns a number, got ${formatValue(value)}`),
  readOnly: () => true,
};

/**
 * A counter: `add` / `increment` / `incr` by the op's value (1 when nil), `read`
 * returns the total. `constraints.init` is the starting count (nil: 0); anything but
 * a number is rejected. Integer totals beyond 2^53 are kept exactly.
 *
 * @example
 * const m = counterModel();
 * m.step(0, { f: 'add', value: 2 }, { known: true, value: 2 }); // [2]
 * m.step(2, { f: 'read', value: null }, { known: true, value: 2 }); // [2]
 */
export function counterModel(constraints: ModelOptions = {}): Model<Count> {
  const init = constraints.init;
  requireInit('counter', 'a number (the starting count), or nil for 0', init, (v) => isNil(v) || isCount(v));
  return buildModel<Count>({
    name: 'counter',
    init: isNil(init) ? 0 : normalise(init as Count),
    ops: { add: ADD, increment: ADD, incr: ADD, read: READ, get: READ },
    // A normalised count is a bigint only beyond 2^53, where no number is exact: the
    // two kinds never stand for the same total, so the text of a bigint cannot collide.
    hash: (state) => (typeof state === 'bigint' ? `${state}n` : state),
    describeState: String,
  });
}

function isCount(value: unknown): value is Count {
  return (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'bigint';
}

function deltaOf(input: Input): Count {
  return isCount(input.value) ? input.value : 1;
}

/** The exact sum while both are integers; float arithmetic once either is a fraction. */
function addExact(a: Count, b: Count): Count {
  if (typeof a === 'number' && typeof b === 'number') {
    const sum = a + b;
    if (Number.isSafeInteger(sum) || !Number.isInteger(a) || !Number.isInteger(b)) return sum;
  }
  if ((typeof a === 'number' && !Number.isInteger(a)) || (typeof b === 'number' && !Number.isInteger(b))) {
    return Number(a) + Number(b);
  }
  return normalise(BigInt(a) + BigInt(b));
}

/** One representation per total: a number when it is exact as one, else a bigint. */
function normalise(count: Count): Count {
  if (typeof count === 'bigint') return count >= -MAX_SAFE && count <= MAX_SAFE ? Number(count) : count;
  return Number.isInteger(count) && !Number.isSafeInteger(count) ? BigInt(count) : count;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
