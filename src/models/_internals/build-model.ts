import type { Input, Operation, Output } from '../../history/operation.js';
import type { FieldError, Model } from '../model.js';
import type { NilReads } from '../nil-reads.js';
import { formatValue } from './format.js';

/** What a model knows about one f: how it steps, reads and is checked. */
export interface OpSpec<S> {
  step(state: S, input: Input, output: Output): S[];
  describe(input: Input, output: Output): string;
  /** A problem with an invocation's value, as a sentence; null when it is fine. */
  checkInput?(input: Input): string | null;
  /** A problem with a known result's value, as a sentence; null when it is fine. */
  checkOutput?(value: unknown, input: Input): string | null;
  /** True when the op never changes the state. */
  readOnly?(input: Input): boolean;
  /** The value the op overwrites the whole state with, whatever was there. */
  blindWrite?(input: Input): { value: unknown } | undefined;
  /** The state values the op depends on; 'any' when no list can say. */
  observes?(input: Input, output: Output): unknown[] | 'any';
  /** The text the op appends to the state, when that is all it does. */
  appendMark?(input: Input): string | undefined;
}

/** Everything that makes one model, in one place; {@link buildModel} fills in the rest. */
export interface ModelSpec<S> {
  name: string;
  init: S;
  /** By f, aliases included; states are never mutated, so ops may share them. */
  ops: Record<string, OpSpec<S>>;
  hash(state: S): string | number;
  describeState(state: S): string;
  /** True when every op must carry a key. */
  keyed?: boolean;
  /** How the model's reads take a result of nil, for models that read registers. */
  nilReads?: NilReads;
  partition?(ops: readonly Operation[]): Operation[][];
}

/**
 * Turns a model description into the plain object of functions the checker uses.
 * An f the model does not know makes `step` throw: validation reports it with file and
 * line before any search, and a search must never read it as "not linearizable".
 *
 * @example
 * const model = buildModel({ name: 'flag', init: false, ops: { set: setSpec },
 *   hash: (s) => (s ? 1 : 0), describeState: String });
 */
export function buildModel<S>(spec: ModelSpec<S>): Model<S> {
  const ops = new Map(Object.entries(spec.ops));
  const fs = [...ops.keys()];
  const specOf = (f: string): OpSpec<S> => {
    const op = ops.get(f);
    if (op === undefined) throw new Error(unknownF(spec.name, f, fs));
    return op;
  };
  const model: Model<S> = {
    name: spec.name,
    fs,
    init: () => spec.init,
    step: (state, input, output) => specOf(input.f).step(state, input, output),
    hash: spec.hash,
    describe: (input, output) =>
      ops.get(input.f)?.describe(input, output) ?? `${input.f} ${formatValue(input.value)}`,
    describeState: spec.describeState,
    validate: (input, output) => validateOp(spec, ops, input, output),
    readOnly: (input) => ops.get(input.f)?.readOnly?.(input) ?? false,
  };
  if (spec.partition) model.partition = spec.partition;
  if (spec.nilReads !== undefined) model.nilReads = spec.nilReads;
  if ([...ops.values()].some((op) => op.blindWrite !== undefined)) {
    model.blindWrite = (input) => ops.get(input.f)?.blindWrite?.(input);
    // An op that does not say what it observes may depend on anything.
    model.observes = (input, output) => ops.get(input.f)?.observes?.(input, output) ?? 'any';
  }
  if ([...ops.values()].some((op) => op.appendMark !== undefined)) {
    model.appendMark = (input) => ops.get(input.f)?.appendMark?.(input);
  }
  return model;
}

function validateOp<S>(
  spec: ModelSpec<S>,
  ops: ReadonlyMap<string, OpSpec<S>>,
  input: Input,
  output: Output | undefined,
): FieldError | null {
  const op = ops.get(input.f);
  if (op === undefined) return { field: 'f', message: unknownF(spec.name, input.f, [...ops.keys()]) };
  if (spec.keyed && (input.key === undefined || input.key === null)) {
    return { field: 'key', message: `${spec.name} ops need a key; this ${input.f} has none` };
  }
  // An invoke carries the arguments; a completion carries the result (and may omit the rest).
  const problem =
    output === undefined ? (op.checkInput?.(input) ?? null)
    : output.known ? (op.checkOutput?.(output.value, input) ?? null)
    : null;
  return problem === null ? null : { field: 'value', message: problem };
}

function unknownF(model: string, f: string, fs: readonly string[]): string {
  return `the ${model} model does not know f ${JSON.stringify(f)}; it knows ${fs.join(', ')}`;
}
