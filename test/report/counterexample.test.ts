import { describe, expect, it } from 'vitest';
import type { ScenarioOutcome } from '../../src/run/run-scenario.js';
import type { RunResult } from '../../src/run/simulate.js';
import type { Op } from '../../src/history/op.js';
import { renderCounterexample } from '../../src/report/counterexample.js';
import type { TraceEvent } from '../../src/sim/trace.js';
import { defaultStoreConfig } from '../../src/store/config.js';

const MS = 1e6;

/** A lost write under a leader partition: p0's write 1 is acknowledged, then p1 reads nil. */
function lostWriteOutcome(): ScenarioOutcome {
  const op = (index: number, timeMs: number, process: Op['process'], type: Op['type'], f: string, value: unknown): Op =>
    ({ index, time: timeMs * MS, process, type, f, key: 'k0', value });
  const partition = { fault: 0, kind: 'partition-leader', groups: [['n1'], ['n2', 'n3']] };
  const history: Op[] = [
    op(0, 10, 0, 'invoke', 'write', 1),
    op(1, 12, 0, 'ok', 'write', 1),
    { index: 2, time: 20 * MS, process: 'nemesis', type: 'info', f: 'start-partition', value: partition },
    op(3, 400, 1, 'invoke', 'read', null),
    op(4, 420, 1, 'ok', 'read', null),
    { index: 5, time: 500 * MS, process: 'nemesis', type: 'info', f: 'stop-partition', value: partition },
  ];
  const trace: TraceEvent[] = [
    { timeMs: 0, kind: 'start', node: 'n1' },
    { timeMs: 5, kind: 'custom', node: 'n1', name: 'election', detail: '{"epoch":1}' },
    { timeMs: 11, kind: 'send', node: 'n1', peer: 'n2', detail: 'm1 append' },
    { timeMs: 20, kind: 'partition', detail: 'n1->n2 n2->n1' },
    { timeMs: 30, kind: 'drop', node: 'n2', peer: 'n1', detail: 'm2 append (partition)' },
    { timeMs: 300, kind: 'custom', node: 'n3', name: 'election', detail: '{"epoch":2}' },
    { timeMs: 450, kind: 'custom', node: 'n1', name: 'step-down', detail: '{"epoch":2}' },
  ];
  const run = { history, trace, replicaStates: {}, stats: {} } as unknown as RunResult;
  return {
    scenario: {
      seed: 42,
      preset: 'sl-async',
      store: { ...defaultStoreConfig('single-leader'), singleLeader: { ...(defaultStoreConfig('single-leader') as any).singleLeader, acks: 'async' } },
      workload: { workload: 'register', ops: 2, clients: 2, keys: 1 },
      faults: [{ kind: 'partition-leader', atMs: 20, durationMs: 480, targets: ['n2'] }],
    },
    run,
    verdict: { valid: false, anomaly: 'not-linearizable', reason: 'no linearization', checks: {} },
  };
}

describe('renderCounterexample', () => {
  const text = renderCounterexample(lostWriteOutcome(), { replay: 'faultline replay out/x' });

  it('starts with the anomaly and the reason in one sentence', () => {
    const [headline, reason] = text.split('\n');
    expect(headline).toBe('faultline found: not-linearizable');
    expect(reason).toBe('p1 read nil from key k0 (the initial value), but write 1 by p0 had completed before the read began.');
  });

  it('describes the scenario: store settings that differ, workload, faults in time order, replay line', () => {
    expect(text).toMatch(/store: single-leader, nodes n1 n2 n3 \(preset sl-async\); unlike the defaults: singleLeader\.acks=async/);
    expect(text).toMatch(/workload: register, 2 ops by 2 clients on 1 key; seed 42/);
    expect(text).toMatch(/at 20 ms for 480 ms: partition-leader on the current leader \(n2 if none is known\)/);
    expect(text).toMatch(/replay: faultline replay out\/x/);
  });

  it('draws the history per process with the fault as a bar and the failing op marked', () => {
    const rows = text.slice(text.indexOf('History')).split('\n');
    const p0 = rows.find((row) => row.startsWith('p0 '))!;
    const p1 = rows.find((row) => row.startsWith('p1 '))!;
    const fault = rows.find((row) => row.startsWith('nemesis 0'))!;
    expect(p0).toMatch(/\|-write k0 1-*\|/);
    expect(p1).toMatch(/\*read k0 -> nil\*/);
    expect(fault).toMatch(/partition-leader n1 \| n2 n3/);
    // The fault starts after p0's write completed and before p1's read: columns keep real-time order.
    expect(fault.indexOf('|')).toBeGreaterThan(p0.lastIndexOf('|'));
    expect(fault.indexOf('|')).toBeLessThan(p1.indexOf('|'));
  });

  it('lists the notable trace lines up to the failing op, without messages or node starts', () => {
    const trace = text.slice(text.indexOf('Trace that led there'));
    expect(trace).toMatch(/up to 420\.000 ms/);
    expect(trace).toMatch(/election \{"epoch":2\}/);
    expect(trace).toMatch(/drop +n2 <- n1/);
    expect(trace).not.toMatch(/send|start /);
    expect(trace).not.toMatch(/step-down/); // at 450 ms, after the read completed
  });

  it('can leave the trace out', () => {
    expect(renderCounterexample(lostWriteOutcome(), { trace: false })).not.toMatch(/Trace that led there/);
  });

  it('falls back to the verdict reason for other anomalies', () => {
    const outcome = lostWriteOutcome();
    outcome.verdict = { valid: false, anomaly: 'divergence', reason: 'n1 holds 3 but n2 holds 4 for key k0', checks: {} };
    expect(renderCounterexample(outcome).split('\n').slice(0, 2)).toEqual(['faultline found: divergence', 'n1 holds 3 but n2 holds 4 for key k0.']);
  });
});
