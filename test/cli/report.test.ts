import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

/** The JSON a report page embeds for its script. */
function embedded(file: string): { processes: string[]; ops: { index: number[] }; faults: unknown[]; linearizability?: { blocked: number | null }; replicas?: unknown; messages?: unknown } {
  const html = readFileSync(file, 'utf8');
  const json = /<script type="application\/json" id="faultline-data">(.*?)<\/script>/s.exec(html)![1]!;
  return JSON.parse(json);
}

describe('faultline report', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-report-cli-'));

  it('writes one self-contained page for a saved run: no external script, style or link', () => {
    const file = path.join(dir, 'run.html');
    const run = runCli(['report', 'histories/regressions/sl-async-seed1', '--out', file, '--json']);
    expect(run.status, run.stderr).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ report: file, valid: false, anomaly: 'lost-write', ops: 2, faults: 1 });
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="(?!data:)|https?:\/\//);
    const data = embedded(file);
    expect(data.processes).toEqual(['p0', 'p1']);
    expect(data.faults).toHaveLength(1);
    expect(data.replicas).toBeDefined();
    expect(data.messages).toBeDefined();
  });

  it('checks a recorded history as check does and marks the op that cannot be placed', () => {
    const file = path.join(dir, 'history.html');
    const run = runCli(['report', 'histories/examples/register-bad.edn', '--out', file, '--json']);
    expect(run.status, run.stderr).toBe(1);
    const data = embedded(file);
    expect(data.linearizability?.blocked).not.toBeNull();
    expect(data.ops.index[data.linearizability!.blocked!]).toBe(4);
  });

  it('check --report FILE writes the same kind of page beside its verdict', () => {
    const file = path.join(dir, 'check.html');
    const run = runCli(['check', 'histories/examples/register-bad.edn', '--report', file, '--json']);
    expect(run.status, run.stderr).toBe(1);
    expect(JSON.parse(run.stdout).valid).toBe(false);
    expect(embedded(file).ops.index.length).toBe(3);
  });

  it('warns when the re-run is not the saved run any more, and shows the re-run', () => {
    const saved = path.join(dir, 'drifted');
    cpSync('histories/regressions/sl-async-seed1', saved, { recursive: true });
    appendFileSync(path.join(saved, 'history.ndjson'), '{"index":99,"time":9,"process":0,"type":"invoke","f":"read","value":null}\n');
    const run = runCli(['report', saved]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/warning: the re-run differs from .*history\.ndjson at line \d+: the report shows the re-run/);
    expect(embedded(path.join(saved, 'report.html')).ops.index).not.toContain(99);
  });

  it('bad input exits 2 with one line naming it', () => {
    const missing = runCli(['report', path.join(dir, 'nope')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope: no such file or folder/);
    const mixed = runCli(['report', 'histories/regressions/sl-async-seed1', '--checkers', 'linearizable']);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toMatch(/--checkers.*apply to a history file/);
    expect(existsSync(path.join('histories/regressions/sl-async-seed1', 'report.html'))).toBe(false);
  });
});
