import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { backoffDelayMs, defaultRetryConfig, mayRetry, validateRetryConfig, type RetryConfig } from '../../src/client/retry.js';
import { makeHarness } from './support/harness.js';

const config: RetryConfig = { ...defaultRetryConfig(), baseDelayMs: 10, maxDelayMs: 100 };

describe('retry policy: capped exponential backoff with full jitter', () => {
  test.prop([fc.integer({ min: 0, max: 40 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })])(
    'the delay lies in [0, min(cap, base * 2^k))',
    (retryIndex, u) => {
      const delayMs = backoffDelayMs(config, retryIndex, () => u);
      const ceilingMs = Math.min(config.maxDelayMs, config.baseDelayMs * 2 ** retryIndex);
      expect(delayMs).toBeGreaterThanOrEqual(0);
      expect(delayMs).toBeLessThan(ceilingMs);
      expect(delayMs).toBe(u * ceilingMs);
    },
  );

  it('doubles the ceiling per retry until the cap', () => {
    const ceilings = [0, 1, 2, 3, 4, 5].map((k) => backoffDelayMs(config, k, () => 0.999999) / 0.999999);
    expect(ceilings.map((c) => Math.round(c))).toEqual([10, 20, 40, 80, 100, 100]);
  });

  it('retries definite failures always, unknown ones only as its rule says, and stops after maxRetries', () => {
    const attempt = (failure: 'definite' | 'unknown', hasIdempotencyKey: boolean, retriesDone = 0) => ({ failure, hasIdempotencyKey, retriesDone });
    expect(mayRetry(config, attempt('definite', false))).toBe(true);
    expect(mayRetry(config, attempt('unknown', true))).toBe(true);
    expect(mayRetry(config, attempt('unknown', false))).toBe(false);
    expect(mayRetry({ ...config, retryUnknown: 'always' }, attempt('unknown', false))).toBe(true);
    expect(mayRetry({ ...config, retryUnknown: 'never' }, attempt('unknown', true))).toBe(false);
    expect(mayRetry(config, attempt('definite', true, config.maxRetries))).toBe(false);
  });

  it('names the bad field', () => {
    expect(() => validateRetryConfig({ ...config, maxRetries: -1 }, 'client.retry')).toThrow(/^client\.retry\.maxRetries: -1/);
    expect(() => validateRetryConfig({ ...config, maxDelayMs: 5 }, 'client.retry')).toThrow(/^client\.retry\.maxDelayMs: 5 must be >= baseDelayMs/);
    expect(() => validateRetryConfig({ ...config, retryUnknown: 'sometimes' as never }, 'r')).toThrow(/^r\.retryUnknown/);
  });

  test.prop([fc.integer({ min: 1, max: 1_000_000 })], { numRuns: 30 })(
    'in a process, each retry waits a jittered delay within its ceiling after the failure (virtual time)',
    (seed) => {
      const h = makeHarness({
        seed,
        ops: [[{ f: 'write', key: 'x', value: 1 }]],
        storeNodes: 1,
        store: { failVerbs: ['write'] },
        policy: (p) => (p.retry = { ...config, maxRetries: 4 }),
      });
      h.world.runUntil(5000);
      const arrivals = h.store('n1').receivedAtMs;
      expect(arrivals).toHaveLength(5);
      for (let k = 0; k < 4; k++) {
        // a reply takes 1 ms back, the retry 1 ms forth: the rest is the backoff
        const delayMs = arrivals[k + 1]! - arrivals[k]! - 2;
        expect(delayMs).toBeGreaterThanOrEqual(0);
        expect(delayMs).toBeLessThan(Math.min(config.maxDelayMs, config.baseDelayMs * 2 ** k));
      }
      expect(h.runtime.recorder.ops[1]).toMatchObject({ type: 'fail', error: 'refused' });
    },
  );
});
