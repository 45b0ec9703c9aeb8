import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

interface GuardJson {
  replayed: Array<{ dir: string; state: string; detail: string }>;
  reproduced: number;
  fixed: number;
  changed: number;
  explored: Array<{ target: string; runs: number; failures: number }>;
  failures: Array<{ target: string; run: number; anomaly: string }>;
  exitCode: number;
}

/** A folder holding copies of some saved regressions. */
function savedCopies(...names: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-guard-'));
  for (const name of names) cpSync(path.join('histories/regressions', name), path.join(dir, name), { recursive: true });
  return dir;
}

function guard(args: string[]): { status: number | null; report: GuardJson; stderr: string } {
  const run = runCli(['guard', ...args, '--json'], 180_000);
  const lines = run.stdout.trim().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  return { status: run.status, report: JSON.parse(lines[0]!) as GuardJson, stderr: run.stderr };
}

describe('faultline guard', () => {
  it('passes (exit 0) when every saved counterexample reproduces and the safe presets stay clean', () => {
    const dir = savedCopies('sl-async-seed1', 'll-abd-valid-seed1');
    const { status, report, stderr } = guard(['--dir', dir, '--explore-runs', '20', '--out', path.join(dir, 'new')]);
    expect(status, stderr).toBe(0);
    expect(report.replayed.map((entry) => [path.basename(entry.dir), entry.state])).toEqual([['ll-abd-valid-seed1', 'reproduced'], ['sl-async-seed1', 'reproduced']]);
    expect(report.explored.map((entry) => [entry.target, entry.runs, entry.failures])).toEqual([['sl-majority', 20, 0], ['ll-abd', 20, 0], ['sl-byzantine-defended', 20, 0], ['ml-byzantine-defended', 20, 0], ['sl-standby-hot', 20, 0]]);
    expect(stderr).toMatch(/guard: 2 saved counterexample\(s\): 2 reproduced, 0 fixed, 0 changed; explored 100 run\(s\): 0 failure\(s\), 0 unknown; exit 0/);
  });

  it('reports a drifted counterexample as changed and a now-clean one as fixed (exit 2)', () => {
    const dir = savedCopies('sl-async-seed1', 'sl-majority-valid-seed1', 'll-weak-seed1');
    // Drift: the saved history no longer matches what the scenario produces.
    const history = path.join(dir, 'sl-async-seed1', 'history.ndjson');
    const lines = readFileSync(history, 'utf8').split('\n');
    lines[1] = lines[1]!.replace('"process":', '"process":9, "was":');
    writeFileSync(history, lines.join('\n'));
    // Fixed: saved as a failure, and the scenario now passes.
    const results = path.join(dir, 'sl-majority-valid-seed1', 'results.json');
    const saved = JSON.parse(readFileSync(results, 'utf8')) as { verdict: Record<string, unknown> };
    writeFileSync(results, JSON.stringify({ ...saved, verdict: { ...saved.verdict, valid: false, anomaly: 'lost-write' } }));
    const { status, report } = guard(['--dir', dir, '--explore-runs', '0']);
    expect(status).toBe(2);
    const states = Object.fromEntries(report.replayed.map((entry) => [path.basename(entry.dir), entry]));
    expect(states['sl-async-seed1']).toMatchObject({ state: 'changed', detail: expect.stringContaining('history differs at line 2') });
    expect(states['sl-majority-valid-seed1']).toMatchObject({ state: 'fixed', detail: 'saved invalid (lost-write), now true' });
    expect(states['ll-weak-seed1']).toMatchObject({ state: 'reproduced' });
    expect(report).toMatchObject({ reproduced: 1, fixed: 1, changed: 1, explored: [], exitCode: 2 });
  });

  it('exits 1 when the exploration finds a new violation, whatever the replays say', () => {
    const dir = savedCopies('ll-weak-seed1');
    const { status, report } = guard(['--dir', dir, '--preset', 'll-weak', '--explore-runs', '30', '--out', path.join(dir, 'new')]);
    expect(status).toBe(1);
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatchObject({ target: 'll-weak' });
  });

  it('a missing folder is bad input (exit 2, naming it)', () => {
    const run = runCli(['guard', '--dir', 'no/such/folder', '--explore-runs', '0']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('faultline: no/such/folder: is not a folder of saved counterexamples');
  });
});
