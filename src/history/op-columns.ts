/**
 * A history held as columns of numbers rather than one object per op: how a
 * history of millions of plain ops is read and checked within memory and time.
 *
 * Values and keys are numbers ("value keys"): an integer stands for itself, a string
 * for `id + 0.5` where `id` indexes {@link OpColumns.strings}, and null (or an absent
 * value) for {@link NULL_VALUE}. Two values are equal exactly when their value keys
 * are, which is how the models compare them (a number is never equal to a string).
 */
export interface OpColumns {
  file: string;
  /** How many ops (records) there are. */
  count: number;
  /** Each op's index; absent when every op's index is its position (0, 1, 2, ...). */
  index?: Float64Array;
  /** The process, or -1 for the nemesis. */
  process: Int32Array;
  /** 0 invoke, 1 ok, 2 fail, 3 info (the order of OP_TYPES). */
  type: Uint8Array;
  /** The f, as an index into `strings`. */
  f: Int32Array;
  /** The key's value key; {@link NULL_VALUE} for an op without a key. */
  key: Float64Array;
  value: Float64Array;
  /** The text of each string id. */
  strings: string[];
}

/** The value key of null: not an integer, and below every string's. */
export const NULL_VALUE = -0.5;

/** The value a value key stands for. */
export function valueOfKey(key: number, strings: readonly string[]): string | number | null {
  if (key === NULL_VALUE) return null;
  return Number.isInteger(key) ? key : strings[key - 0.5]!;
}

/**
 * The client operations of {@link OpColumns}, paired as {@link pairOperations} pairs
 * them: position = the operation's id (invocation order, failed ones left out),
 * `call`/`ret` the invoke's and the completion's index (`ret` Infinity for info and
 * never-completed ones), `input` the invoke's value, `output` the completion's value
 * when `known` (an ok completion).
 */
export interface OperationColumns {
  count: number;
  call: Float64Array;
  ret: Float64Array;
  /** The completion's index, as `completeIndex` of an Operation; NaN for none. */
  completeIndex: Float64Array;
  process: Int32Array;
  f: Int32Array;
  key: Float64Array;
  input: Float64Array;
  output: Float64Array;
  known: Uint8Array;
}

/**
 * Pairs the client ops of `columns` into operations, with the checks
 * {@link validateHistory} makes of the pairing: undefined when a process invokes
 * while its invoke is open, a completion has no open invoke, or completes another f
 * (the general reader then reports it). An invoke left open gets the info completion
 * validateHistory gives it: after the last op, in the order of the invokes.
 *
 * @example
 * const operations = pairOpColumns(columns); // undefined: read the history the general way
 */
export function pairOpColumns(columns: OpColumns): OperationColumns | undefined {
  const { count, process, type, f, key, value } = columns;
  const { index } = columns;
  const indexAt = (i: number): number => (index === undefined ? i : index[i]!);
  const invokes = new Int32Array(count);
  const completions = new Int32Array(count).fill(-1);
  let invokeCount = 0;
  // Per process: the slot of its open invoke plus one (0: none). Process numbers grow as
  // clients crash and come back, but stay within a few times the ops; beyond that, a Map.
  let highestProcess = 0;
  for (let i = 0; i < count; i++) if (process[i]! > highestProcess) highestProcess = process[i]!;
  const openSlots = new Int32Array(Math.min(highestProcess + 1, 4 * count + 1024));
  const openFar = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const p = process[i]!;
    if (p < 0) continue;
    const open = p < openSlots.length ? openSlots[p]! - 1 : (openFar.get(p) ?? -1);
    if (type[i] === INVOKE) {
      if (open >= 0) return undefined;
      invokes[invokeCount] = i;
      if (p < openSlots.length) openSlots[p] = invokeCount + 1;
      else openFar.set(p, invokeCount);
      invokeCount++;
      continue;
    }
    if (open < 0 || f[invokes[open]!] !== f[i]) return undefined;
    completions[open] = i;
    if (p < openSlots.length) openSlots[p] = 0;
    else openFar.delete(p);
  }
  let lastIndex = count === 0 ? -1 : indexAt(count - 1);
  const operations = emptyOperations(invokeCount);
  let n = 0;
  for (let slot = 0; slot < invokeCount; slot++) {
    const invoke = invokes[slot]!;
    const completion = completions[slot]!;
    if (completion >= 0 && type[completion] === FAIL) continue;
    operations.call[n] = indexAt(invoke);
    operations.process[n] = process[invoke]!;
    operations.f[n] = f[invoke]!;
    operations.key[n] = key[invoke]!;
    operations.input[n] = value[invoke]!;
    const known = completion >= 0 && type[completion] === OK;
    operations.known[n] = known ? 1 : 0;
    operations.ret[n] = known ? indexAt(completion) : Infinity;
    operations.output[n] = known ? value[completion]! : NULL_VALUE;
    operations.completeIndex[n] = completion >= 0 ? indexAt(completion) : ++lastIndex;
    n++;
  }
  return trimmed(operations, n);
}

const INVOKE = 0;
const OK = 1;
const FAIL = 2;

function emptyOperations(n: number): OperationColumns {
  return {
    count: n,
    call: new Float64Array(n),
    ret: new Float64Array(n),
    completeIndex: new Float64Array(n),
    process: new Int32Array(n),
    f: new Int32Array(n),
    key: new Float64Array(n),
    input: new Float64Array(n),
    output: new Float64Array(n),
    known: new Uint8Array(n),
  };
}

function trimmed(o: OperationColumns, n: number): OperationColumns {
  return {
    count: n,
    call: o.call.subarray(0, n),
    ret: o.ret.subarray(0, n),
    completeIndex: o.completeIndex.subarray(0, n),
    process: o.process.subarray(0, n),
    f: o.f.subarray(0, n),
    key: o.key.subarray(0, n),
    input: o.input.subarray(0, n),
    output: o.output.subarray(0, n),
    known: o.known.subarray(0, n),
  };
}
