import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const freshDir = (): string => mkdtempSync(path.join(tmpdir(), 'faultline-explore-'));

interface ExploreJson {
  seed: number;
  runs: number;
  failures: Array<{ run: number; dir: string; anomaly: string; clientOps: number; faults: number; reason: string }>;
  unknown: number;
  workers: number;
  stoppedBy: string;
}

function exploreJson(args: string[]): { status: number | null; report: ExploreJson; stderr: string } {
  const run = runCli(['explore', ...args, '--json'], 120_000);
  const lines = run.stdout.trim().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0], `exit ${run.status}: ${run.stderr}`).not.toBe('');
  return { status: run.status, report: JSON.parse(lines[0]!) as ExploreJson, stderr: run.stderr };
}

describe('faultline explore', () => {
  it('finds, shrinks, saves and explains a weak preset\'s anomaly (exit 1)', () => {
    const out = freshDir();
    const { status, report, stderr } = exploreJson(['--preset', 'sl-async', '--seed', '1', '--runs', '300', '--out', out]);
    expect(status).toBe(1);
    expect(report.failures).toHaveLength(1);
    const [failure] = report.failures;
    // sl-async's preset checks durability first: an acknowledged write lost in a failover.
    expect(failure).toMatchObject({ anomaly: 'lost-write' });
    expect(failure!.clientOps).toBeGreaterThan(0);
    expect(report.runs).toBe(failure!.run + 1);
    expect(path.dirname(failure!.dir)).toBe(out);
    for (const file of ['scenario.json', 'history.ndjson', 'results.json', 'counterexample.txt']) {
      expect(existsSync(path.join(failure!.dir, file)), file).toBe(true);
    }
    const text = readFileSync(path.join(failure!.dir, 'counterexample.txt'), 'utf8');
    expect(text).toContain(`${failure!.reason}.`);
    expect(text).toMatch(/Scenario:\n {2}store: single-leader/);
    // Human text (with the counterexample) goes to stderr under --json.
    expect(stderr).toMatch(/1 failure\(s\) in \d+ run\(s\)/);
    expect(stderr).toContain('faultline found: lost-write');
    // No live progress line when stderr is not a terminal.
    expect(stderr).not.toMatch(/runs\/s \|/);
    // The saved failure replays to the same history.
    expect(runCli(['replay', failure!.dir]).status).toBe(0);
  });

  it('with two workers finds what one worker finds', () => {
    const args = ['--preset', 'll-weak', '--seed', '2', '--runs', '100'];
    const one = exploreJson([...args, '--out', freshDir()]).report;
    const two = exploreJson([...args, '--workers', '2', '--out', freshDir()]).report;
    expect(two.workers).toBe(2);
    const findings = (r: ExploreJson) => ({ runs: r.runs, failures: r.failures.map(({ run, anomaly, clientOps, faults, reason }) => ({ run, anomaly, clientOps, faults, reason })) });
    expect(findings(two)).toEqual(findings(one));
  });

  it('reports a safe preset clean (exit 0), stopping at --runs or --time', () => {
    const byRuns = exploreJson(['--preset', 'sl-majority', '--seed', '1', '--runs', '8', '--out', freshDir()]);
    expect(byRuns.status).toBe(0);
    expect(byRuns.report).toMatchObject({ runs: 8, failures: [], unknown: 0, stoppedBy: 'runs' });
    const byTime = exploreJson(['--preset', 'll-abd', '--seed', '1', '--time', '0.5', '--out', freshDir()]);
    expect(byTime.status).toBe(0);
    expect(byTime.report.stoppedBy).toBe('time');
    expect(byTime.report.runs).toBeGreaterThan(0);
  });

  it('prints the verdict as text without --json', () => {
    const run = runCli(['explore', '--preset', 'sl-majority', '--seed', '1', '--runs', '3', '--out', freshDir()]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/no violation found in 3 run\(s\) in [\d.]+ s \([\d.]+ runs\/s, 1 worker\(s\), seed 1\)/);
    expect(run.stderr).toMatch(/exploring sl-majority from seed 1/);
  });

  it('exits 2 for bad flags', () => {
    for (const args of [['--runs', '0'], ['--time', '-1'], ['--workers', 'two'], ['--preset', 'zz']]) {
      const run = runCli(['explore', ...args]);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^faultline: /);
    }
  });
});
