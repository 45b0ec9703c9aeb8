import type { Input, Output } from '../history/operation.js';
import type { Model, ModelOptions } from './model.js';
import { buildModel, type OpSpec } from './_internals/build-model.js';
import { canonicalKey, sameValue } from './canonical.js';
import { formatKey, formatValue } from './_internals/format.js';
import { isNil, requireInit } from './_internals/init-check.js';
import { nilReadsOption, type NilReads } from './nil-reads.js';
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
 * nil) or one scalar value every register starts with; a list is rejected, as it
 * would be neither.
 *
 * With `constraints.nilReads` `unknown` (Jepsen's reading), a `["read", k, nil]` step in
 * an ok result matches whatever `k` holds, as Knossos' `multi-register` steps each read.
 *
 * @example
 * const m = multiRegisterModel({ init: { x: 0 } });
 * const txn = [['write', 'x', 1], ['read', 'x', null]];
 * m.step(m.init(), { f: 'txn', value: txn }, { known: true, value: [['write', 'x', 1], ['read', 'x', 1]] });
 */
export function multiRegisterModel(constraints: ModelOptions = {}): Model<Registers> {
  const init = constraints.init;
  requireInit(
    'multi-register',
    'a map of register -> initial value ({"x": 0}), or one scalar value every register starts with, or nil',
    init,
    (v) => !Array.isArray(v) && (typeof v !== 'object' || v === null || Object.getPrototypeOf(v) === Object.prototype),
  );
  const nilReads = nilReadsOption(constraints.nilReads);
  const explicit = typeof init === 'object' && init !== null;
  const initialValues = new Map<string, unknown>(explicit ? Object.entries(init) : []);
  const initialOf = (key: string): unknown => (explicit ? (initialValues.get(key) ?? null) : (init ?? null));
  const valueOf = (state: Registers, key: string): unknown => (state.has(key) ? state.get(key) : initialOf(key));

  const txn: OpSpec<Registers> = {
    step: (state, input, output) => stepTxn(state, input, output, valueOf, initialOf, nilReads),
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
    nilReads,
    hash: hashRegisters,
    describeState: (state) => describeRegisters(state, explicit ? null : (init ?? null)),
  });
}

function stepTxn(
  state: Registers,
  input: Input,
  output: Output,
  valueOf: (state: Registers, key: string) => unknown,
  initialOf: (key: string) => unknown,
  nilReads: NilReads,
): Registers[] {
  const steps = microOps(input);
  const results = output.known ? microOps(output) : undefined;
  let current = state;
  let copy: Map<string, unknown> | undefined;
  for (let i = 0; i < steps.length; i++) {
    const [, rawKey, value] = steps[i]!;
    const key = String(rawKey);
    if (isRead(steps[i]!)) {
      if (results !== undefined && !readMatches(valueOf(current, key), results[i], nilReads)) return [];
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

/** Whether a read step's result fits the register's value; under `unknown` a whole `[f k nil]` step fits any. */
function readMatches(current: unknown, result: MicroOp | undefined, nilReads: NilReads): boolean {
  if (nilReads === 'unknown' && result?.length === 3 && isNil(result[2])) return true;
  return sameValue(current, result?.[2]);
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

/**
 * The registers that differ from their initial value, and the value every other one
 * holds when all start from one scalar (so a state of `{}` does not hide it).
 */
function describeRegisters(state: Registers, everyOther: unknown): string {
  const entries = [...state].sort(byKey).map(([k, v]) => `${formatKey(k)} ${formatValue(v)}`);
  if (everyOther !== null) entries.push(`${entries.length === 0 ? 'every register' : 'every other register'} ${formatValue(everyOther)}`);
  return `{${entries.join(', ')}}`;
}
