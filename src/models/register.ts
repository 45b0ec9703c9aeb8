import type { Model, ModelOptions } from './model.js';
import { buildModel } from './_internals/build-model.js';
import { nil, valueHash } from './canonical.js';
import { nilReadsOption } from './nil-reads.js';
import { formatValue } from './_internals/format.js';
import { readOp, WRITE } from './_internals/register-ops.js';

/**
 * A single read/write register (Knossos' `register`). `read`/`get` must return the
 * current value; `write`/`put` sets it. A read of nil is a read of the value nil, or
 * with `nilReads: 'unknown'` (Jepsen's reading) a read of an unknown value.
 *
 * @example
 * const m = registerModel({ init: 0 });
 * m.step(0, { f: 'read', value: null }, { known: true, value: 0 }); // [0]
 * m.step(0, { f: 'read', value: null }, { known: true, value: 1 }); // []
 * registerModel({ init: 0, nilReads: 'unknown' }).step(0, { f: 'read', value: null }, { known: true, value: null }); // [0]
 */
export function registerModel(constraints: ModelOptions = {}): Model<unknown> {
  const nilReads = nilReadsOption(constraints.nilReads);
  const read = readOp(nilReads);
  return buildModel<unknown>({
    name: 'register',
    init: nil(constraints.init),
    ops: { read, get: read, write: WRITE, put: WRITE },
    nilReads,
    hash: valueHash,
    describeState: formatValue,
  });
}
