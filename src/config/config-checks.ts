import { ConfigError } from './config-error.js';

/**
 * Field checks shared by the client policy configs and the store config: they
 * turn untrusted JSON into typed configs, naming the bad field's path on failure.
 */

/**
 * A JSON object (not null, not an array).
 */
export type PlainObject = Record<string, unknown>;

/**
 * True for a JSON object (not null, not an array).
 *
 * @example
 * isPlainObject({ a: 1 }); // true
 * isPlainObject([1]);      // false
 */
export function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Throws a {@link ConfigError} unless `value` is a JSON object.
 *
 * @example
 * requireObject('client.retry', { maxRetries: 2 }); // passes
 * requireObject('client.retry', 3);                 // throws "client.retry: 3 must be an object"
 */
export function requireObject(field: string, value: unknown): asserts value is PlainObject {
  if (!isPlainObject(value)) throw new ConfigError(field, 'must be an object', value);
}

/**
 * Throws a {@link ConfigError} unless `value` is a boolean.
 *
 * @example
 * requireBoolean('client.idempotency.enabled', 'yes'); // throws
 */
export function requireBoolean(field: string, value: unknown): asserts value is boolean {
  if (typeof value !== 'boolean') throw new ConfigError(field, 'must be true or false', value);
}

/**
 * Fills the fields missing from `given` with `defaults`, recursively through
 * nested objects, and rejects fields the defaults do not know. A nested object
 * whose `kind` differs from the default's is a different variant: it is taken as
 * given, for the owner's validator to check. Arrays and scalars are taken as given.
 *
 * @example
 * withDefaults('client.retry', { maxRetries: 5 }, { maxRetries: 2, baseDelayMs: 10 });
 * // { maxRetries: 5, baseDelayMs: 10 }
 * withDefaults('client.retry', { maxRetry: 5 }, { maxRetries: 2 });
 * // throws "client.retry.maxRetry: is not a known field (known: maxRetries)"
 */
export function withDefaults<T>(path: string, given: unknown, defaults: T): T {
  if (given === undefined) return structuredClone(defaults);
  if (!isPlainObject(defaults)) return given as T;
  requireObject(path, given);
  if (isPlainObject(defaults) && 'kind' in defaults && 'kind' in given && given.kind !== defaults.kind) {
    return structuredClone(given) as T;
  }
  const known = Object.keys(defaults);
  for (const field of Object.keys(given)) {
    if (!known.includes(field)) {
      throw new ConfigError(join(path, field), `is not a known field (known: ${known.join(', ')})`);
    }
  }
  const merged: PlainObject = {};
  for (const field of known) {
    merged[field] = withDefaults(join(path, field), given[field], defaults[field]);
  }
  return merged as T;
}

/**
 * A dotted field path; an empty parent gives the bare field.
 *
 * @example
 * join('client', 'retry'); // 'client.retry'
 * join('', 'mode');        // 'mode'
 */
export function join(parent: string, field: string): string {
  return parent === '' ? field : `${parent}.${field}`;
}
