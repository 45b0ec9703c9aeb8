import { describe, expect, it } from 'vitest';
import { brief, makeHarness } from './support/harness.js';

describe('client process: the Jepsen process model', () => {
  it('records invoke at send and ok at the reply, with virtual time in ns and the answering node', () => {
    const h = makeHarness({ ops: [[{ f: 'write', key: 'x', value: 1 }, { f: 'read', key: 'x', value: null }]], storeNodes: 1 });
    h.world.runUntil(100);
    const history = h.runtime.recorder.ops;
    expect(brief(history)).toEqual([
      { process: 0, type: 'invoke', f: 'write', value: 1 },
      { process: 0, type: 'ok', f: 'write', value: 1, node: 'n1' },
      { process: 0, type: 'invoke', f: 'read', value: null },
      { process: 0, type: 'ok', f: 'read', value: 1, node: 'n1' },
    ]);
    // one ms of latency each way: the write completes 2 ms after it starts
    expect(history[1]!.time - history[0]!.time).toBe(2e6);
    expect(history.map((op) => op.index)).toEqual([0, 1, 2, 3]);
    expect(h.client(0).done).toBe(true);
  });

  it('keeps one op outstanding per process and waits for an op\'s start time', () => {
    const h = makeHarness({ ops: [[{ f: 'write', key: 'x', value: 1, atMs: 50 }, { f: 'write', key: 'x', value: 2 }]], storeNodes: 1 });
    h.world.runUntil(200);
    const [invoke1, ok1, invoke2] = h.runtime.recorder.ops;
    expect(invoke1!.time).toBe(50e6);
    expect(invoke2!.time).toBeGreaterThanOrEqual(ok1!.time);
  });

  it('maps workload verbs to store verbs but records the workload f', () => {
    const h = makeHarness({ ops: [[{ f: 'add', key: 'c', value: 3 }]], storeNodes: 1, verbs: { add: 'incr' } });
    h.world.runUntil(100);
    expect(h.store('n1').received.map((r) => r.f)).toEqual(['incr']);
    expect(brief(h.runtime.recorder.ops).map((op) => op.f)).toEqual(['add', 'add']);
    expect(h.store('n1').values.get('c')).toBe(3);
  });

  it('records a timed-out op as info and retires its process: the client goes on as process + count', () => {
    const h = makeHarness({
      ops: [[{ f: 'write', key: 'x', value: 1 }, { f: 'write', key: 'x', value: 2 }], []],
      storeNodes: 1,
      policy: (p) => void (p.retry.maxRetries = 0),
    });
    h.world.schedule(0, 'cut replies', () => h.world.blockLink('n1', 'c0'));
    h.world.schedule(200, 'heal', () => h.world.heal());
    h.world.runUntil(2000);
    expect(brief(h.runtime.recorder.ops)).toEqual([
      { process: 0, type: 'invoke', f: 'write', value: 1 },
      { process: 0, type: 'info', f: 'write', value: 1, node: 'n1', error: 'connect-timeout' },
      { process: 2, type: 'invoke', f: 'write', value: 2 },
      { process: 2, type: 'ok', f: 'write', value: 2, node: 'n1' },
    ]);
    // the first write did apply: info was the honest answer
    expect(h.store('n1').received.map((r) => r.value)).toEqual([1, 2]);
    expect(h.runtime.stats.processesRetired).toBe(1);
  });

  it('uses the request timeout on a live connection and the connect timeout otherwise', () => {
    const h = makeHarness({
      ops: [[{ f: 'write', key: 'x', value: 1 }, { f: 'write', key: 'x', value: 2, atMs: 20 }]],
      storeNodes: 1,
      policy: (p) => {
        p.retry.maxRetries = 0;
        p.timeouts = { requestTimeoutMs: 700, connectTimeoutMs: 100 };
      },
    });
    h.world.schedule(10, 'cut replies', () => h.world.blockLink('n1', 'c0'));
    h.world.runUntil(2000);
    const [, , invoke2, info2] = h.runtime.recorder.ops;
    expect(info2!.error).toBe('timeout');
    expect(info2!.time - invoke2!.time).toBe(700e6);
  });

  it('records a fail reply as fail, and the process carries on', () => {
    const h = makeHarness({
      ops: [[{ f: 'write', key: 'x', value: 1 }, { f: 'read', key: 'x', value: null }]],
      storeNodes: 1,
      store: { failVerbs: ['write'] },
      policy: (p) => void (p.retry.maxRetries = 0),
    });
    h.world.runUntil(100);
    expect(brief(h.runtime.recorder.ops)).toEqual([
      { process: 0, type: 'invoke', f: 'write', value: 1 },
      { process: 0, type: 'fail', f: 'write', value: 1, node: 'n1', error: 'refused' },
      { process: 0, type: 'invoke', f: 'read', value: null },
      { process: 0, type: 'ok', f: 'read', value: null, node: 'n1' },
    ]);
  });

  it("records an 'error' reply as info (the store does not know whether it applied)", () => {
    const h = makeHarness({
      ops: [[{ f: 'write', key: 'x', value: 1 }]],
      storeNodes: 1,
      store: { errorVerbs: ['write'] },
      policy: (p) => void (p.retry.retryUnknown = 'never'),
    });
    h.world.runUntil(100);
    expect(brief(h.runtime.recorder.ops)[1]).toEqual({ process: 0, type: 'info', f: 'write', value: 1, node: 'n1', error: 'lost-ack' });
  });

  it('never records fail after an attempt with an unknown outcome, even if a later attempt fails for sure', () => {
    const h = makeHarness({
      ops: [[{ f: 'write', key: 'x', value: 1 }]],
      storeNodes: 2,
      store: { failVerbs: ['write'] },
      policy: (p) => void (p.retry.maxRetries = 1),
    });
    // the first attempt (to n1) times out; the retry goes to n2, which refuses
    h.world.schedule(0, 'cut n1', () => h.world.blockLink('c0', 'n1'));
    h.world.runUntil(2000);
    const completion = h.runtime.recorder.ops[1]!;
    expect(completion).toMatchObject({ type: 'info', node: 'n2', error: 'refused' });
  });

  it('a client node rebuilt after a crash leaves its open op indeterminate and goes on as a fresh process', () => {
    const h = makeHarness({ ops: [[{ f: 'write', key: 'x', value: 1 }, { f: 'write', key: 'x', value: 2, atMs: 100 }]], storeNodes: 1 });
    h.world.schedule(0.5, 'crash client', () => h.world.crash('c0'));
    h.world.schedule(50, 'restart client', () => h.world.restart('c0'));
    h.world.runUntil(500);
    expect(brief(h.runtime.recorder.ops)).toEqual([
      { process: 0, type: 'invoke', f: 'write', value: 1 },
      { process: 1, type: 'invoke', f: 'write', value: 2 },
      { process: 1, type: 'ok', f: 'write', value: 2, node: 'n1' },
    ]);
    // the first write reached the store: leaving it open (indeterminate) was right
    expect(h.store('n1').received.map((r) => r.value)).toEqual([1, 2]);
    expect(new Set(h.store('n1').received.map((r) => r.idempotencyKey)).size).toBe(2);
  });

  it('a client crashed while waiting for an op\'s start time still performs it, as the same process', () => {
    const h = makeHarness({ ops: [[{ f: 'write', key: 'x', value: 1, atMs: 100 }]], storeNodes: 1 });
    h.world.schedule(10, 'crash client', () => h.world.crash('c0'));
    h.world.schedule(20, 'restart client', () => h.world.restart('c0'));
    h.world.runUntil(500);
    expect(brief(h.runtime.recorder.ops)).toEqual([
      { process: 0, type: 'invoke', f: 'write', value: 1 },
      { process: 0, type: 'ok', f: 'write', value: 1, node: 'n1' },
    ]);
    expect(h.runtime.recorder.ops[0]!.time).toBe(100e6);
  });
});
