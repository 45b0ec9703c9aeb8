import type { Input, Operation, Output } from '../history/operation.js';

/** A named field problem in an op, reported with the op's file and line. */
export interface FieldError {
  field: 'f' | 'key' | 'value';
  message: string;
}

/**
 * A sequential specification, as in Porcupine: a plain object of pure functions.
 *
 * `hash` must be injective on the states the model produces: the search treats two
 * states with the same hash as the same state.
 *
 * @example
 * const m = registerModel({ init: 0 });
 * m.step(m.init(), { f: 'write', value: 3 }, { known: true, value: 3 }); // [3]
 */
export interface Model<S = unknown, I = Input, O = Output> {
  name: string;
  /** The f values this model understands. */
  fs: readonly string[];
  init(): S;
  /** The states after applying `input` with result `output`; `[]` = not allowed here. */
  step(state: S, input: I, output: O): S[];
  hash(state: S): string | number;
  /** P-compositionality: independent sub-histories (e.g. one per key). */
  partition?(ops: readonly Operation<I, O>[]): Operation<I, O>[][];
  describe(input: I, output: O): string;
  /** Checks an op's shape; `output` is undefined for an invoke. */
  validate(input: I, output: O | undefined): FieldError | null;
}

/** Options every model factory accepts. */
export interface ModelConstraints {
  /** The initial value (Jepsen's nil = null when absent). */
  init?: unknown;
}

export type ModelFactory = (constraints?: ModelConstraints) => Model<any>;
