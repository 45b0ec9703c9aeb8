import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

/**
 * `--store`: a store of the user's own as a plain JavaScript ES module in a
 * project of their own, which imports 'faultline' as an installed package
 * would (node_modules/faultline is this repository, built).
 */
describe('faultline --store <file.js>', () => {
  let project: string;
  let store: string;

  beforeAll(() => {
    project = mkdtempSync(path.join(tmpdir(), 'faultline-own-store-'));
    mkdirSync(path.join(project, 'node_modules'));
    symlinkSync(path.resolve('.'), path.join(project, 'node_modules', 'faultline'), 'dir');
    store = path.join(project, 'my-store.js');
    copyFileSync(path.resolve('test/support/primary-backup-store.js'), store);
  });

  const exploreArgs = (out: string, workers: string) => [
    'explore', '--store', store, '--workload', 'set', '--nemesis', 'crash-leader', '--runs', '300', '--seed', '1',
    '--workers', workers, '--out', out, '--json',
  ];

  it('explore finds the lost write (exit 1) and saves it; replay --store reproduces it byte for byte (exit 0)', () => {
    const out = path.join(project, 'out');
    const run = runCli(exploreArgs(out, '1'), 120_000);
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { failures: Array<{ dir: string; anomaly: string; clientOps: number }> };
    expect(report.failures[0]!.anomaly).toBe('lost-write');
    const dir = report.failures[0]!.dir;
    expect(readdirSync(dir).sort()).toEqual(['counterexample.txt', 'history.ndjson', 'report.html', 'results.json', 'scenario.json']);
    expect(run.stderr).toMatch(/exploring generated primary-backup stores/);

    const replayed = runCli(['replay', dir, '--store', store, '--json']);
    expect(replayed.status, replayed.stderr).toBe(0);
    expect(JSON.parse(replayed.stdout)).toMatchObject({ identical: true, verdictUnchanged: true, verdict: { valid: false, anomaly: 'lost-write' } });
  });

  it('worker threads load the store too, and find the same failure', () => {
    const one = JSON.parse(runCli(exploreArgs(path.join(project, 'one'), '1'), 120_000).stdout) as { failures: Array<{ clientOps: number; seed: number }> };
    const two = runCli(exploreArgs(path.join(project, 'two'), '2'), 120_000);
    expect(two.status, two.stderr).toBe(1);
    const report = JSON.parse(two.stdout) as { workers: number; failures: Array<{ clientOps: number; seed: number }> };
    expect(report.workers).toBe(2);
    expect(report.failures[0]).toMatchObject({ clientOps: one.failures[0]!.clientOps, seed: one.failures[0]!.seed });
  });

  it('without --store the saved scenario names an unknown mode: exit 2 listing the known ones', () => {
    const saved = path.join(project, 'out');
    const dir = path.join(saved, readdirSync(saved)[0]!);
    const run = runCli(['replay', dir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/mode: "primary-backup" must be one of single-leader, multi-leader, leaderless/);
  });

  it('a missing file or a module without a ModeDefinition is bad input (exit 2)', () => {
    const missing = runCli(['explore', '--store', path.join(project, 'nope.js'), '--runs', '1']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--store: .*nope\.js does not exist/);
    const notAMode = path.join(project, 'not-a-mode.js');
    writeFileSync(notAMode, "export default { name: 'half', defaults: () => ({}) };\n");
    const bad = runCli(['run', '--store', notAMode, '--seed', '1']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/not-a-mode\.js: default export\.field: .*must be a non-empty string/);
  });
});
