import { describe, expect, it } from 'vitest';
import { defaultClientPolicy, validateClientPolicy } from '../../src/client/policy.js';
import { configErrorOf } from '../support/config-errors.js';

/** The field a ConfigError names, or undefined when `run` passes. */
const badField = (run: () => unknown): string | undefined => configErrorOf(run)?.field;

describe('client policy config', () => {
  it('is JSON data with documented defaults', () => {
    const policy = defaultClientPolicy();
    expect(JSON.parse(JSON.stringify(policy))).toEqual(policy);
    expect(policy).toMatchObject({
      timeouts: { requestTimeoutMs: 1000, connectTimeoutMs: 250 },
      retry: { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 500, retryUnknown: 'with-idempotency-key', maxRedirects: 3 },
      idempotency: { enabled: true },
      circuitBreaker: { enabled: false },
      bulkhead: { enabled: false },
      discovery: { enabled: true },
    });
    expect(defaultClientPolicy()).not.toBe(defaultClientPolicy());
  });

  it('fills missing fields with defaults, at any depth', () => {
    expect(validateClientPolicy(undefined)).toEqual(defaultClientPolicy());
    const policy = validateClientPolicy({ retry: { maxRetries: 5 }, circuitBreaker: { enabled: true } });
    expect(policy.retry).toEqual({ ...defaultClientPolicy().retry, maxRetries: 5 });
    expect(policy.circuitBreaker.failureThreshold).toBe(5);
  });

  it('names the field of a wrong type, an unknown field, or an impossible combination', () => {
    expect(badField(() => validateClientPolicy(3))).toBe('client');
    expect(badField(() => validateClientPolicy({ retries: {} }))).toBe('client.retries');
    expect(badField(() => validateClientPolicy({ retry: { maxRetry: 1 } }))).toBe('client.retry.maxRetry');
    expect(badField(() => validateClientPolicy({ retry: [] }))).toBe('client.retry');
    expect(badField(() => validateClientPolicy({ timeouts: { requestTimeoutMs: '1s' } }))).toBe('client.timeouts.requestTimeoutMs');
    expect(badField(() => validateClientPolicy({ idempotency: { enabled: 'no' } }))).toBe('client.idempotency.enabled');
    expect(badField(() => validateClientPolicy({ bulkhead: { maxConcurrent: 0 } }))).toBe('client.bulkhead.maxConcurrent');
    expect(badField(() => validateClientPolicy({ circuitBreaker: { failureThreshold: 20 } }))).toBe('client.circuitBreaker.failureThreshold');
    expect(badField(() => validateClientPolicy({ discovery: { enabled: null } }))).toBe('client.discovery.enabled');
    expect(badField(() => validateClientPolicy({ retry: { baseDelayMs: 100, maxDelayMs: 50 } }))).toBe('client.retry.maxDelayMs');
  });

  it('puts the path it is given in front of every field', () => {
    expect(badField(() => validateClientPolicy({ retry: { maxRetries: -1 } }, 'clients.policy'))).toBe('clients.policy.retry.maxRetries');
  });
});
