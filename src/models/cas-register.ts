import type { Model, ModelOptions } from './model.js';
import { buildModel } from './_internals/build-model.js';
import { nil, valueHash } from './canonical.js';
import { nilReadsOption } from './nil-reads.js';
import { formatValue } from './_internals/format.js';
import { CAS, readOp, WRITE } from './_internals/register-ops.js';

/**
 * A compare-and-set register (Knossos' `cas-register`): `read`/`get`, `write`/`put`,
 * and `cas` with value `[expected, new]`, which takes effect only when the register
 * holds `expected`. With `nilReads: 'unknown'`, a read of nil matches any state, as
 * Knossos' `cas-register` steps a read: `(or (nil? value) (= value current))`.
 *
 * @example
 * const m = casRegisterModel({ init: 1 });
 * m.step(1, { f: 'cas', value: [1, 2] }, { known: true, value: [1, 2] }); // [2]
 * m.step(3, { f: 'cas', value: [1, 2] }, { known: true, value: [1, 2] }); // []
 * casRegisterModel({ init: 0, nilReads: 'unknown' }).step(2, { f: 'read', value: null }, { known: true, value: null }); // [2]
 */
export function casRegisterModel(constraints: ModelOptions = {}): Model<unknown> {
  const nilReads = nilReadsOption(constraints.nilReads);
  const read = readOp(nilReads);
  return buildModel<unknown>({
    name: 'cas-register',
    init: nil(constraints.init),
    ops: { read, get: read, write: WRITE, put: WRITE, cas: CAS },
    nilReads,
    hash: valueHash,
    describeState: formatValue,
  });
}
