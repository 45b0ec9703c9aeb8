import type { Op } from './op.js';
import { NULL_VALUE, valueOfKey, type OpColumns } from './op-columns.js';
import { OP_TYPES } from './op.js';
import { ReadAbortedError } from './read-history.js';
import { scanPlainNdjson } from './_internals/plain-ndjson.js';

/**
 * Reads an NDJSON history file as {@link OpColumns} when every line is a plain op (flat,
 * scalar fields; see scanPlainNdjson) and there is at least one client op: the reader
 * for histories of millions of ops, several times faster than {@link readHistory} and a
 * fraction of its memory. Undefined for anything else (EDN, gzip, a nested value, a line
 * the general reader would refuse), which the caller reads with readHistory: that gives
 * the same ops, or the error with its file, line and field. Throws
 * {@link ReadAbortedError} when `signal` aborts first.
 *
 * @example
 * const columns = readOpColumns('history.ndjson') ?? undefined; // then readHistory when undefined
 */
export function readOpColumns(file: string, opts: { signal?: AbortSignal } = {}): OpColumns | undefined {
  let scanned: OpColumns | undefined;
  try {
    scanned = scanPlainNdjson(file, (linesRead) => {
      if (opts.signal?.aborted === true) throw new ReadAbortedError(file, linesRead);
    });
  } catch (error) {
    if (error instanceof ReadAbortedError) throw error;
    // An unreadable file: the general reader says why, in its words.
    return undefined;
  }
  if (scanned === undefined || !scanned.process.some((p) => p >= 0)) return undefined;
  return scanned;
}

/**
 * Op `i` of the columns as an {@link Op} (its time is not kept: the index stands in).
 *
 * @example
 * opAt(columns, 0).f; // 'read'
 */
export function opAt(columns: OpColumns, i: number): Op {
  const { strings } = columns;
  const op: Op = {
    index: columns.index?.[i] ?? i,
    time: columns.index?.[i] ?? i,
    process: columns.process[i]! < 0 ? 'nemesis' : columns.process[i]!,
    type: OP_TYPES[columns.type[i]!]!,
    f: strings[columns.f[i]!]!,
    value: valueOfKey(columns.value[i]!, strings),
  };
  if (columns.key[i] !== NULL_VALUE) op.key = valueOfKey(columns.key[i]!, strings) as string | number;
  return op;
}

/**
 * The client ops that tell a model from the ops: the first of each f and the first
 * with a key, in history order. {@link inferModel} infers from them what it infers
 * from the whole history, for the registers and kv stores columns are read for.
 *
 * @example
 * inferModel(inferenceSample(columns));
 */
export function inferenceSample(columns: OpColumns): Op[] {
  const seenF = new Set<number>();
  let keyed = false;
  const sample: Op[] = [];
  for (let i = 0; i < columns.count; i++) {
    if (columns.process[i]! < 0) continue;
    const newF = !seenF.has(columns.f[i]!);
    const firstKeyed: boolean = !keyed && columns.key[i] !== NULL_VALUE;
    if (!newF && !firstKeyed) continue;
    seenF.add(columns.f[i]!);
    keyed ||= firstKeyed;
    sample.push(opAt(columns, i));
  }
  return sample;
}
