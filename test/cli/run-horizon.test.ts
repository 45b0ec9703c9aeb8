import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('faultline run: the simulated horizon and the output folder', () => {
  it('--ops 3000 runs every op: the horizon grows with the workload past the old 60 s', () => {
    // 2 clients at ~170 ms between ops: about 255 s of simulated time.
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'faultline-horizon-')), 'run');
    const run = runCli(['run', '--preset', 'sl-majority', '--ops', '3000', '--seed', '3', '--out', out, '--json'], 120_000);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.stats.clientsFinished).toBe(true);
    expect(report.stats.clients.invoked).toBe(3000);
    expect(report.stats.endTimeMs).toBeGreaterThan(60_000);
    expect(report.warning).toBeUndefined();
    expect(run.stderr).not.toMatch(/warning/);
  });

  it('a run whose clients did not finish before the horizon says so, on stderr and in the JSON', () => {
    // Clients that wait 10^8 ms for an answer a crashed leader never sends are still waiting when the horizon ends the run.
    const dir = mkdtempSync(path.join(tmpdir(), 'faultline-stuck-'));
    const config = path.join(dir, 'stuck.json');
    writeFileSync(config, JSON.stringify({ store: { mode: 'single-leader' }, client: { timeouts: { requestTimeoutMs: 100_000_000 } } }));
    const run = runCli(['run', '--config', config, '--workload', 'register', '--ops', '20', '--clients', '2', '--nemesis', 'crash-leader',
      '--seed', '1', '--out', path.join(dir, 'out'), '--json']);
    const report = JSON.parse(run.stdout);
    expect(report.stats.clientsFinished).toBe(false);
    expect(report.warning).toMatch(/^the clients did not finish: the run stopped at \d+ s of simulated time with \d+ of 20 op\(s\) invoked/);
    expect(run.stderr).toMatch(/warning: the clients did not finish/);
  });

  it.each(['1e9', '1000001'])('--ops %s is rejected as absurd, exit 2', (ops) => {
    const run = runCli(['run', '--preset', 'sl-majority', '--ops', ops, '--seed', '1']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--ops: at most 1000000 client ops per scenario/);
  });

  it('saving into a folder of an earlier run leaves none of its files: no stale counterexample beside a valid result', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'faultline-reuse-')), 'same');
    const failing = runCli(['run', '--preset', 'll-weak', '--seed', '4', '--out', out]);
    expect(failing.status, failing.stderr).toBe(1);
    expect(existsSync(path.join(out, 'counterexample.txt'))).toBe(true);
    const valid = runCli(['run', '--preset', 'll-weak', '--seed', '1', '--out', out, '--json']);
    expect(valid.status, valid.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['history.ndjson', 'results.json', 'scenario.json']);
    expect(valid.stderr).toMatch(/held an earlier run: replaced its .*counterexample\.txt/);
    expect(JSON.parse(valid.stdout).replaced).toContain('counterexample.txt');
    // Nothing of the fresh folder the files were written into is left beside it.
    expect(readdirSync(path.dirname(out))).toEqual(['same']);
  });
});
