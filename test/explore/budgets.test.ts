import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { explore, type ExploreFailure } from '../../src/explore/explore.js';
import { replay } from '../../src/explore/replay.js';
import { TS_WORKER_FLAGS } from './support/worker-flags.js';

const outDir = mkdtempSync(join(tmpdir(), 'faultline-explore-budgets-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
});

/** performance.now() as the test sets it, so a budget runs out exactly where the test says. */
function fakeClock(): { set(ms: number): void } {
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  return { set: (ms) => void (now = ms) };
}

describe('explore: budgets and interrupts', () => {
  it('--keep-going saves each failure as it is found, before the next run starts', async () => {
    const dir = join(outDir, 'as-found');
    const savedBeforeNextRun: boolean[] = [];
    let pending: ExploreFailure | undefined;
    const report = await explore({
      preset: 'sl-async', runs: 80, seed: 1, keepGoing: true, outDir: dir,
      onFailure: (failure) => void (pending = failure),
      onProgress: () => {
        if (pending === undefined) return;
        savedBeforeNextRun.push(existsSync(join(pending.dir!, 'results.json')));
        pending = undefined;
      },
    });
    expect(report.failures.length).toBeGreaterThanOrEqual(2);
    // Every failure but the last was on disk when the following run was reported.
    expect(savedBeforeNextRun.length).toBeGreaterThanOrEqual(report.failures.length - 1);
    expect(savedBeforeNextRun.every(Boolean)).toBe(true);
  });

  it('timeSeconds bounds shrinking too: a failure found as time runs out is saved unshrunk, and marked so', async () => {
    const clock = fakeClock();
    const dir = join(outDir, 'out-of-time');
    const report = await explore({
      preset: 'sl-async', timeSeconds: 60, seed: 1, keepGoing: true, outDir: dir,
      // The first failure is reported as the minute ends.
      onProgress: (progress) => progress.failures > 0 && clock.set(61_000),
    });
    expect(report.stoppedBy).toBe('time');
    expect(report.failures).toHaveLength(1);
    const [failure] = report.failures;
    expect(failure!.shrinkState).toBe('unshrunk');
    expect(failure!.shrink).toBeUndefined();
    expect(failure!.shrunk.scenario).toEqual(failure!.original.scenario);
    expect(JSON.parse(readFileSync(join(failure!.dir!, 'results.json'), 'utf8')).shrinkState).toBe('unshrunk');
  });

  it('a failure found by a worker after the time is up is saved as that worker ran it, not run again, and replays', async () => {
    const dir = join(outDir, 'late-from-worker');
    const clock = fakeClock();
    // The minute ends as the first failure is reported: every failure is settled out of time.
    const report = await explore({
      preset: 'sl-async', timeSeconds: 60, runs: 40, seed: 1, keepGoing: true, workers: 2, workerExecArgv: TS_WORKER_FLAGS, outDir: dir,
      onProgress: (progress) => progress.failures > 0 && clock.set(61_000),
    });
    expect(report.failures.length).toBeGreaterThanOrEqual(1);
    for (const failure of report.failures) {
      expect(failure.shrinkState).toBe('unshrunk');
      // The exploration traces no messages; a fresh, fully traced run would have them.
      expect(failure.shrunk.run.trace.some((event) => event.kind === 'send' || event.kind === 'deliver')).toBe(false);
      expect(failure.shrunk.run.history.length).toBeGreaterThan(0);
      const replayed = replay(failure.dir!);
      expect(replayed.identical).toBe(true);
      expect(replayed.verdictUnchanged).toBe(true);
    }
  });

  it('a budget that runs out while shrinking keeps the smaller failure found so far, marked partly shrunk', async () => {
    const clock = fakeClock();
    const report = await explore({
      preset: 'sl-async', timeSeconds: 60, seed: 1, outDir: join(outDir, 'partly'),
      // The first smaller failure is kept as the minute ends.
      shrink: { onShrink: () => clock.set(61_000) },
    });
    const [failure] = report.failures;
    expect(failure!.shrinkState).toBe('partly-shrunk');
    expect(failure!.shrink).toMatchObject({ steps: 1, exhausted: true });
  });

  it('an aborted signal stops generating; failures found are saved unshrunk once the grace period is over', async () => {
    const controller = new AbortController();
    const dir = join(outDir, 'interrupted');
    const report = await explore({
      preset: 'sl-async', runs: 1000, seed: 1, keepGoing: true, outDir: dir, signal: controller.signal, graceMs: 0,
      onProgress: (progress) => progress.failures > 0 && controller.abort(),
    });
    expect(report.stoppedBy).toBe('interrupt');
    expect(report.runs).toBeLessThan(1000);
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]!.shrinkState).toBe('unshrunk');
    expect(readdirSync(dir)).toEqual([`sl-async-seed1-run${report.failures[0]!.run}`]);
  });

  it('with workers, an aborted signal stops them at once and still reports what was found', async () => {
    const controller = new AbortController();
    controller.abort();
    const report = await explore({ preset: 'sl-majority', runs: 100_000, seed: 1, workers: 2, signal: controller.signal });
    expect(report.stoppedBy).toBe('interrupt');
    expect(report.runs).toBeLessThan(100_000);
  });
});
