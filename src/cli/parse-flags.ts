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
 * Parses a non-negative integer flag (counts, seeds).
 *
 * @example
 * parseCount('--runs', '100'); // 100
 */
export function parseCount(flag: string, text: string, min = 0): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    throw new UsageError(`${flag}: expected an integer >= ${min}, got ${JSON.stringify(text)}`);
  }
  return value;
}
