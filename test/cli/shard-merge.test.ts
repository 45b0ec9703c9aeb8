import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MergeReport } from '../../src/explore/merge.js';
import type { ShardSummary } from '../../src/explore/shard-summary.js';

const BIN = path.resolve('dist/src/cli/main.js');

/** Runs the built CLI in `cwd`, so saved folders (and the replay lines naming them) read the same in every folder. */
function cli(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 180_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json<T>(run: { stdout: string; stderr: string; status: number | null }): T {
  const lines = run.stdout.trim().split('\n');
  expect(lines, `exit ${run.status}: ${run.stderr}`).toHaveLength(1);
  return JSON.parse(lines[0]!) as T;
}

/** Every file of every counterexample folder under `dir`, by "<folder>/<file>", as text (results.json holds timings, so only its verdict without them). */
function counterexampleFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const folder of readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const file of ['scenario.json', 'history.ndjson', 'counterexample.txt']) {
      files[`${folder.name}/${file}`] = readFileSync(path.join(dir, folder.name, file), 'utf8');
    }
    const results = JSON.parse(readFileSync(path.join(dir, folder.name, 'results.json'), 'utf8')) as { verdict: unknown };
    // A checker's elapsedMs is wall-clock time, the one thing two runs of the same scenario do not share.
    files[`${folder.name}/results.json#verdict`] = JSON.stringify(results.verdict, (key, value: unknown) => (key === 'elapsedMs' ? undefined : value));
  }
  return files;
}

interface ExploreJson {
  runs: number;
  failures: Array<{ run: number; dir: string; anomaly: string; clientOps: number; faults: number; seed: number; reason: string }>;
  shard?: { index: number; count: number };
  covered?: Array<[number, number]>;
}

const PRESET = ['--preset', 'll-weak', '--seed', '3'];
const RUNS = 14;
const SHARDS = 4;

describe('explore --shard and merge', () => {
  let root: string;
  let single: ExploreJson;
  let singleStatus: number | null;
  const shardReports: ExploreJson[] = [];

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'faultline-shards-'));
    mkdirSync(path.join(root, 'single'));
    const run = cli(path.join(root, 'single'), ['explore', ...PRESET, '--runs', String(RUNS), '--keep-going', '--out', 'out', '--json']);
    singleStatus = run.status;
    single = json<ExploreJson>(run);
    for (let index = 0; index < SHARDS; index++) {
      const cwd = path.join(root, `shard-${index}`);
      mkdirSync(cwd);
      const shardRun = cli(cwd, ['explore', ...PRESET, '--runs', String(RUNS), '--keep-going', '--shard', `${index}/${SHARDS}`, '--out', 'out', '--json']);
      expect([0, 1], shardRun.stderr).toContain(shardRun.status);
      shardReports.push(json<ExploreJson>(shardRun));
    }
  });

  it('each shard runs exactly its runs (i mod N) and writes a summary', () => {
    for (const [index, report] of shardReports.entries()) {
      const expectedRuns = Math.ceil((RUNS - index) / SHARDS);
      expect(report.runs).toBe(expectedRuns);
      expect(report.covered).toEqual([[0, expectedRuns]]);
      for (const failure of report.failures) expect(failure.run % SHARDS).toBe(index);
      const summary = JSON.parse(readFileSync(path.join(root, `shard-${index}`, 'out', 'summary.json'), 'utf8')) as ShardSummary;
      expect(summary).toMatchObject({ shard: { index, count: SHARDS }, seed: 3, runs: expectedRuns, budget: { runs: RUNS, timeSeconds: null, keepGoing: true } });
      expect(summary.failures.map((failure) => failure.run)).toEqual(report.failures.map((failure) => failure.run));
    }
  });

  it('shards 0/4..3/4 find what one explore --runs R finds: same failures, shrunk scenarios and counterexample bytes', () => {
    expect(singleStatus).toBe(1);
    expect(single.failures.length).toBeGreaterThan(1);
    const strip = ({ run, anomaly, clientOps, faults, seed, reason, dir }: ExploreJson['failures'][number]) => ({ run, anomaly, clientOps, faults, seed, reason, dir });
    const union = shardReports.flatMap((report) => report.failures).map(strip).sort((a, b) => a.run - b.run);
    expect(union).toEqual(single.failures.map(strip));
    const shardFiles = Object.assign({}, ...shardReports.map((_, index) => counterexampleFiles(path.join(root, `shard-${index}`, 'out')))) as Record<string, string>;
    expect(shardFiles).toEqual(counterexampleFiles(path.join(root, 'single', 'out')));
  });

  it('merge totals the runs, keeps the smallest counterexample per signature, copies it out, and exits 1', () => {
    const run = cli(root, ['merge', ...shardReports.map((_, index) => `shard-${index}/out`), '--out', 'merged', '--json']);
    expect(run.status, run.stderr).toBe(1);
    const report = json<MergeReport>(run);
    expect(report).toMatchObject({ seed: 3, shards: SHARDS, runs: RUNS, unknown: 0, found: single.failures.length, firstFailingRun: single.failures[0]!.run });
    // De-duplication: one entry per signature, each the smallest of those sharing it, and nothing lost.
    const signatures = new Set(report.failures.map((failure) => failure.signature));
    expect(signatures.size).toBe(report.failures.length);
    expect(report.failures.length + report.failures.reduce((sum, failure) => sum + failure.duplicates, 0)).toBe(single.failures.length);
    const all = shardReports.flatMap((shard, index) => JSON.parse(readFileSync(path.join(root, `shard-${index}`, 'out', 'summary.json'), 'utf8')).failures as ShardSummary['failures']);
    for (const kept of report.failures) {
      for (const other of all.filter((failure) => failure.signature === kept.signature)) {
        expect(kept.clientOps + kept.faults).toBeLessThanOrEqual(other.clientOps + other.faults);
      }
      // The copy is the shard's folder, byte for byte.
      const source = path.join(root, `shard-${kept.run % SHARDS}`, 'out', kept.dir);
      for (const file of ['scenario.json', 'history.ndjson', 'counterexample.txt']) {
        expect(readFileSync(path.join(root, 'merged', kept.dir, file), 'utf8')).toBe(readFileSync(path.join(source, file), 'utf8'));
      }
    }
    expect(existsSync(path.join(root, 'merged', 'merged.json'))).toBe(true);
    // A folder of shard folders merges the same (how artifacts and volumes hold them).
    const nested = path.join(root, 'nested');
    for (const [index] of shardReports.entries()) cpSync(path.join(root, `shard-${index}`, 'out'), path.join(nested, `shard-${index}`), { recursive: true });
    const again = json<MergeReport>(cli(root, ['merge', 'nested', '--json']));
    expect(again.failures.map((failure) => [failure.run, failure.signature])).toEqual(report.failures.map((failure) => [failure.run, failure.signature]));
  });

  it('a missing shard exits 2 naming it and its runs', () => {
    const run = cli(root, ['merge', 'shard-0/out', 'shard-1/out', 'shard-3/out']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('missing shard 2/4 (runs 2, 6, 10): their runs were never explored');
  });

  it('overlapping shards exit 2 naming both folders', () => {
    const copy = path.join(root, 'copy-of-1');
    cpSync(path.join(root, 'shard-1', 'out'), copy, { recursive: true });
    const run = cli(root, ['merge', 'shard-0/out', 'shard-1/out', 'copy-of-1', 'shard-2/out', 'shard-3/out', '--json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/copy-of-1\/summary\.json: shard: overlaps shard-1\/out\/summary\.json: both ran shard 1\/4 \(runs 1, 5, 9, …\)/);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { field: 'copy-of-1/summary.json: shard' } });
  });

  it('shards of another split or another seed are refused (exit 2)', () => {
    const other = path.join(root, 'other-split');
    mkdirSync(other);
    const half = cli(other, ['explore', ...PRESET, '--runs', '2', '--shard', '1/2', '--out', 'out']);
    expect([0, 1]).toContain(half.status);
    const split = cli(root, ['merge', 'shard-0/out', 'other-split/out']);
    expect(split.status).toBe(2);
    expect(split.stderr).toContain('other-split/out/summary.json: shard: is shard 1/2 but shard-0/out/summary.json is shard 0/4');
    const summary = JSON.parse(readFileSync(path.join(root, 'shard-3', 'out', 'summary.json'), 'utf8')) as ShardSummary;
    const reseeded = path.join(root, 'reseeded');
    mkdirSync(reseeded);
    writeFileSync(path.join(reseeded, 'summary.json'), JSON.stringify({ ...summary, seed: 4 }));
    const seeds = cli(root, ['merge', 'shard-0/out', 'reseeded']);
    expect(seeds.status).toBe(2);
    expect(seeds.stderr).toContain('reseeded/summary.json: seed: differs from shard-0/out/summary.json');
  });

  it('a malformed summary exits 2 naming the file and field', () => {
    const bad = path.join(root, 'bad');
    mkdirSync(bad);
    writeFileSync(path.join(bad, 'summary.json'), JSON.stringify({ format: 'faultline-shard-summary/1', shard: { index: 5, count: 4 } }));
    const run = cli(root, ['merge', 'bad']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('faultline: bad/summary.json: shard: {"index":5,"count":4} must be {index, count} with 0 <= index < count');
    expect(cli(root, ['merge', 'single']).stderr).toContain('single: holds no summary.json');
    // A summary naming a counterexample folder that is not there cannot be merged into --out.
    const lost = path.join(root, 'lost-folder');
    cpSync(path.join(root, 'shard-0', 'out'), lost, { recursive: true });
    const summary = JSON.parse(readFileSync(path.join(lost, 'summary.json'), 'utf8')) as ShardSummary;
    writeFileSync(path.join(lost, 'summary.json'), JSON.stringify({ ...summary, shard: { index: 0, count: 1 }, failures: [{ ...summary.failures[0]!, dir: 'gone' }] }));
    const missing = cli(root, ['merge', 'lost-folder', '--out', 'lost-merged']);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe('faultline: lost-folder/gone: is missing, though its shard summary lists it as a counterexample folder');
  });

  it('without --keep-going, the earliest failure over the shards is the one a single explore stops at', () => {
    const first = json<ExploreJson>(cli(path.join(root, 'single'), ['explore', ...PRESET, '--runs', String(RUNS), '--out', 'first', '--json']));
    const dirs: string[] = [];
    for (let index = 0; index < SHARDS; index++) {
      cli(path.join(root, `shard-${index}`), ['explore', ...PRESET, '--runs', String(RUNS), '--shard', `${index}/${SHARDS}`, '--out', 'first']);
      dirs.push(`shard-${index}/first`);
    }
    const merged = json<MergeReport>(cli(root, ['merge', ...dirs, '--json']));
    expect(merged.firstFailingRun).toBe(first.failures[0]!.run);
    expect(merged.failures.some((failure) => failure.run === first.failures[0]!.run)).toBe(true);
  });

  it('a shard on two worker threads finds what it finds on one', () => {
    const cwd = path.join(root, 'shard-1');
    const two = json<ExploreJson>(cli(cwd, ['explore', ...PRESET, '--runs', String(RUNS), '--keep-going', '--shard', `1/${SHARDS}`, '--workers', '2', '--out', 'two', '--json']));
    const strip = (report: ExploreJson) => ({ runs: report.runs, covered: report.covered, failures: report.failures.map(({ run, anomaly, clientOps, faults, seed }) => ({ run, anomaly, clientOps, faults, seed })) });
    expect(strip(two)).toEqual(strip(shardReports[1]!));
  });

  it('--shard needs I/N with I < N, and a --seed', () => {
    const bad = cli(root, ['explore', ...PRESET, '--shard', '4/4']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--shard: expected I/N with 0 <= I < N (e.g. 0/4), got "4/4"');
    const unseeded = cli(root, ['explore', '--preset', 'll-weak', '--shard', '0/4']);
    expect(unseeded.status).toBe(2);
    expect(unseeded.stderr).toContain('--shard: needs --seed');
  });
});
