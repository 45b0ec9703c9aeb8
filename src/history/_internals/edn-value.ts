import { parseEDNString } from 'edn-data';
import { failAt, type SourceLocation } from '../errors.js';
import { markNumberLiterals, SYMBOLIC_DOUBLE_TAG, symbolicDouble } from './edn-number-literals.js';

/**
 * Plain-data parsing: keywords become strings (":x" -> "x"), nil null, vectors, lists
 * and sets arrays, maps objects, symbols and chars strings. `#inst` keeps its text
 * rather than becoming a Date, so every value stays JSON; `##Inf`, `##-Inf` and `##NaN`
 * are the numbers they name.
 */
const PLAIN_DATA: NonNullable<Parameters<typeof parseEDNString>[1]> = {
  mapAs: 'object',
  keywordAs: 'string',
  listAs: 'array',
  setAs: 'array',
  symbolAs: 'string',
  charAs: 'string',
  tagHandlers: { inst: (text: unknown) => text, [SYMBOLIC_DOUBLE_TAG]: symbolicDouble },
};

/**
 * Parses one complete EDN form (as cut out by EdnFormScanner) into plain data, with
 * integers beyond 2^53 as exact bigints (plain or with the `N` suffix). Any
 * failure of the parser becomes a HistoryError at `where`, with `field` naming what
 * was being read.
 */
export function parseEdnForm(text: string, where: SourceLocation, field: string): unknown {
  try {
    return toPlainData(parseEDNString(markNumberLiterals(text), PLAIN_DATA));
  } catch (error) {
    const reason = error instanceof RangeError ? 'nested too deeply' : (error as Error).message;
    return failAt(where, field, `invalid EDN (${reason})`);
  }
}

/** Unwraps a tagged value from edn-data ({ tag, val }), e.g. `#jepsen.history.Op{...}`; other values pass through. */
export function untagged(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'tag' in value && 'val' in value) {
    const keys = Object.keys(value);
    if (keys.length === 2) return (value as { val: unknown }).val;
  }
  return value;
}

function toPlainData(value: unknown): unknown {
  // One representation per integer, as the NDJSON reader gives it: `12N` is the number
  // 12; only an integer no number holds exactly stays a bigint (never its digits as a
  // string, which would equal the string "12345678901234567890").
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = toPlainData(value[i]);
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = toPlainData(record[key]);
  }
  return value;
}
