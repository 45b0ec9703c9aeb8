import { describe, expect, it } from 'vitest';
import type { Op } from '../../../src/history/op.js';
import { checkLinearizable } from '../../../src/checker/index.js';
import { registerModel } from '../../../src/models/register.js';
import { buildReportData } from '../../../src/report/html/build-report-data.js';
import { faultBands } from '../../../src/report/html/fault-bands.js';
import { messageView } from '../../../src/report/html/message-view.js';
import { replicaView } from '../../../src/report/html/replica-view.js';
import { renderHtmlReport } from '../../../src/report/html/render-html.js';

const ms = 1e6;
function op(index: number, timeMs: number, process: number | 'nemesis', type: Op['type'], f: string, value: unknown, extra: Partial<Op> = {}): Op {
  return { index, time: timeMs * ms, process, type, f, value, ...extra };
}

describe('the report\'s data', () => {
  const history: Op[] = [
    op(0, 0, 0, 'invoke', 'write', 1, { key: 'x' }),
    op(1, 1, 'nemesis', 'info', 'start-partition', { fault: 0, kind: 'partition-one', targets: ['n1'] }),
    op(2, 5, 0, 'ok', 'write', 1, { key: 'x', node: 'n1' }),
    op(3, 6, 1, 'invoke', 'write', 2, { key: 'x' }),
    op(4, 7, 2, 'invoke', 'read', null, { key: 'x' }),
    op(5, 8, 1, 'fail', 'write', 2, { key: 'x', error: 'timeout' }),
    op(6, 9, 'nemesis', 'info', 'stop-partition', { fault: 0, kind: 'partition-one', targets: ['n1'] }),
    op(7, 10, 2, 'ok', 'read', 7, { key: 'x', node: 'n2' }),
    op(8, 11, 3, 'invoke', 'write', 3, { key: 'x' }),
    op(9, 12, 3, 'info', 'write', 3, { key: 'x' }),
    op(10, 13, 'nemesis', 'info', 'start-kill', { fault: 1, kind: 'crash-one', targets: ['n2'] }),
    op(11, 14, 0, 'invoke', 'read', null, { key: 'x' }),
  ];

  it('one row per client process, each op with its outcome, label, times, node and error', () => {
    const data = buildReportData({ title: 't', history, verdict: { valid: true, reason: 'ok' } });
    expect(data.processes).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(data.ops.outcome).toEqual([0, 1, 0, 2, 2]);
    expect(data.ops.label).toEqual(['write x 1 -> 1', 'write x 2 -> fail', 'read x null -> 7', 'write x 3 -> ?', 'read x null -> ?']);
    expect(data.ops.startMs).toEqual([0, 6, 7, 11, 14]);
    expect(data.ops.endMs).toEqual([5, 8, 10, 12, null]);
    expect(data.ops.completeIndex).toEqual([2, 5, 7, 9, null]);
    expect(data.ops.node.map((i) => data.ops.nodes[i] ?? null)).toEqual(['n1', null, 'n2', null, null]);
    expect(data.ops.errors).toEqual({ 1: 'timeout' });
    expect(data.span).toEqual({ fromMs: 0, toMs: 14 });
  });

  it('pairs each fault\'s start with its stop; a fault never stopped runs to the end', () => {
    expect(faultBands(history)).toEqual([
      { kind: 'partition-one', targets: 'targets ["n1"]', startMs: 1, endMs: 9 },
      { kind: 'crash-one', targets: 'targets ["n2"]', startMs: 13, endMs: null },
    ]);
  });

  it('marks the longest linearizable prefix and the op that cannot be placed, with the model\'s states', () => {
    const model = registerModel({ init: 0 });
    const verdict = checkLinearizable(history, model);
    expect(verdict.valid).toBe(false);
    const data = buildReportData({ title: 't', history, verdict, model });
    const lin = data.linearizability!;
    // The read of 7 (position 2) is what nothing explains.
    expect(lin.blocked).toBe(2);
    expect(lin.order.map((i) => data.ops.label[i])).toContain('write x 1 -> 1');
    expect(lin.statesAfter).toHaveLength(lin.order.length);
    expect(lin.initialState).toBe('0');
  });

  it('draws messages from send to delivery or drop, once each even when duplicated', () => {
    const view = messageView([
      { timeMs: 0, kind: 'send', node: 'c0', peer: 'n1', detail: 'm1 client-request' },
      { timeMs: 1, kind: 'send', node: 'n1', peer: 'n2', detail: 'm2 append' },
      { timeMs: 2, kind: 'deliver', node: 'n1', peer: 'c0', detail: 'm1 client-request' },
      { timeMs: 3, kind: 'drop', node: 'n2', peer: 'n1', detail: 'm2 append (partition)' },
      { timeMs: 4, kind: 'deliver', node: 'n1', peer: 'c0', detail: 'm1 client-request' },
      { timeMs: 5, kind: 'crash', node: 'n2' },
      { timeMs: 6, kind: 'send', node: 'n10', peer: 'n2', detail: 'm3 ping' },
    ])!;
    expect(view.lifelines).toEqual(['n1', 'n2', 'n10', 'c0']);
    expect(view.from).toEqual([3, 0, 2]);
    expect(view.to).toEqual([0, 1, 1]);
    expect(view.endMs).toEqual([2, 3, null]);
    expect(view.dropped).toEqual([false, true, false]);
    expect(view.label[1]).toBe('append (partition)');
    expect(view.events).toEqual([{ atMs: 5, lifeline: 1, text: 'crash' }]);
    expect(messageView([{ timeMs: 0, kind: 'crash', node: 'n1' }])).toBeUndefined();
  });

  it('flags the keys whose replicas differ, a missing key included, and lists them first', () => {
    const view = replicaView({ n2: { a: { values: [1] }, b: { values: [2] } }, n1: { a: { values: [1] }, b: { values: [3, 4] } }, n3: { a: { values: [1] } } });
    expect(view.nodes).toEqual(['n1', 'n2', 'n3']);
    expect(view.keys).toEqual([
      { key: 'b', values: ['[3,4]', '2', null], divergent: true },
      { key: 'a', values: ['1', '1', '1'], divergent: false },
    ]);
  });

  it('embeds its data so that no value can end the script element', () => {
    const html = renderHtmlReport(buildReportData({ title: '</script><b>', history: [op(0, 0, 0, 'invoke', 'write', '</script><script>alert(1)</script>'), op(1, 1, 0, 'ok', 'write', 'x')], verdict: { valid: true, reason: '<i>' } }));
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain('&lt;/script&gt;&lt;b&gt;');
    const json = /id="faultline-data">(.*?)<\/script>/s.exec(html)![1]!;
    expect(JSON.parse(json).ops.label[0]).toBe('write "</script><script>alert(1)</script>" -> "x"');
  });
});
