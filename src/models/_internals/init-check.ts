import { ConfigError } from '../../config/config-error.js';

/**
 * Throws a {@link ConfigError} on field `init` unless `fits(value)`: a model given an
 * initial value of the wrong shape must say so, not quietly start from its default
 * (a counter started at `"10"` would judge every read against 0).
 *
 * @example
 * requireInit('counter', 'a number (the starting count), or nil for 0', '10', (v) => typeof v === 'number');
 * // throws 'init: "10" is not a valid initial value for the counter model: expected a number (the starting count), or nil for 0'
 */
export function requireInit(model: string, expected: string, value: unknown, fits: (value: unknown) => boolean): void {
  if (fits(value)) return;
  throw new ConfigError('init', `is not a valid initial value for the ${model} model: expected ${expected}`, value);
}

/** True for Jepsen's nil (absent or null), which every model takes as its own default. */
export function isNil(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}
