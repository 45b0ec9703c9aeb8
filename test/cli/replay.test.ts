import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const freshDir = (): string => mkdtempSync(path.join(tmpdir(), 'faultline-replay-'));

describe('faultline replay', () => {
  let saved: string;

  beforeAll(() => {
    saved = path.join(freshDir(), 'saved');
    const run = runCli(['run', '--preset', 'sl-majority', '--seed', '5', '--ops', '25', '--out', saved]);
    expect(run.status, run.stderr).toBe(0);
  });

  /** A copy of the saved run to tamper with. */
  const copy = (): string => {
    const dir = path.join(freshDir(), 'copy');
    cpSync(saved, dir, { recursive: true });
    return dir;
  };

  it('confirms a byte-identical history and an unchanged verdict (exit 0), from the folder or its scenario.json', () => {
    const run = runCli(['replay', saved]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/history identical to .*history\.ndjson, byte for byte/);
    expect(run.stdout).toMatch(/verdict unchanged/);
    const json = runCli(['replay', path.join(saved, 'scenario.json'), '--json']);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ identical: true, verdictUnchanged: true, verdict: { valid: true } });
  });

  it('exits 2 naming the first differing line when the saved history differs', () => {
    const dir = copy();
    const file = path.join(dir, 'history.ndjson');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[3] = lines[3]!.replace(/"time":\d+/, '"time":7');
    writeFileSync(file, lines.join('\n'));
    const run = runCli(['replay', dir]);
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/history differs from .*history\.ndjson at line 4:\n {2}saved: {4}\{"index":3,"time":7,/);
    expect(run.stdout).toMatch(/\n {2}replayed: \{"index":3,"time":\d+/);
    const json = JSON.parse(runCli(['replay', dir, '--json']).stdout);
    expect(json).toMatchObject({ identical: false, firstDifference: { line: 4 } });
  });

  it('says which side ends first when the saved history is shorter', () => {
    const dir = copy();
    const file = path.join(dir, 'history.ndjson');
    writeFileSync(file, readFileSync(file, 'utf8').split('\n').slice(0, 2).join('\n'));
    const run = runCli(['replay', dir]);
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/at line 3:\n {2}saved: {4}\(nothing: the saved history ends here\)/);
  });

  it('exits 2 when the saved verdict differs from the replayed one', () => {
    const dir = copy();
    const file = path.join(dir, 'results.json');
    const results = JSON.parse(readFileSync(file, 'utf8'));
    results.verdict = { ...results.verdict, valid: false, anomaly: 'not-linearizable' };
    writeFileSync(file, JSON.stringify(results));
    const run = runCli(['replay', dir]);
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/verdict changed: saved false \(not-linearizable\), replayed true/);
  });

  it('runs a scenario with no saved history without comparing, exiting by its verdict', () => {
    const dir = copy();
    rmSync(path.join(dir, 'history.ndjson'));
    rmSync(path.join(dir, 'results.json'));
    const run = runCli(['replay', dir, '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ identical: null, verdictUnchanged: null });
    expect(run.stderr).toMatch(/ran the scenario without comparing/);
  });

  it('exits 2 with one line for a missing or malformed scenario', () => {
    const missing = runCli(['replay', path.join(freshDir(), 'nothing-here')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nothing-here: does not exist/);
    const dir = copy();
    writeFileSync(path.join(dir, 'scenario.json'), '{"seed": 1}');
    const malformed = runCli(['replay', dir]);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toMatch(/scenario\.json: store: is missing/);
    expect(malformed.stderr).not.toMatch(/\n\s+at /);
  });
});
