import { createRequire } from 'node:module';

/**
 * lossless-json, loaded the first time a bigint must be written or a rounded integer
 * read again: most histories hold none, and its ten modules would otherwise slow the
 * start of every command (the package's CommonJS build is one file, loaded at once).
 */
let losslessJson: typeof import('lossless-json') | undefined;
function lossless(): typeof import('lossless-json') {
  losslessJson ??= createRequire(import.meta.url)('lossless-json') as typeof import('lossless-json');
  return losslessJson;
}

/**
 * JSON text for a value that may hold bigints (integers beyond 2^53 read from a
 * history), written as bare integers so they read back exactly: `9007199254740993n`
 * becomes `9007199254740993`, where JSON.stringify would throw. Otherwise it is
 * JSON.stringify, and as fast: the exact writer only runs when that one refuses.
 *
 * @example
 * stringifyExact({ value: 9007199254740993n }); // '{"value":9007199254740993}'
 * stringifyExact([1, 'a']);                     // '[1,"a"]'
 */
export function stringifyExact(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (!(error instanceof TypeError) || !containsBigint(value)) throw error;
    return lossless().stringify(value) ?? undefined;
  }
}

/**
 * Parses JSON text keeping every integer exact: integers within ±(2^53 - 1) are numbers,
 * as JSON.parse gives them, larger ones bigints; fractions and exponents stay numbers.
 * JSON.parse does the work; only a text that holds an integer JSON.parse could not keep
 * (a number it read as an integer of 2^53 or more) is parsed again, exactly.
 *
 * @example
 * parseJsonExact('{"value":9007199254740993}'); // { value: 9007199254740993n }
 * parseJsonExact('{"value":3}');                // { value: 3 }
 */
export function parseJsonExact(text: string): unknown {
  const fast: unknown = JSON.parse(text);
  return holdsRoundedInteger(fast) ? lossless().parse(text, null, exactNumber) : fast;
}

/** A JSON number's text as a number, or as a bigint when it is an integer a number cannot hold. */
function exactNumber(text: string): number | bigint {
  const asNumber = Number(text);
  if (Number.isSafeInteger(asNumber) || !INTEGER_TEXT.test(text)) return asNumber;
  return BigInt(text);
}

const INTEGER_TEXT = /^-?(?:0|[1-9][0-9]*)$/;

/**
 * True when a value JSON.parse produced holds a number that may be an integer it
 * rounded (an integer of magnitude 2^53 or more): its text must be parsed again with
 * {@link parseJsonExact} to know the exact value. Cheap on scalars, for hot paths.
 *
 * @example
 * holdsRoundedInteger(JSON.parse('[9007199254740993]')); // true
 * holdsRoundedInteger(JSON.parse('[1.5, 7]'));           // false
 */
export function holdsRoundedInteger(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isSafeInteger(value) && Number.isInteger(value);
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(holdsRoundedInteger);
  for (const key in value) if (holdsRoundedInteger((value as Record<string, unknown>)[key])) return true;
  return false;
}

function containsBigint(value: unknown): boolean {
  if (typeof value === 'bigint') return true;
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(containsBigint);
  return Object.values(value).some(containsBigint);
}
