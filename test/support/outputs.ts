import type { Output } from '../../src/history/operation.js';

/**
 * A known result, as an ok completion gives it.
 *
 * @example
 * m.step(0, { f: 'read', value: null }, ok(0));
 */
export function ok(value: unknown): Output {
  return { known: true, value };
}

/** An unknown result, as an info completion (or none) leaves it. */
export const UNKNOWN: Output = { known: false, value: null };
