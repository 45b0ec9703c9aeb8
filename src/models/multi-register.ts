import type { Input, Output } from '../history/operation.js';
import type { Model, ModelOptions } from './model.js';
import { buildModel, type OpSpec } from './_internals/build-model.js';
import { canonicalKey, sameValue } from './canonical.js';
import { formatKey, formatValue } from './_internals/format.js';
import { checkTxn, describeTxn, isRead, type MicroOp } from './_internals/txn.js';

/**
 * Registers by name. Only registers whose value differs from their initial value are
 * present, so one content has one representation (and one hash).
 */
type Registers = ReadonlyMap<string, unknown>;

/**
 * Several registers read and written in transactions (Knossos' `multi-register`):
 * ops are `f: "txn"` with value `[["read","x",null],["write","y",2]]`. Reads must see
 * the state at that point, including earlier writes of the same txn; an ok result is
 * the txn with its reads filled in. Keys compare by their text, as in a JSON object.
 *
 * `constraints.init` is an object of initial values (`{x: 0, y: 0}`; missing keys are
 * nil) or one value every register starts with.
 *
 * @example
 * const m = multiRegisterModel({ init: { x: 0 } });
 * const txn = [['write', 'x', 1], ['read', 'x', null]];
 * m.step(m.init(), { f: 'txn', value: txn }, { known: true, value: [['write', 'x', 1], ['read', 'x', 1]] });
 */
export function multiRegisterModel(constraints: ModelOptions = {}): Model<Registers> {
  const init = constraints.init;
  const explicit = typeof init === 'object' && init !== null && !Array.isArray(init);
  const initialValues = new Map<string, unknown>(explicit ? Object.entries(init) : []);
  const initialOf = (key: string): unknown => (explicit ? (initialValues.get(key) ?? null) : (init ?? null));
  const valueOf = (state: Registers, key: string): unknown => (state.has(key) ? state.get(key) : initialOf(key));

  const txn: OpSpec<Registers> = {
    step: (state, input, output) => stepTxn(state, input, output, valueOf, initialOf),
    describe: (input, output) => {
      const text = `${input.f} ${describeTxn(microOps(input), output.known ? microOps(output) : undefined)}`;
      return output.known ? text : `${text} ?`;
    },
    checkInput: (input) => checkTxn(input.value),
    checkOutput: (value, input) => checkTxn(value) ?? checkSameLength(value, input.value),
    readOnly: (input) => microOps(input).every(isRead),
  };
  return buildModel<Registers>({
    name: 'multi-register',
    init: new Map(),
    ops: { txn },
    hash: hashRegisters,
    describeState: (state) =>
      `{${[...state].sort(byKey).map(([k, v]) => `${formatKey(k)} ${formatValue(v)}`).join(', ')}}`,
  });
}

function stepTxn(
  state: Registers,
  input: Input,
  output: Output,
  valueOf: (state: Registers, key: string) => unknown,
  initialOf: (key: string) => unknown,
): Registers[] {
  const steps = microOps(input);
  const results = output.known ? microOps(output) : undefined;
  let current = state;
  let copy: Map<string, unknown> | undefined;
  for (let i = 0; i < steps.length; i++) {
    const [, rawKey, value] = steps[i]!;
    const key = String(rawKey);
    if (isRead(steps[i]!)) {
      if (results !== undefined && !sameValue(valueOf(current, key), results[i]?.[2])) return [];
      continue;
    }
    // Copy on the first write only: read-only txns keep the state object as it is.
    copy ??= new Map(state);
    if (sameValue(value, initialOf(key))) copy.delete(key);
    else copy.set(key, value);
    current = copy;
  }
  return [current];
}

function microOps(io: { value: unknown }): readonly MicroOp[] {
  return Array.isArray(io.value) ? (io.value as MicroOp[]) : [];
}

function checkSameLength(result: unknown, asked: unknown): string | null {
  if (!Array.isArray(asked) || !Array.isArray(result) || asked.length === result.length) return null;
  return `txn result has ${result.length} steps but the txn has ${asked.length}`;
}

function byKey(a: [string, unknown], b: [string, unknown]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

function hashRegisters(state: Registers): string {
  const entries = [...state].sort(byKey);
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalKey(v)}`).join(',')}}`;
}
