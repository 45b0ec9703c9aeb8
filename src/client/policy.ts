import { defaultBulkheadConfig, validateBulkheadConfig, type BulkheadConfig } from './bulkhead.js';
import { defaultCircuitBreakerConfig, validateCircuitBreakerConfig, type CircuitBreakerConfig } from './circuit-breaker.js';
import { join, withDefaults } from '../config/config-checks.js';
import { defaultIdempotencyConfig, validateIdempotencyConfig, type IdempotencyConfig } from './idempotency.js';
import { defaultDiscoveryConfig, validateDiscoveryConfig, type DiscoveryConfig } from './leader-discovery.js';
import { defaultRetryConfig, validateRetryConfig, type RetryConfig } from './retry.js';
import { defaultTimeoutConfig, validateTimeoutConfig, type TimeoutConfig } from './timeouts.js';

/**
 * Everything that shapes how clients talk to the store, as JSON data. Each part
 * is documented (meaning, unit, default) where it is defined.
 *
 * @example
 * const policy: ClientPolicyConfig = { ...defaultClientPolicy(), idempotency: { enabled: false } };
 */
export interface ClientPolicyConfig {
  timeouts: TimeoutConfig;
  retry: RetryConfig;
  idempotency: IdempotencyConfig;
  circuitBreaker: CircuitBreakerConfig;
  bulkhead: BulkheadConfig;
  discovery: DiscoveryConfig;
}

/**
 * A fresh copy of the default client policy: request timeout 1000 ms, connect
 * timeout 250 ms, 2 retries with 10..500 ms jittered backoff (unknown outcomes only
 * with an idempotency key), idempotency keys on, circuit breaker and bulkhead off,
 * leader discovery on.
 *
 * @example
 * defaultClientPolicy().retry.maxRetries; // 2
 */
export function defaultClientPolicy(): ClientPolicyConfig {
  return {
    timeouts: defaultTimeoutConfig(),
    retry: defaultRetryConfig(),
    idempotency: defaultIdempotencyConfig(),
    circuitBreaker: defaultCircuitBreakerConfig(),
    bulkhead: defaultBulkheadConfig(),
    discovery: defaultDiscoveryConfig(),
  };
}

/**
 * Turns untrusted JSON into a client policy: missing fields take their defaults;
 * unknown fields, wrong types and impossible values throw a ConfigError naming the
 * field's path under `path`.
 *
 * @example
 * validateClientPolicy({ retry: { maxRetries: 5 } }).retry.maxRetries; // 5
 * validateClientPolicy({ retry: { maxRetries: -1 } });
 * // throws "client.retry.maxRetries: -1 must be an integer in [0, 1000]"
 */
export function validateClientPolicy(value: unknown, path = 'client'): ClientPolicyConfig {
  const policy = withDefaults(path, value, defaultClientPolicy());
  validateTimeoutConfig(policy.timeouts, join(path, 'timeouts'));
  validateRetryConfig(policy.retry, join(path, 'retry'));
  validateIdempotencyConfig(policy.idempotency, join(path, 'idempotency'));
  validateCircuitBreakerConfig(policy.circuitBreaker, join(path, 'circuitBreaker'));
  validateBulkheadConfig(policy.bulkhead, join(path, 'bulkhead'));
  validateDiscoveryConfig(policy.discovery, join(path, 'discovery'));
  return policy;
}
