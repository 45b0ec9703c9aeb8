import type { Model, ModelOptions } from './model.js';
import { buildModel, type OpSpec } from './_internals/build-model.js';
import { nil, valueHash } from './canonical.js';
import { nilReadsOption } from './nil-reads.js';
import { describeCommand, formatValue } from './_internals/format.js';
import { partitionByKey } from './_internals/partition-by-key.js';
import { CAS, readOp, WRITE } from './_internals/register-ops.js';

/** Appends a string onto the key's value; nil reads as the empty string. */
const APPEND: OpSpec<unknown> = {
  step: (state, input) => [`${textOf(state)}${textOf(input.value)}`],
  describe: (input, output) => describeCommand(input, output, formatValue(input.value)),
  checkInput: (input) =>
    typeof input.value === 'string' ? null : `append expects a string, got ${formatValue(input.value)}`,
  // It needs nothing of the old value, but carries it forward: pruning treats a value
  // as observed when any observed text contains it (see appendMark).
  observes: () => [],
  appendMark: (input) => textOf(input.value),
};

function textOf(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/**
 * A key-value store: one register per key (`get`/`read`, `put`/`write`, `append` of a
 * string, `cas` with `[expected, new]`), every key starting at `constraints.init` (use
 * `""` for Porcupine's kv histories, where absent keys read as the empty string).
 * With `nilReads: 'unknown'` a read of nil matches whatever the key holds.
 *
 * The history splits by key (P-compositionality) and a state is one key's value, so
 * `step` is only meaningful on the ops of a single partition.
 *
 * @example
 * const m = kvModel({ init: '' });
 * m.step('', { f: 'append', key: 'k', value: 'x' }, { known: true, value: 'x' }); // ['x']
 */
export function kvModel(constraints: ModelOptions = {}): Model<unknown> {
  const nilReads = nilReadsOption(constraints.nilReads);
  const read = readOp(nilReads);
  return buildModel<unknown>({
    name: 'kv',
    init: nil(constraints.init),
    ops: { get: read, read, put: WRITE, write: WRITE, append: APPEND, cas: CAS },
    nilReads,
    hash: valueHash,
    describeState: formatValue,
    keyed: true,
    partition: partitionByKey,
  });
}
