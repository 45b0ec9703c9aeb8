import fc from 'fast-check';
import type { ClientPolicyConfig } from '../../client/policy.js';
import { RETRY_UNKNOWN_RULES } from '../../client/retry.js';

/**
 * Client policies that pass validateClientPolicy by construction: the backoff cap
 * is derived from the base (cap >= base), the breaker's threshold from its window
 * (threshold <= window).
 */
export function clientPolicyArb(): fc.Arbitrary<ClientPolicyConfig> {
  const retry = fc
    .record({
      maxRetries: fc.integer({ min: 0, max: 4 }),
      baseDelayMs: fc.integer({ min: 0, max: 50 }),
      extraDelayMs: fc.integer({ min: 0, max: 500 }),
      retryUnknown: fc.constantFrom(...RETRY_UNKNOWN_RULES),
      maxRedirects: fc.integer({ min: 0, max: 5 }),
    })
    .map(({ extraDelayMs, ...rest }) => ({ ...rest, maxDelayMs: rest.baseDelayMs + extraDelayMs }));
  const circuitBreaker = fc
    .record({
      enabled: fc.boolean(),
      windowSize: fc.integer({ min: 1, max: 20 }),
      thresholdShare: fc.double({ min: 0, max: 1, noNaN: true }),
      openMs: fc.integer({ min: 0, max: 2000 }),
      halfOpenProbes: fc.integer({ min: 1, max: 3 }),
    })
    .map(({ thresholdShare, ...rest }) => ({
      ...rest,
      failureThreshold: Math.max(1, Math.round(thresholdShare * rest.windowSize)),
    }));
  return fc.record({
    timeouts: fc.record({
      requestTimeoutMs: fc.integer({ min: 50, max: 2000 }),
      connectTimeoutMs: fc.integer({ min: 20, max: 500 }),
    }),
    retry,
    idempotency: fc.record({ enabled: fc.boolean() }),
    circuitBreaker,
    bulkhead: fc.record({
      enabled: fc.boolean(),
      maxConcurrent: fc.integer({ min: 1, max: 8 }),
      maxQueued: fc.integer({ min: 0, max: 16 }),
    }),
    discovery: fc.record({ enabled: fc.boolean() }),
  });
}
