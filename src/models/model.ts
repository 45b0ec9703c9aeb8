import type { Input, Operation, Output } from '../history/operation.js';
import type { NilReads } from './nil-reads.js';

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
  /**
   * For models whose reads return a register's value: how a completed read of nil is
   * read (see NIL_READINGS). Absent for models where nil is never a read's wildcard.
   */
  nilReads?: NilReads;
  /** The f values this model understands. */
  fs: readonly string[];
  init(): S;
  /** The states after applying `input` with result `output`; `[]` = not allowed here. */
  step(state: S, input: I, output: O): S[];
  hash(state: S): string | number;
  /** P-compositionality: independent sub-histories (e.g. one per key). */
  partition?(ops: readonly Operation<I, O>[]): Operation<I, O>[][];
  describe(input: I, output: O): string;
  /** Optional: a state as short human text (`nil`, `#{1 2}`, `locked`), for explanations. */
  describeState?(state: S): string;
  /** Checks an op's shape; `output` is undefined for an invoke. */
  validate(input: I, output: O | undefined): FieldError | null;
  /**
   * Optional, for pruning indeterminate ops the search can never need.
   * True when the op never changes the state (a read): if its outcome is unknown it
   * explains nothing and can be dropped.
   */
  readOnly?(input: I): boolean;
  /**
   * Optional, for pruning: when the op overwrites the whole state with a value no
   * matter what was there (a blind write), that value; else undefined.
   */
  blindWrite?(input: I): { value: unknown } | undefined;
  /**
   * Optional, for pruning: every state value this op observes or depends on (a read's
   * result, a cas's expected value); `'any'` when it depends on the state in a way a
   * list cannot say (an append carries the old value into the new one). A blind write
   * whose value no op observes can be left out when its outcome is unknown: had it
   * happened, nothing could tell.
   */
  observes?(input: I, output: O): unknown[] | 'any';
  /**
   * Optional, for pruning: when the op appends to the state (the new state is the old
   * one with `mark` added at the end, and the op needs nothing of the old state), the
   * mark. The mark then stays visible in every later state until a blind write, so an
   * indeterminate append whose mark no observed value contains can be left out.
   */
  appendMark?(input: I): string | undefined;
}

/** Options every model factory accepts. */
export interface ModelOptions {
  /** The initial value (Jepsen's nil = null when absent). */
  init?: unknown;
  /**
   * For the register models (register, cas-register, kv, multi-register): whether a
   * completed read of nil is a read of an unknown value that matches any state
   * (`unknown`, as Jepsen reads it) or a read of the value nil (`value`, the default).
   * `defaultNilReads(format)` gives the reading a history's format was written for;
   * other models ignore it.
   */
  nilReads?: NilReads;
}

export type ModelFactory = (constraints?: ModelOptions) => Model<any>;
