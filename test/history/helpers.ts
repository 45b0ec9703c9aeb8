import path from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { HistoryError } from '../../src/history/errors.js';
import { OP_TYPES, type Op } from '../../src/history/op.js';
import { CORPUS_ABSENT_MESSAGE, corpusRoot } from '../bench/corpus-path.js';

/** The Porcupine reference corpus (see corpusRoot): where it is, or the missing default. */
const FOUND_CORPUS = corpusRoot();
export const CORPUS_ROOT = FOUND_CORPUS ?? path.resolve('../shared/corpus/porcupine');
export const CORPUS_MISSING = FOUND_CORPUS === undefined;
if (CORPUS_MISSING) console.warn(`history tests: corpus tests skipped: ${CORPUS_ABSENT_MESSAGE}`);

/** Runs `run`, expects a HistoryError at `file:line` about `field`, and returns it. */
export function expectHistoryError(run: () => unknown, file: string, line: number | undefined, field: string): HistoryError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(HistoryError);
  const error = caught as HistoryError;
  expect({ file: error.file, line: error.line, field: error.field }).toEqual({ file, line, field });
  const prefix = line === undefined ? `${file}: ${field}: ` : `${file}:${line}: ${field}: `;
  expect(error.message.startsWith(prefix)).toBe(true);
  expect(error.message).not.toMatch(/\n/);
  return error;
}

/** Finite doubles without -0, which no text format keeps apart from 0. */
const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })).map((n) => (Object.is(n, -0) ? 0 : n));

/** Strings of any code units, plus a few that look like other EDN things. */
const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom(':x', 'nil', '', '"', '\\', 'a b', ';c', '[1 2]'));

const scalar = fc.oneof(fc.constant(null), fc.boolean(), number, text);

/** Plain data, as JSON (and so EDN) can hold it. */
export const plainValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 3, noNullPrototype: true }),
  ),
})).value;

/** Any op the Op contract allows, with only well-typed fields. */
export const anyOp: fc.Arbitrary<Op> = fc.record(
  {
    index: fc.nat(),
    time: number,
    process: fc.oneof(fc.nat({ max: 50 }), fc.constant('nemesis' as const)),
    type: fc.constantFrom(...OP_TYPES),
    f: fc.oneof(fc.constantFrom('read', 'write', 'cas', 'append', 'txn', 'start'), fc.string({ unit: 'binary', minLength: 1, maxLength: 8 })),
    key: fc.oneof(text, fc.integer()),
    value: plainValue,
    node: text,
    error: text,
  },
  { requiredKeys: ['index', 'time', 'process', 'type', 'f', 'value'] },
);

/** A Jepsen log op line, as jepsen.util logs it. */
export function jepsenLogLine(process: number | 'nemesis', type: string, f: string, value: string): string {
  return `INFO  jepsen.util - ${process === 'nemesis' ? ':nemesis' : process}\t:${type}\t:${f}\t${value}`;
}

/**
 * A value as the readers give it back: an integer beyond 2^53 (a double such as 1e20)
 * is written as the digits String gives it, and those digits read as the exact bigint
 * they mean (22025894024712630 for the double 22025894024712632).
 */
export function asRead(value: unknown): unknown {
  if (typeof value === 'number') return !Number.isSafeInteger(value) && /^-?\d+$/.test(String(value)) ? BigInt(String(value)) : value;
  if (Array.isArray(value)) return value.map(asRead);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asRead(v)]));
  }
  return value;
}

/** An op as the readers give it back (see {@link asRead}). */
export function asReadOp(op: Op): Op {
  return { ...op, value: asRead(op.value) };
}
