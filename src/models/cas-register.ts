import type { Model, ModelOptions } from './model.js';
import { buildModel } from './_internals/build-model.js';
import { nil, valueHash } from './canonical.js';
import { formatValue } from './_internals/format.js';
import { CAS, READ, WRITE } from './_internals/register-ops.js';

/**
 * A compare-and-set register (Knossos' `cas-register`): `read`/`get`, `write`/`put`,
 * and `cas` with value `[expected, new]`, which takes effect only when the register
 * holds `expected`.
 *
 * @example
 * const m = casRegisterModel({ init: 1 });
 * m.step(1, { f: 'cas', value: [1, 2] }, { known: true, value: [1, 2] }); // [2]
 * m.step(3, { f: 'cas', value: [1, 2] }, { known: true, value: [1, 2] }); // []
 */
export function casRegisterModel(constraints: ModelOptions = {}): Model<unknown> {
  return buildModel<unknown>({
    name: 'cas-register',
    init: nil(constraints.init),
    ops: { read: READ, get: READ, write: WRITE, put: WRITE, cas: CAS },
    hash: valueHash,
    describeState: formatValue,
  });
}
