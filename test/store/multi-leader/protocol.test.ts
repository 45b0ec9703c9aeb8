import { describe, expect, it } from 'vitest';
import type { LogEntry, ShippedWrite } from '../../../src/store/multi-leader/messages.js';
import { Harness } from './support/harness.js';

/** A write as if accepted by the test node `c` with sequence number `seq`. */
function writeFromC(seq: number, value: string): ShippedWrite {
  return {
    key: 'x',
    version: { vv: { c: seq }, stamp: { ts: seq, node: 'c' }, datum: { kind: 'register', value } },
    origin: { node: 'c', seq },
  };
}

describe('multi-leader replication protocol', () => {
  it('applies another leader’s writes only in seq order, skipping resends and stopping at gaps', () => {
    const h = new Harness({ groups: [{ name: 'dc1', nodes: 1 }] });
    h.do(10, 'gap', () => h.client.sendRaw('dc1-n1', { kind: 'ml-ship', entries: [writeFromC(2, 'two')] }));
    h.do(20, 'in order', () =>
      h.client.sendRaw('dc1-n1', { kind: 'ml-ship', entries: [writeFromC(1, 'one'), writeFromC(2, 'two')] }),
    );
    h.do(30, 'resend', () => h.client.sendRaw('dc1-n1', { kind: 'ml-ship', entries: [writeFromC(2, 'two')] }));
    h.runUntil(100);
    expect(h.client.received.map((r) => r.msg)).toEqual([
      { kind: 'ml-ship-ack', upTo: 0 },
      { kind: 'ml-ship-ack', upTo: 2 },
      { kind: 'ml-ship-ack', upTo: 2 },
    ]);
    expect(h.state('dc1-n1').x).toEqual({ values: ['two'], version: { c: 2 } });
  });

  it('ignores shipped writes that claim another origin than their sender', () => {
    const h = new Harness({ groups: [{ name: 'dc1', nodes: 1 }] });
    const forged = { ...writeFromC(1, 'forged'), origin: { node: 'someone-else', seq: 1 } };
    h.do(10, 'forged', () => h.client.sendRaw('dc1-n1', { kind: 'ml-ship', entries: [forged] }));
    h.runUntil(50);
    expect(h.state('dc1-n1')).toEqual({});
  });

  it('has a follower accept log entries only from its own leader', () => {
    const h = new Harness({ groups: [{ name: 'dc1', nodes: 2 }], replicationIntervalMs: 10_000 });
    const entry = (offset: number, value: string): LogEntry => ({ offset, ...writeFromC(offset, value) });
    h.do(10, 'not the leader', () => h.client.sendRaw('dc1-n2', { kind: 'ml-log', entries: [entry(1, 'one')] }));
    h.runUntil(50);
    expect(h.state('dc1-n2')).toEqual({});
    expect(h.client.received).toEqual([]);
  });
});
