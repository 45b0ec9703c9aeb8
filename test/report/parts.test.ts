import { describe, expect, it } from 'vitest';
import type { Op } from '../../src/history/op.js';
import { renderHistoryTimeline } from '../../src/report/history-timeline.js';
import { nemesisBars } from '../../src/report/nemesis-bars.js';
import { notableTrace } from '../../src/report/notable-trace.js';
import { describeFault, describeScenario, describeStore, faultsInTimeOrder } from '../../src/report/scenario-words.js';
import type { TraceEvent } from '../../src/sim/trace.js';
import { defaultStoreConfig } from '../../src/store/config.js';

const nemesis = (index: number, f: string, value: unknown): Op => ({ index, time: index * 1e6, process: 'nemesis', type: 'info', f, value });
const client = (index: number, process: number, type: Op['type'], f: string, value: unknown): Op => ({ index, time: index * 1e6, process, type, f, value });

describe('notableTrace', () => {
  const drops: TraceEvent[] = Array.from({ length: 12 }, (_, i) => ({ timeMs: i, kind: 'drop', node: 'n2', peer: 'n1', detail: `m${i}` }));
  const trace: TraceEvent[] = [
    { timeMs: 0, kind: 'start', node: 'n1' },
    { timeMs: 0.5, kind: 'custom', node: 'n1', name: 'forward' },
    ...drops,
    { timeMs: 20, kind: 'crash', node: 'n3' },
    { timeMs: 30, kind: 'deliver', node: 'n2', peer: 'n1' },
    { timeMs: 40, kind: 'restart', node: 'n3' },
  ];

  it('keeps lifecycle, faults and the latest drops; says how many earlier ones it left out', () => {
    const lines = notableTrace(trace, { maxDrops: 3 });
    expect(lines[0]).toBe('(9 earlier events not shown)');
    expect(lines.slice(1).map((line) => line.trim().split(/\s+/)[1])).toEqual(['drop', 'drop', 'drop', 'crash', 'restart']);
    expect(lines.join('\n')).toMatch(/m11/);
    expect(lines.join('\n')).not.toMatch(/m8\b|forward|deliver|\bstart/);
  });

  it('stops at untilMs and keeps at most maxLines, the latest', () => {
    expect(notableTrace(trace, { untilMs: 25, maxDrops: 0 })).toEqual(['(12 earlier events not shown)', notableTrace([trace[14]!])[0]]);
    expect(notableTrace(trace, { maxLines: 1 })).toHaveLength(2);
  });
});

describe('nemesisBars', () => {
  it('pairs start and stop by fault number, even when faults overlap', () => {
    const history = [
      nemesis(0, 'start-partition', { fault: 0, kind: 'partition-one', groups: [['n1'], ['n2', 'n3']] }),
      nemesis(1, 'start-crash', { fault: 1, kind: 'crash-one', nodes: ['n2'] }),
      nemesis(2, 'stop-partition', { fault: 0, kind: 'partition-one', groups: [['n1'], ['n2', 'n3']] }),
    ];
    const { bars, labels, events } = nemesisBars(history);
    expect(bars.map((bar) => [bar.process, bar.call, bar.ret])).toEqual([['nemesis 0', 0, 2], ['nemesis 1', 1, Infinity]]);
    expect(bars.map((bar) => labels.get(bar))).toEqual(['partition-one n1 | n2 n3', 'crash-one n2']);
    expect(events).toEqual([]);
  });

  it('pairs Jepsen-style start/stop by name, and keeps unpaired ops as events', () => {
    const { bars, events } = nemesisBars([nemesis(0, 'start', null), nemesis(3, 'stop', null), nemesis(4, 'healAll', ['restart:n1'])]);
    expect(bars.map((bar) => [bar.call, bar.ret])).toEqual([[0, 3]]);
    expect(events).toEqual([{ at: 4, text: 'healAll [restart:n1]' }]);
  });
});

describe('renderHistoryTimeline', () => {
  const history = [
    client(0, 0, 'invoke', 'write', 1), client(1, 0, 'ok', 'write', 1),
    nemesis(2, 'start-crash', { fault: 0, kind: 'crash-one', nodes: ['n1'] }),
    client(3, 1, 'invoke', 'write', 2), client(4, 1, 'fail', 'write', 2),
    client(5, 1, 'invoke', 'read', null), client(6, 1, 'ok', 'read', 1),
    nemesis(7, 'stop-crash', { fault: 0, kind: 'crash-one', nodes: ['n1'] }),
  ];
  const describeOp = (op: { input: { f: string; value: unknown }; output: { value: unknown } }) => `${op.input.f} ${String(op.input.value ?? op.output.value)}`;

  it('draws client rows (failed ops left out) above one row per fault', () => {
    const rows = renderHistoryTimeline(history, { describe: describeOp, marked: new Set([5]) }).split('\n');
    expect(rows.map((row) => row.split(/\s+/)[0])).toEqual(['p0', 'p1', 'nemesis']);
    expect(rows[1]).toMatch(/\*read 1\*/);
    expect(rows[1]).not.toMatch(/write 2/);
    expect(rows[2]).toMatch(/crash-one n1/);
  });

  it('above maxOps draws only the focus ops and the faults overlapping them, and says so', () => {
    const text = renderHistoryTimeline(history, { describe: describeOp, focus: new Set([5]), maxOps: 1 });
    expect(text).not.toMatch(/write 1/);
    expect(text).toMatch(/crash-one/);
    expect(text).toMatch(/\(1 other client op not drawn\)$/);
  });
});

describe('scenario in words', () => {
  it('names only the settings that differ from the defaults', () => {
    expect(describeStore(defaultStoreConfig('leaderless'))).toBe('store: leaderless, nodes n1 n2 n3; default settings');
    const weak = defaultStoreConfig('leaderless') as ReturnType<typeof defaultStoreConfig> & { leaderless: { w: number; r: number } };
    weak.leaderless = { ...weak.leaderless, w: 1, r: 1 };
    expect(describeStore(weak, 'll-weak')).toBe('store: leaderless, nodes n1 n2 n3 (preset ll-weak); unlike the defaults: leaderless.w=1, leaderless.r=1');
  });

  it('puts faults in time order with their targets and numbers', () => {
    const faults = [
      { kind: 'loss' as const, atMs: 300, durationMs: 50, targets: ['n1', 'n2'], params: { probability: 0.3 } },
      { kind: 'crash-minority' as const, atMs: 100, durationMs: 25.5, targets: ['n3', 'n1', 'n2'] },
    ];
    expect(faultsInTimeOrder(faults).map((fault) => fault.atMs)).toEqual([100, 300]);
    expect(describeFault(faults[0]!)).toBe('at 300 ms for 50 ms: loss on n1 n2 (probability=0.3)');
    expect(describeFault(faults[1]!)).toBe('at 100 ms for 25.5 ms: crash-minority (taking nodes in the order n3 n1 n2)');
    const scenario = { seed: 1, store: defaultStoreConfig('leaderless'), workload: { workload: 'kv', ops: 10, clients: 1, keys: 2 }, faults: [] };
    expect(describeScenario(scenario)).toEqual([
      'store: leaderless, nodes n1 n2 n3; default settings',
      'workload: kv, 10 ops by 1 client on 2 keys; seed 1',
      'faults: none',
    ]);
  });
});
