import { describe, expect, it } from 'vitest';
import {
  CircuitBreaker,
  defaultCircuitBreakerConfig,
  validateCircuitBreakerConfig,
  type CircuitBreakerConfig,
} from '../../src/client/circuit-breaker.js';
import { brief, makeHarness } from './support/harness.js';

const config: CircuitBreakerConfig = { enabled: true, failureThreshold: 3, windowSize: 5, openMs: 1000, halfOpenProbes: 1 };

/** Makes one call at `nowMs` and reports its result. */
function call(breaker: CircuitBreaker, nowMs: number, success: boolean): boolean {
  const permit = breaker.tryAcquire(nowMs);
  if (permit === undefined) return false;
  breaker.onResult(permit, success, nowMs);
  return true;
}

describe('circuit breaker', () => {
  it('opens after failureThreshold failures among the last windowSize calls', () => {
    const breaker = new CircuitBreaker(config);
    call(breaker, 0, false);
    call(breaker, 1, false);
    expect(breaker.state(2)).toBe('closed');
    call(breaker, 3, false);
    expect(breaker.state(4)).toBe('open');
    expect(breaker.tryAcquire(5)).toBeUndefined();
  });

  it('forgets failures that slid out of the window', () => {
    const breaker = new CircuitBreaker(config);
    call(breaker, 0, false);
    call(breaker, 1, false);
    for (let t = 2; t < 5; t++) call(breaker, t, true);
    // the window holds F F S S S; each new failure pushes an old result out
    call(breaker, 6, false); // F S S S F
    call(breaker, 7, false); // S S S F F
    expect(breaker.state(7)).toBe('closed');
    call(breaker, 8, false); // S S F F F
    expect(breaker.state(8)).toBe('open');
  });

  it('turns half-open after openMs and lets only halfOpenProbes calls through', () => {
    const breaker = new CircuitBreaker({ ...config, halfOpenProbes: 2 });
    for (let t = 0; t < 3; t++) call(breaker, t, false);
    expect(breaker.state(2 + 999)).toBe('open');
    expect(breaker.state(2 + 1000)).toBe('half-open');
    const probes = [breaker.tryAcquire(1002), breaker.tryAcquire(1002), breaker.tryAcquire(1002)];
    expect(probes.map((p) => p?.probe)).toEqual([true, true, undefined]);
  });

  it('closes when a probe succeeds', () => {
    const breaker = new CircuitBreaker(config);
    for (let t = 0; t < 3; t++) call(breaker, t, false);
    expect(call(breaker, 1500, true)).toBe(true);
    expect(breaker.state(1500)).toBe('closed');
    // closed with a fresh window: two failures are not enough again
    call(breaker, 1501, false);
    call(breaker, 1502, false);
    expect(breaker.state(1502)).toBe('closed');
  });

  it('re-opens when a probe fails, for another openMs', () => {
    const breaker = new CircuitBreaker(config);
    for (let t = 0; t < 3; t++) call(breaker, t, false);
    expect(call(breaker, 1500, false)).toBe(true);
    expect(breaker.state(1500)).toBe('open');
    expect(breaker.state(2499)).toBe('open');
    expect(breaker.state(2500)).toBe('half-open');
  });

  it('ignores a late result of a call made before the breaker changed state', () => {
    const breaker = new CircuitBreaker(config);
    const slow = breaker.tryAcquire(0)!;
    for (let t = 1; t < 4; t++) call(breaker, t, false);
    const probe = breaker.tryAcquire(1003)!;
    breaker.onResult(slow, true, 1004); // not a probe: must not close the breaker
    expect(breaker.state(1004)).toBe('half-open');
    expect(breaker.tryAcquire(1004)).toBeUndefined(); // the probe slot is still taken
    breaker.onResult(probe, true, 1005);
    expect(breaker.state(1005)).toBe('closed');
  });

  it('validates its config, naming the field', () => {
    expect(() => validateCircuitBreakerConfig({ ...defaultCircuitBreakerConfig(), failureThreshold: 11 }, 'client.circuitBreaker')).toThrow(
      'client.circuitBreaker.failureThreshold: 11 exceeds windowSize = 10',
    );
    expect(() => validateCircuitBreakerConfig({ ...config, halfOpenProbes: 0 }, 'b')).toThrow(/^b\.halfOpenProbes/);
  });

  it('in clients: a dead node trips the breaker, later ops fail fast as circuit-open, a probe closes it after recovery', () => {
    const ops = Array.from({ length: 6 }, (_, i) => ({ f: 'write', key: 'x', value: i, atMs: i * 300 }));
    const h = makeHarness({
      ops: [ops],
      storeNodes: 1,
      policy: (p) => {
        p.retry.maxRetries = 0;
        p.circuitBreaker = { enabled: true, failureThreshold: 2, windowSize: 2, openMs: 500, halfOpenProbes: 1 };
      },
    });
    h.world.schedule(0, 'cut', () => h.world.blockLink('c0', 'n1'));
    h.world.schedule(800, 'heal', () => h.world.heal());
    h.world.runUntil(3000);
    const completions = brief(h.runtime.recorder.ops).filter((op) => op.type !== 'invoke');
    expect(completions.map((op) => [op.value, op.type, op.error])).toEqual([
      [0, 'info', 'connect-timeout'], // t=0: times out at 250, 1 failure of 2
      [1, 'info', 'connect-timeout'], // t=300: times out at 550, 2 of 2: open until 1050
      [2, 'fail', 'circuit-open'], //    t=600: rejected, never sent
      [3, 'fail', 'circuit-open'], //    t=900: still open (the link healed at 800, unknown to the breaker)
      [4, 'ok', undefined], //           t=1200: half-open, the probe succeeds and closes it
      [5, 'ok', undefined], //           t=1500: closed
    ]);
    expect(h.store('n1').received.map((r) => r.value)).toEqual([4, 5]);
    expect(h.runtime.stats.circuitOpenRejections).toBe(2);
  });
});

describe('circuit breaker, many refusals', () => {
  it('refuses a long run of ops one after another without nesting calls', () => {
    const ops = Array.from({ length: 20_000 }, (_, i) => ({ f: 'write', key: 'x', value: i, atMs: i === 0 ? 0 : 300 }));
    const h = makeHarness({
      ops: [ops],
      storeNodes: 1,
      policy: (p) => {
        p.retry.maxRetries = 0;
        p.circuitBreaker = { enabled: true, failureThreshold: 1, windowSize: 1, openMs: 1e9, halfOpenProbes: 1 };
      },
    });
    h.world.schedule(0, 'cut', () => h.world.blockLink('c0', 'n1'));
    h.world.runUntil(1000);
    expect(h.runtime.stats.circuitOpenRejections).toBe(19_999);
    expect(h.client(0).done).toBe(true);
  });
});
