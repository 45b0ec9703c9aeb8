import { CHECKER_NAMES, type CheckerName } from '../checker/checker.js';
import { UsageError } from './exit-codes.js';

/**
 * Parses a JSON-valued flag, naming the flag when the text is not JSON.
 *
 * @example
 * parseJsonFlag('--init', '{"x":0}'); // { x: 0 }
 */
export function parseJsonFlag(flag: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${flag}: not valid JSON: ${JSON.stringify(text)} (strings need quotes, e.g. '"x"')`);
  }
}

/**
 * Parses a positive number of seconds.
 *
 * @example
 * parseSeconds('--timeout', '2.5'); // 2.5
 */
export function parseSeconds(flag: string, text: string): number {
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(`${flag}: expected a positive number of seconds, got ${JSON.stringify(text)}`);
  }
  return seconds;
}

/**
 * Parses a non-negative integer flag (counts, seeds) within [min, max]. Empty
 * text is an error, not 0 (`Number('')` is 0: `--seed ''` must not run seed 0).
 *
 * @example
 * parseCount('--runs', '100'); // 100
 * parseCount('--workers', '1000', 1, 64); // throws "--workers: expected an integer in [1, 64], got "1000""
 */
export function parseCount(flag: string, text: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in [${min}, ${max}]`;
    throw new UsageError(`${flag}: expected an integer ${range}, got ${JSON.stringify(text)}`);
  }
  return value;
}

/**
 * Parses a path flag: an empty path is an error (it would name the current folder, or nothing).
 *
 * @example
 * parsePath('--out', 'out/run1'); // 'out/run1'
 * parsePath('--out', '');         // throws "--out: expected a path, got \"\""
 */
export function parsePath(flag: string, text: string): string {
  if (text.trim() === '') throw new UsageError(`${flag}: expected a path, got ${JSON.stringify(text)}`);
  return text;
}

/**
 * Parses a comma-separated list of checker names (duplicates dropped, order kept).
 *
 * @example
 * parseCheckerNames('--checkers', 'linearizable,durability'); // ['linearizable', 'durability']
 */
export function parseCheckerNames(flag: string, text: string): CheckerName[] {
  const names = text.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const unknown = names.filter((name) => !(CHECKER_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    const what = names.length === 0 ? 'no checker named' : `unknown checker "${unknown[0]}"`;
    throw new UsageError(`${flag}: ${what} (known: ${CHECKER_NAMES.join(', ')})`);
  }
  return [...new Set(names)] as CheckerName[];
}
