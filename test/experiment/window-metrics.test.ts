import { describe, expect, it } from 'vitest';
import type { Op } from '../../src/history/op.js';
import { phaseResults } from '../../src/experiment/phases.js';
import { figuresByWindow, OpTimeline, percentile, timedOps } from '../../src/experiment/window-metrics.js';

/** A history from [process, invoke ms, end ms | undefined (open), type, error?] rows, in time order. */
function history(rows: Array<[number, number, number | undefined, Op['type'], string?]>): Op[] {
  const events: Array<Omit<Op, 'index'>> = [];
  for (const [process, invokeMs, endMs, type, error] of rows) {
    events.push({ time: invokeMs * 1e6, process, type: 'invoke', f: 'write', value: 1 });
    if (endMs !== undefined) events.push({ time: endMs * 1e6, process, type, f: 'write', value: 1, ...(error === undefined ? {} : { error }) });
  }
  events.push({ time: 1, process: 'nemesis', type: 'info', f: 'start-crash', value: null });
  return events.sort((a, b) => a.time - b.time).map((op, index) => ({ index, ...op }));
}

describe('window figures', () => {
  const ops = timedOps(history([
    [0, 0, 10, 'ok'],
    [1, 5, 40, 'ok'],
    [0, 20, 30, 'fail', 'cas-mismatch'], // the store's answer: served
    [2, 50, 120, 'fail', 'not-leader'],
    [1, 60, 150, 'info'],
    [0, 110, 130, 'ok'],
    [2, 190, undefined, 'ok'], // still open when the run ended: counts in the last window
    [1, 250, 260, 'ok'], // invoked after the end: not the experiment's
  ]));

  it('pairs each process\'s invoke with its next completion; an op still open is info with no end', () => {
    expect(ops.map((op) => [op.invokeMs, op.endMs, op.type])).toEqual([
      [0, 10, 'ok'], [5, 40, 'ok'], [20, 30, 'declined'], [50, 120, 'fail'], [60, 150, 'info'],
      [110, 130, 'ok'], [190, Number.POSITIVE_INFINITY, 'info'], [250, 260, 'ok'],
    ]);
    expect(ops[1]!.latencyMs).toBe(35);
  });

  it('reads a growing history incrementally to the same ops, and finds those that ended in a window', () => {
    const full = history([[0, 0, 10, 'ok'], [1, 5, 40, 'ok'], [0, 20, 30, 'fail', 'cas-mismatch'], [2, 50, 120, 'fail'], [0, 110, 130, 'ok']]);
    const timeline = new OpTimeline();
    timeline.update(full.slice(0, 5));
    // Five ops in: the first write ended; the second and the cas are still open.
    expect(timeline.ops.map((op) => op.endMs)).toEqual([10, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]);
    expect(timeline.endedIn(0, 100).map((op) => op.endMs)).toEqual([10]);
    timeline.update(full);
    expect(timeline.ops).toEqual(timedOps(full));
    expect(timeline.endedIn(30, 120).map((op) => [op.endMs, op.type])).toEqual([[30, 'declined'], [40, 'ok']]);
    expect(timeline.endedIn(200, 300)).toEqual([]);
  });

  it('counts each op in the window it ended in, the late and open ones in the last, and judges each bound', () => {
    const windows = figuresByWindow(ops, [[0, 100], [100, 200]], { windowMs: 100, okShare: 0.75, p99LatencyMs: 30 });
    expect(windows.map(({ ok, declined, fail, info }) => [ok, declined, fail, info])).toEqual([[2, 1, 0, 0], [1, 0, 1, 2]]);
    expect(windows[0]).toMatchObject({ okShare: 1, p99LatencyMs: 35, held: false, broken: ['p99 latency 35.0 ms > 30 ms'] });
    expect(windows[1]).toMatchObject({ okShare: 0.25, p99LatencyMs: 20, held: false, broken: ['ok share 0.250 < 0.75'] });
  });

  it('a window where no op ended cannot be judged: unknown, and so is its phase unless another window broke the bound', () => {
    const quiet = timedOps(history([[0, 0, 10, 'ok'], [0, 20, 30, 'ok'], [0, 250, 260, 'ok']]));
    const phases = phaseResults(quiet, { windowMs: 100, okShare: 0.9 }, [['baseline', 0, 100], ['injection', 100, 300], ['recovery', 300, 400]]);
    expect(phases.map((phase) => [phase.name, phase.windows.length, phase.held])).toEqual([
      ['baseline', 1, true], ['injection', 2, 'unknown'], ['recovery', 1, 'unknown'],
    ]);
    expect(phases[1]!.windows.map((window) => window.held)).toEqual(['unknown', true]);
    expect(phases[0]!.overall).toEqual({ ok: 2, declined: 0, fail: 0, info: 0, okShare: 1 });
  });

  it('a phase fails on one broken window; worst figures are the lowest share and the highest p99', () => {
    const [phase] = phaseResults(ops, { windowMs: 100, okShare: 0.5 }, [['injection', 0, 200]]);
    expect(phase!.held).toBe(false);
    expect(phase!.worst).toEqual({ okShare: 0.25, p99LatencyMs: 35 });
  });

  it('percentile is nearest rank', () => {
    expect(percentile([], 0.99)).toBeNull();
    expect(percentile([3, 1, 2], 0.5)).toBe(2);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 0.99)).toBe(99);
    expect(percentile([...hundred, 1000], 0.99)).toBe(100);
  });
});
