import { describe, expect, it } from 'vitest';
import { attemptTimeout, Connections, defaultTimeoutConfig, validateTimeoutConfig } from '../../src/client/timeouts.js';
import { makeHarness } from './support/harness.js';

describe('timeouts', () => {
  it('uses the connect timeout until the client has heard from the node, and again after a timeout there', () => {
    const connections = new Connections();
    expect(attemptTimeout(defaultTimeoutConfig(), connections.isLive('n1'))).toEqual({ kind: 'connect-timeout', afterMs: 250 });
    connections.heardFrom('n1');
    expect(attemptTimeout(defaultTimeoutConfig(), connections.isLive('n1'))).toEqual({ kind: 'timeout', afterMs: 1000 });
    connections.timedOut('n1');
    expect(connections.isLive('n1')).toBe(false);
  });

  it('names the bad field', () => {
    expect(() => validateTimeoutConfig({ requestTimeoutMs: 0, connectTimeoutMs: 10 }, 'client.timeouts')).toThrow(
      /^client\.timeouts\.requestTimeoutMs: 0/,
    );
    expect(() => validateTimeoutConfig({ requestTimeoutMs: 10, connectTimeoutMs: Number.NaN }, 'client.timeouts')).toThrow(
      /^client\.timeouts\.connectTimeoutMs/,
    );
  });

  it('after a connect timeout the client tries the next entry point', () => {
    const h = makeHarness({ ops: [[{ f: 'write', key: 'x', value: 1 }]], policy: (p) => (p.timeouts.connectTimeoutMs = 100) });
    h.world.schedule(0, 'n1 unreachable', () => h.world.blockLink('c0', 'n1'));
    h.world.runUntil(1000);
    const [invoke, ok] = h.runtime.recorder.ops;
    expect(ok).toMatchObject({ type: 'ok', node: 'n2' });
    // 100 ms of connect timeout, a backoff under 10 ms, then 2 ms of round trip
    const elapsedMs = (ok!.time - invoke!.time) / 1e6;
    expect(elapsedMs).toBeGreaterThanOrEqual(102);
    expect(elapsedMs).toBeLessThan(112);
    expect(h.runtime.stats.connectTimeouts).toBe(1);
  });

  it('a request timeout on a live connection, too, moves on to the next entry point', () => {
    const h = makeHarness({
      ops: [[{ f: 'write', key: 'x', value: 1 }, { f: 'write', key: 'x', value: 2, atMs: 50 }]],
      policy: (p) => (p.timeouts.requestTimeoutMs = 300),
    });
    h.world.schedule(10, 'n1 unreachable', () => h.world.blockLink('c0', 'n1'));
    h.world.runUntil(2000);
    const ops = h.runtime.recorder.ops;
    expect(ops[3]).toMatchObject({ type: 'ok', node: 'n2' });
    expect(h.runtime.stats).toMatchObject({ timeouts: 1, connectTimeouts: 0 });
  });
});
