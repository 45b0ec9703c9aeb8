import { describe, expect, it } from 'vitest';
import { checkAvailability } from '../../src/checker/availability.js';
import { faultIntervals } from '../../src/checker/_internals/nemesis-faults.js';
import { simulate } from '../../src/run/simulate.js';
import { PRESETS } from '../../src/presets/index.js';
import type { TraceEvent } from '../../src/sim/trace.js';
import { HistoryBuilder } from './support/history.js';

const election = (timeMs: number, node: string, epoch: number): TraceEvent => ({
  timeMs, kind: 'custom', node, name: 'election', detail: JSON.stringify({ epoch, leader: node }),
});

describe('checkAvailability', () => {
  it('measures each fault: recovery time and the share of ops that succeeded while it lasted', () => {
    const h = new HistoryBuilder().at(0).write(0, 'x', 1)
      .at(100).nemesis('start-partition', { fault: 0 })
      .at(110).invoke(0, 'write', 2, 'x').at(250).complete(0, 'info', 'write', 2, 'x')
      .at(120).invoke(1, 'read', null, 'x').at(130).complete(1, 'fail', 'read', null, 'x')
      .at(260).invoke(1, 'read', null, 'x').at(280).complete(1, 'ok', 'read', 1, 'x')
      .at(300).nemesis('stop-partition', { fault: 0 })
      .at(310).read(0, 'x', 1);
    const verdict = checkAvailability(h.ops, []);
    expect(verdict.valid).toBe(true);
    expect(verdict.detail!.faults).toEqual([
      { fault: 'start-partition', startMs: 100, endMs: 300, rtoMs: 180, ops: 3, ok: 1, successRate: 1 / 3 },
    ]);
    const [before, during, after] = verdict.detail!.phases;
    expect(before).toMatchObject({ phase: 'before', ops: 1, ok: 1, p50Ms: 1 });
    expect(during).toMatchObject({ phase: 'during', ops: 3, ok: 1, fail: 1, info: 1, p50Ms: 20, p95Ms: 20, p99Ms: 20 });
    expect(after).toMatchObject({ phase: 'after', ops: 1, ok: 1 });
  });

  it('finds a live leader deposed by a short pause (a false failover) and what it cost', () => {
    const h = new HistoryBuilder().at(0).write(0, 'x', 1)
      .at(105).invoke(0, 'write', 2, 'x').at(200).complete(0, 'info', 'write', 2, 'x')
      .at(210).invoke(1, 'read', null, 'x').at(215).complete(1, 'ok', 'read', 1, 'x');
    const trace: TraceEvent[] = [
      election(1, 'n1', 1),
      { timeMs: 100, kind: 'pause', node: 'n1', detail: 'until 180' },
      election(170, 'n2', 2),
    ];
    const verdict = checkAvailability(h.ops, trace);
    expect(verdict).toMatchObject({ valid: false, anomaly: 'false-failover' });
    expect(verdict.detail!.elections).toBe(2);
    expect(verdict.detail!.falseFailovers).toEqual([{
      atMs: 170, leader: 'n2', previousLeader: 'n1', cause: 'pause', silentForMs: 70, falseFailover: true, unavailableMs: 115, opsFailed: 1,
    }]);
    expect(verdict.reason).toContain('n1 was replaced by n2 at 170 ms 70 ms after a pause fault began');
  });

  it('accepts failovers a dead, cut-off or long-silent leader needed', () => {
    const crash: TraceEvent[] = [election(1, 'n1', 1), { timeMs: 100, kind: 'crash', node: 'n1' }, election(150, 'n2', 2)];
    expect(checkAvailability([], crash).detail!.failovers[0]).toMatchObject({ cause: 'crash', falseFailover: false });
    const cut: TraceEvent[] = [election(1, 'n1', 1), { timeMs: 100, kind: 'partition', detail: 'n1->n2 n2->n1' }, { timeMs: 120, kind: 'heal', detail: '2 links' }, election(150, 'n2', 2)];
    expect(checkAvailability([], cut).detail!.failovers[0]).toMatchObject({ cause: 'partition', falseFailover: false });
    const elsewhere: TraceEvent[] = [election(1, 'n1', 1), { timeMs: 100, kind: 'partition', detail: 'n2->n3' }, election(150, 'n2', 2)];
    expect(checkAvailability([], elsewhere).detail!.failovers[0]).toMatchObject({ cause: 'none', falseFailover: true });
    const longPause: TraceEvent[] = [election(1, 'n1', 1), { timeMs: 100, kind: 'pause', node: 'n1' }, election(400, 'n2', 2)];
    expect(checkAvailability([], longPause).valid).toBe(true);
    expect(checkAvailability([], longPause, { failoverGraceMs: 500 }).valid).toBe(false);
  });

  it('does not count an election of an old epoch (a candidate paused as it won) as a failover', () => {
    const trace: TraceEvent[] = [election(469, 'n3', 2), election(789, 'n1', 1)];
    const verdict = checkAvailability([], trace);
    expect(verdict.detail).toMatchObject({ elections: 2, failovers: [] });
  });
});

describe('faultIntervals', () => {
  it('reads Jepsen start/stop pairs and the catalogue\'s start-/stop- pairs, matched by fault', () => {
    const jepsen = new HistoryBuilder().at(10).nemesis('start').at(11).nemesis('start', 'cut').at(50).nemesis('stop').nemesis('stop').ops;
    expect(faultIntervals(jepsen)).toEqual([{ name: 'start', startNs: 10e6, endNs: 50e6, detail: null }]);
    const catalogue = new HistoryBuilder().at(10).nemesis('start-crash', { fault: 0 }).at(20).nemesis('start-crash', { fault: 1 })
      .at(30).nemesis('start-partition', { fault: 2 }).at(40).nemesis('stop-crash', { fault: 1 }).at(60).nemesis('stop-crash', { fault: 0 }).ops;
    expect(faultIntervals(catalogue).map((f) => [f.name, f.startNs / 1e6, f.endNs / 1e6])).toEqual([
      ['start-crash', 10, 60], ['start-crash', 20, 40], ['start-partition', 30, Infinity],
    ]);
  });
});

describe('checkAvailability on simulated runs', () => {
  const ops = Array.from({ length: 30 }, (_, i) => ({ process: i % 2, f: i % 3 === 0 ? 'read' : 'write', key: 'x', value: i % 3 === 0 ? null : i, atMs: i * 15 }));
  const pauseLeader = [{ kind: 'pause' as const, atMs: 100, durationMs: 200, targets: ['n1'] }];

  it('finds the false failover of an aggressive failure detector, and none with the default one', () => {
    const aggressive = simulate({ seed: 5, store: PRESETS['fd-aggressive']!.store, clients: { count: 2 }, ops, faults: pauseLeader });
    const found = checkAvailability(aggressive.history, aggressive.trace);
    expect(found).toMatchObject({ valid: false, anomaly: 'false-failover' });
    expect(found.detail!.falseFailovers[0]).toMatchObject({ previousLeader: 'n1', cause: 'pause' });
    const calm = simulate({ seed: 5, store: PRESETS['sl-majority']!.store, clients: { count: 2 }, ops, faults: pauseLeader });
    const verdict = checkAvailability(calm.history, calm.trace);
    expect(verdict.valid).toBe(true);
    expect(verdict.detail!.faults[0]).toMatchObject({ fault: 'start-pause', startMs: 100, endMs: 300 });
  });
});
