import { join, requireBoolean } from '../config/config-checks.js';

/**
 * Idempotency keys: every attempt of one logical op carries the same key, so the
 * store applies the op once however often it is retried. Switched off, a retry of
 * an op whose first attempt did apply applies it again.
 */
export interface IdempotencyConfig {
  /** Attach a key to every op. Default true. */
  enabled: boolean;
}

/**
 * The documented defaults of {@link IdempotencyConfig}.
 *
 * @example
 * defaultIdempotencyConfig().enabled; // true
 */
export function defaultIdempotencyConfig(): IdempotencyConfig {
  return { enabled: true };
}

/**
 * Throws a ConfigError naming the bad field.
 *
 * @example
 * validateIdempotencyConfig({ enabled: true }, 'client.idempotency'); // passes
 */
export function validateIdempotencyConfig(config: IdempotencyConfig, path: string): void {
  requireBoolean(join(path, 'enabled'), config.enabled);
}

/**
 * The key for logical op number `opNumber` of client `clientId`; unique within a
 * run because client ids are, and undefined when keys are switched off.
 *
 * @example
 * idempotencyKeyFor({ enabled: true }, 'c1', 7);  // 'c1/7'
 * idempotencyKeyFor({ enabled: false }, 'c1', 7); // undefined
 */
export function idempotencyKeyFor(config: IdempotencyConfig, clientId: string, opNumber: number): string | undefined {
  return config.enabled ? `${clientId}/${opNumber}` : undefined;
}
