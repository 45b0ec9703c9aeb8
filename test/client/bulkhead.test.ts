import { describe, expect, it } from 'vitest';
import { Bulkhead, validateBulkheadConfig } from '../../src/client/bulkhead.js';
import { brief, makeHarness } from './support/harness.js';

describe('bulkhead', () => {
  it('grants maxConcurrent slots, queues maxQueued more, rejects the rest', () => {
    const bulkhead = new Bulkhead({ enabled: true, maxConcurrent: 2, maxQueued: 1 });
    const admissions = [1, 2, 3, 4].map(() => bulkhead.acquire(() => {}));
    expect(admissions).toEqual(['granted', 'granted', 'queued', 'rejected']);
    expect([bulkhead.inFlight, bulkhead.queued]).toEqual([2, 1]);
  });

  it('hands a freed slot to the oldest waiter, keeping the bound', () => {
    const bulkhead = new Bulkhead({ enabled: true, maxConcurrent: 1, maxQueued: 2 });
    const granted: string[] = [];
    bulkhead.acquire(() => granted.push('a'));
    bulkhead.acquire(() => granted.push('b'));
    bulkhead.acquire(() => granted.push('c'));
    bulkhead.release();
    expect(granted).toEqual(['b']);
    expect([bulkhead.inFlight, bulkhead.queued]).toEqual([1, 1]);
    bulkhead.release();
    bulkhead.release();
    expect(granted).toEqual(['b', 'c']);
    expect([bulkhead.inFlight, bulkhead.queued]).toEqual([0, 0]);
  });

  it('rejects at once with no queue', () => {
    const bulkhead = new Bulkhead({ enabled: true, maxConcurrent: 1, maxQueued: 0 });
    expect([bulkhead.acquire(() => {}), bulkhead.acquire(() => {})]).toEqual(['granted', 'rejected']);
  });

  it('validates its config, naming the field', () => {
    expect(() => validateBulkheadConfig({ enabled: true, maxConcurrent: 0, maxQueued: 0 }, 'client.bulkhead')).toThrow(
      /^client\.bulkhead\.maxConcurrent: 0/,
    );
    expect(() => validateBulkheadConfig({ enabled: true, maxConcurrent: 1, maxQueued: -1 }, 'client.bulkhead')).toThrow(
      /^client\.bulkhead\.maxQueued: -1/,
    );
  });

  it('in clients: bounds concurrent requests to a slow node across processes, queueing then rejecting', () => {
    const h = makeHarness({
      ops: [0, 1, 2].map((i) => [{ f: 'write', key: 'x', value: i }]),
      storeNodes: 1,
      policy: (p) => {
        p.bulkhead = { enabled: true, maxConcurrent: 1, maxQueued: 1 };
        p.retry.maxRetries = 0;
      },
    });
    h.world.slow('n1', 50);
    h.world.runUntil(1000);
    const completions = brief(h.runtime.recorder.ops).filter((op) => op.type !== 'invoke');
    expect(completions.map((op) => [op.process, op.type, op.error])).toEqual([
      [2, 'fail', 'bulkhead-full'], // c2 finds the slot taken and the queue full
      [0, 'ok', undefined],
      [1, 'ok', undefined], //         c1 waited for c0's slot
    ]);
    // one request at a time: c1 sends only once c0's reply has come back
    const c1SentAtMs = h.world.trace.events.filter((e) => e.kind === 'send' && e.node === 'c1').map((e) => e.timeMs);
    const c0DoneAtMs = h.runtime.recorder.ops.find((op) => op.process === 0 && op.type === 'ok')!.time / 1e6;
    expect(c1SentAtMs).toEqual([c0DoneAtMs]);
    expect(h.store('n1').received.map((r) => r.value)).toEqual([0, 1]);
    expect(h.runtime.stats.bulkheadRejections).toBe(1);
  });
});
