import type { Model, ModelOptions } from './model.js';
import { buildModel, type OpSpec } from './_internals/build-model.js';
import { describeCommand } from './_internals/format.js';
import { isNil, requireInit } from './_internals/init-check.js';

/** True while held. Like Knossos' mutex, who holds it is not tracked. */
type Locked = boolean;

const ACQUIRE: OpSpec<Locked> = {
  step: (locked) => (locked ? [] : [true]),
  describe: (input, output) => describeCommand(input, output, ''),
};

const RELEASE: OpSpec<Locked> = {
  step: (locked) => (locked ? [false] : []),
  describe: (input, output) => describeCommand(input, output, ''),
};

/**
 * A lock (Knossos' `mutex`): `acquire` only when free, `release` only when held. It
 * starts free, or held when `constraints.init` is true (a boolean, or nil for free).
 *
 * @example
 * const m = mutexModel();
 * m.step(false, { f: 'acquire', value: null }, { known: true, value: null }); // [true]
 * m.step(true, { f: 'acquire', value: null }, { known: true, value: null });  // []
 */
export function mutexModel(constraints: ModelOptions = {}): Model<Locked> {
  requireInit('mutex', 'true (held) or false (free), or nil for free', constraints.init, (v) => isNil(v) || typeof v === 'boolean');
  return buildModel<Locked>({
    name: 'mutex',
    init: constraints.init === true,
    ops: { acquire: ACQUIRE, release: RELEASE },
    hash: (locked) => (locked ? 1 : 0),
    describeState: (locked) => (locked ? 'locked' : 'free'),
  });
}
