import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkLinearizable } from '../../src/checker/linearizable/check.js';
import type { Operation } from '../../src/history/operation.js';
import type { Model } from '../../src/models/model.js';
import { registerModel } from '../../src/models/register.js';

/**
 * `writers` writes, all concurrent, then a read of a value none of them wrote:
 * illegal, but only after the search has tried every order of the writes, so it
 * runs for millions of steps.
 */
function hardHistory(writers: number): Operation[] {
  const ops: Operation[] = [];
  for (let i = 0; i < writers; i++) {
    ops.push({ id: i, process: i, call: i, ret: 1000 + i, input: { f: 'write', value: i }, output: { known: true, value: i }, invokeIndex: i });
  }
  ops.push({ id: writers, process: writers, call: 2000, ret: 2001, input: { f: 'read', value: null }, output: { known: true, value: 'never-written' }, invokeIndex: 2000 });
  return ops;
}

/** A clock that moves 1 ms per model step, so a budget in ms is a budget in steps. */
function steppedClock(model: Model<unknown>): { model: Model<unknown>; now: () => number } {
  let ms = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => ms);
  return { model: { ...model, step: (state, input, output) => (ms++, model.step(state, input, output)) }, now: () => ms };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the linearizability search budgets', () => {
  // Its writes all write different values, which is decided without search: these
  // tests ask for the search, whose budgets they are about.
  it('stops within 10% of its time budget, also inside one long slice', () => {
    // 100 000 steps: between slices the old search read the clock at 61 440 and
    // 126 976 steps (27% late); inside a slice it reads it every 4096 steps.
    const clock = steppedClock(registerModel());
    const verdict = checkLinearizable(hardHistory(22), clock.model, { timeoutMs: 100_000, algorithm: 'search' });
    expect(verdict.valid).toBe('unknown');
    expect(verdict.detail.stoppedBy).toBe('time');
    expect(clock.now()).toBeGreaterThanOrEqual(100_000);
    expect(clock.now()).toBeLessThanOrEqual(110_000);
  });

  it('ends in unknown once the process passes its memory budget, saying so', () => {
    // Any running Node process is over 1 MB: the first budget read stops the search.
    const verdict = checkLinearizable(hardHistory(22), registerModel(), { maxMemoryBytes: 2 ** 20, algorithm: 'search' });
    expect(verdict.valid).toBe('unknown');
    expect(verdict.detail.stoppedBy).toBe('memory');
    expect(verdict.reason).toMatch(/memory budget of 1 MB/);
  });

  it('a search that finishes within its first slice is not stopped by a budget it never reaches', () => {
    const ops = hardHistory(3);
    const verdict = checkLinearizable(ops, registerModel(), { maxMemoryBytes: 2 ** 20, timeoutMs: 60_000 });
    expect(verdict.valid).toBe(false);
  });
});
