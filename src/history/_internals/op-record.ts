import { failAt, type SourceLocation } from '../errors.js';
import type { Op } from '../op.js';
import { opShapeProblem } from '../op-shape.js';

/** A decoded JSON object or EDN map, keyed by field name. */
export type OpRecord = Record<string, unknown>;

/**
 * Turns one decoded record into an {@link Op}, filling the defaults Jepsen tools rely
 * on: a missing index is the op's position, a missing time is its index, a missing
 * value is null. Fields other than those of {@link Op} are dropped (Jepsen ops carry
 * extras such as :debug or :exception). Throws a HistoryError naming the field.
 */
export function opFromRecord(record: OpRecord, position: number, where: SourceLocation): Op {
  const index = record.index === undefined ? position : record.index;
  // An EDN time beyond 2^53 reads as a bigint; a time only orders ops, a number will do.
  const time = record.time === undefined ? index : typeof record.time === 'bigint' ? Number(record.time) : record.time;
  const value = record.value === undefined ? null : record.value;
  // The key goes into the literal: added afterwards, it would cost every keyed op a
  // second allocation (a property store outside the object), millions of them in a big history.
  const op = (record.key != null
    ? { index, time, process: record.process, type: record.type, f: record.f, key: record.key, value }
    : { index, time, process: record.process, type: record.type, f: record.f, value }) as Op;
  if (record.node != null) op.node = record.node as string;
  if (record.error != null) op.error = errorText(record.error);
  const problem = opShapeProblem(op);
  if (problem !== null) failAt(where, problem.field, problem.message);
  return op;
}

/**
 * Tells whether a decoded value is a record (a map), not an array, null or an atom.
 */
export function isRecord(value: unknown): value is OpRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorText(error: unknown): string {
  // Jepsen errors are often structured ([:timeout "..."]); keep them, as text.
  return typeof error === 'string' ? error : JSON.stringify(error);
}
