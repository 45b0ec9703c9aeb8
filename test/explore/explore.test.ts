import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { explore, type ExploreProgress, type ExploreReport } from '../../src/explore/explore.js';
import { PRESETS } from '../../src/presets/index.js';
import { TS_WORKER_FLAGS } from './support/worker-flags.js';

const outDir = mkdtempSync(join(tmpdir(), 'faultline-explore-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** What must not depend on how the runs were spread: which run failed and what it shrank to. */
function findings(report: ExploreReport) {
  return {
    runs: report.runs,
    failures: report.failures.map((f) => ({ run: f.run, anomaly: f.anomaly, scenario: f.shrunk.scenario })),
  };
}

describe('explore', () => {
  it('reports a safe preset clean after the runs asked for', async () => {
    const progress: ExploreProgress[] = [];
    const report = await explore({ preset: 'sl-majority', runs: 25, seed: 3, onProgress: (p) => progress.push(p) });
    expect(report).toMatchObject({ runs: 25, failures: [], stoppedBy: 'runs', seed: 3, workers: 1 });
    expect(progress.map((p) => p.runs)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(progress.at(-1)!.failures).toBe(0);
  });

  it('stops at the first failure of a weak preset, shrinks it small and saves it', async () => {
    const report = await explore({ preset: 'sl-async', runs: 500, seed: 1, outDir });
    expect(report.stoppedBy).toBe('failure');
    expect(report.failures).toHaveLength(1);
    const [failure] = report.failures;
    expect(report.runs).toBe(failure!.run + 1);
    expect(failure!.anomaly).toBe('lost-write');
    expect(failure!.clientOps).toBeLessThanOrEqual(12);
    expect(failure!.faults).toBeLessThanOrEqual(3);
    expect(failure!.shrunk.verdict.valid).toBe(false);
    for (const file of ['scenario.json', 'history.ndjson', 'results.json', 'counterexample.txt']) {
      expect(existsSync(join(failure!.dir!, file))).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(failure!.dir!, 'scenario.json'), 'utf8'))).toEqual(failure!.shrunk.scenario);
  });

  it('finds the same thing from the same seed, and something else from another', async () => {
    const a = await explore({ preset: 'll-weak', runs: 200, seed: 5 });
    const b = await explore({ preset: 'll-weak', runs: 200, seed: 5 });
    const c = await explore({ preset: 'll-weak', runs: 200, seed: 6 });
    expect(findings(b)).toEqual(findings(a));
    expect(findings(c)).not.toEqual(findings(a));
  });

  it('with keepGoing, runs them all and reports every failure in run order', async () => {
    const report = await explore({ preset: 'll-weak', runs: 20, seed: 2, keepGoing: true, shrink: false });
    expect(report.runs).toBe(20);
    expect(report.stoppedBy).toBe('runs');
    expect(report.failures.length).toBeGreaterThan(1);
    const runs = report.failures.map((f) => f.run);
    expect(runs).toEqual([...runs].sort((x, y) => x - y));
  });

  it('stops when its time is up', async () => {
    const report = await explore({ preset: 'sl-majority', timeSeconds: 0.3, seed: 1, shrink: false });
    expect(report.stoppedBy).toBe('time');
    expect(report.runs).toBeGreaterThan(0);
  });

  it('finds with two workers exactly what one worker finds', async () => {
    for (const [preset, seed] of [['sl-async', 1], ['ll-weak', 9]] as const) {
      const one = await explore({ preset, runs: 300, seed });
      const two = await explore({ preset, runs: 300, seed, workers: 2, workerExecArgv: TS_WORKER_FLAGS });
      expect(two.workers).toBe(2);
      expect(findings(two)).toEqual(findings(one));
    }
    const clean = await explore({ preset: 'sl-majority', runs: 12, seed: 4, workers: 2, workerExecArgv: TS_WORKER_FLAGS });
    expect(clean).toMatchObject({ runs: 12, failures: [], stoppedBy: 'runs' });
  });
});

describe('explore options', () => {
  it('refuses bad numbers before running anything', async () => {
    await expect(explore({ runs: -1 })).rejects.toThrow(/runs must be a whole number >= 0, got -1/);
    await expect(explore({ workers: 0 })).rejects.toThrow(/workers must be a whole number >= 1/);
    await expect(explore({ timeSeconds: 0 })).rejects.toThrow(/timeSeconds must be a number > 0/);
  });

  it('fixes the preset\'s store, or the config given instead', async () => {
    const byPreset = await explore({ preset: 'ml-lww', runs: 20, shrink: false, keepGoing: true });
    expect(byPreset.failures.length).toBeGreaterThan(0);
    for (const f of byPreset.failures) expect(f.original.scenario).toMatchObject({ preset: 'ml-lww', store: PRESETS['ml-lww']!.store });
    const config = PRESETS['ll-weak']!.store;
    const byConfig = await explore({ config, scenario: { workload: { workload: 'register', ops: 40 } }, runs: 40, shrink: false, keepGoing: true });
    expect(byConfig.failures.length).toBeGreaterThan(0);
    for (const f of byConfig.failures) {
      expect(f.original.scenario.store).toEqual(config);
      expect(f.original.scenario.preset).toBeUndefined();
    }
  });
});
