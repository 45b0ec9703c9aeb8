import type { Model, ModelOptions } from './model.js';
import { buildModel } from './_internals/build-model.js';
import { nil, valueHash } from './canonical.js';
import { formatValue } from './_internals/format.js';
import { READ, WRITE } from './_internals/register-ops.js';

/**
 * A single read/write register (Knossos' `register`). `read`/`get` must return the
 * current value (nil reads null); `write`/`put` sets it.
 *
 * @example
 * const m = registerModel({ init: 0 });
 * m.step(0, { f: 'read', value: null }, { known: true, value: 0 }); // [0]
 * m.step(0, { f: 'read', value: null }, { known: true, value: 1 }); // []
 */
export function registerModel(constraints: ModelOptions = {}): Model<unknown> {
  return buildModel<unknown>({
    name: 'register',
    init: nil(constraints.init),
    ops: { read: READ, get: READ, write: WRITE, put: WRITE },
    hash: valueHash,
    describeState: formatValue,
  });
}
