import { ConfigError, requireInteger, requireNumber, requireOneOf } from '../config/config-error.js';
import { join } from '../config/config-checks.js';

/**
 * When may an attempt that did not succeed be retried?
 *
 * - A *definite* failure (a `fail` reply, a `redirect` that cannot be followed
 *   directly) certainly did not apply: retrying it is always safe.
 * - An *unknown* outcome (a timeout, an `error` reply) may have applied. Retrying
 *   it is safe only when the store dedupes the retry, that is when the op carries
 *   an idempotency key: `'with-idempotency-key'` (the default). `'always'` retries
 *   it anyway, as naive clients do, so a retried incr may apply twice;
 *   `'never'` gives up at once and records the op as indeterminate.
 *
 * Local rejections (circuit open, bulkhead full) are never retried: failing fast is
 * their purpose.
 */
export type RetryUnknownRule = (typeof RETRY_UNKNOWN_RULES)[number];

/**
 * Every {@link RetryUnknownRule}, for validation.
 *
 * @example
 * RETRY_UNKNOWN_RULES.includes('never'); // true
 */
export const RETRY_UNKNOWN_RULES = ['with-idempotency-key', 'always', 'never'] as const;



/**
 * Retries with capped exponential backoff and full jitter: before retry `k`
 * (0 for the first retry) the client sleeps `random(0, min(maxDelayMs, baseDelayMs · 2^k))`.
 */
export interface RetryConfig {
  /** Retries after the first attempt of one op (0 = never retry). Default 2. */
  maxRetries: number;
  /** Backoff scale, in virtual ms. Default 10. */
  baseDelayMs: number;
  /** Backoff cap, in virtual ms. Default 500. */
  maxDelayMs: number;
  /** Whether unknown outcomes are retried (see {@link RetryUnknownRule}). Default 'with-idempotency-key'. */
  retryUnknown: RetryUnknownRule;
  /** Leader hints followed at once per op, not counted as retries. Default 3. */
  maxRedirects: number;
}

/**
 * The documented defaults of {@link RetryConfig}.
 *
 * @example
 * defaultRetryConfig().maxRetries; // 2
 */
export function defaultRetryConfig(): RetryConfig {
  return {
  maxRetries: 2,
  baseDelayMs: 10,
  maxDelayMs: 500,
  retryUnknown: 'with-idempotency-key',
  maxRedirects: 3,
};
}

/**
 * Throws a ConfigError naming the bad field.
 *
 * @example
 * validateRetryConfig({ ...defaultRetryConfig(), maxDelayMs: 1 }, 'client.retry');
 * // throws "client.retry.maxDelayMs: 1 must be >= baseDelayMs (10)"
 */
export function validateRetryConfig(config: RetryConfig, path: string): void {
  requireInteger(join(path, 'maxRetries'), config.maxRetries, 0, 1000);
  requireNumber(join(path, 'baseDelayMs'), config.baseDelayMs, 0);
  requireNumber(join(path, 'maxDelayMs'), config.maxDelayMs, 0);
  if (config.maxDelayMs < config.baseDelayMs) {
    throw new ConfigError(join(path, 'maxDelayMs'), `must be >= baseDelayMs (${config.baseDelayMs})`, config.maxDelayMs);
  }
  requireOneOf(join(path, 'retryUnknown'), config.retryUnknown, RETRY_UNKNOWN_RULES);
  requireInteger(join(path, 'maxRedirects'), config.maxRedirects, 0, 1000);
}

/**
 * The sleep before retry number `retryIndex` (0-based): full jitter over the
 * capped exponential, drawing from `random` (the simulator's generator).
 *
 * @example
 * backoffDelayMs(defaultRetryConfig(), 2, () => 0.5); // 0.5 * min(500, 10 * 4) = 20
 */
export function backoffDelayMs(config: RetryConfig, retryIndex: number, random: () => number): number {
  const ceilingMs = Math.min(config.maxDelayMs, config.baseDelayMs * 2 ** retryIndex);
  return random() * ceilingMs;
}

/**
 * How an attempt ended, as far as retrying goes: `definite` = certainly not
 * applied, `unknown` = may have applied.
 */
export type FailureClass = 'definite' | 'unknown';

/**
 * Whether the op may be retried once more (see {@link RetryUnknownRule}).
 *
 * @example
 * mayRetry(defaultRetryConfig(), { failure: 'unknown', hasIdempotencyKey: false, retriesDone: 0 }); // false
 * mayRetry(defaultRetryConfig(), { failure: 'definite', hasIdempotencyKey: false, retriesDone: 0 }); // true
 */
export function mayRetry(
  config: RetryConfig,
  attempt: { failure: FailureClass; hasIdempotencyKey: boolean; retriesDone: number },
): boolean {
  if (attempt.retriesDone >= config.maxRetries) return false;
  if (attempt.failure === 'definite') return true;
  switch (config.retryUnknown) {
    case 'always':
      return true;
    case 'never':
      return false;
    case 'with-idempotency-key':
      return attempt.hasIdempotencyKey;
  }
}
