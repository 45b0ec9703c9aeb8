import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFile } from './run-cli.js';

const freshDir = (): string => mkdtempSync(path.join(tmpdir(), 'faultline-run-'));

describe('faultline run', () => {
  it('runs one scenario, saves scenario.json, history.ndjson and results.json, and prints one JSON object', () => {
    const out = path.join(freshDir(), 'one');
    const run = runCli(['run', '--preset', 'sl-majority', '--seed', '3', '--ops', '20', '--clients', '2', '--out', out, '--json']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]!);
    expect(report).toMatchObject({ valid: true, seed: 3, preset: 'sl-majority', dir: out, clientOps: 20 });
    expect(typeof report.reason).toBe('string');
    expect(typeof report.faults).toBe('number');
    for (const file of ['scenario.json', 'history.ndjson', 'results.json']) expect(existsSync(path.join(out, file))).toBe(true);
    const scenario = JSON.parse(readFileSync(path.join(out, 'scenario.json'), 'utf8'));
    expect(scenario).toMatchObject({ seed: 3, preset: 'sl-majority', workload: { ops: 20, clients: 2 } });
    expect(run.stderr).toMatch(/verdict: valid/);
  });

  it('gives the same history for the same seed', () => {
    const [a, b] = [path.join(freshDir(), 'a'), path.join(freshDir(), 'b')];
    for (const out of [a, b]) expect(runCli(['run', '--preset', 'll-quorum', '--seed', '11', '--ops', '30', '--out', out]).status).not.toBe(2);
    expect(readFileSync(path.join(a, 'history.ndjson'), 'utf8')).toBe(readFileSync(path.join(b, 'history.ndjson'), 'utf8'));
  });

  it('exits 1 with an explained counterexample when the scenario breaks the store', () => {
    // ll-weak (W = R = 1) breaks often; the first seeds hold one.
    let failing: { out: string; run: ReturnType<typeof runCli> } | undefined;
    for (let seed = 1; seed <= 12 && failing === undefined; seed++) {
      const out = path.join(freshDir(), `weak-${seed}`);
      const run = runCli(['run', '--preset', 'll-weak', '--seed', String(seed), '--out', out, '--json']);
      expect([0, 1]).toContain(run.status);
      if (run.status === 1) failing = { out, run };
    }
    expect(failing).toBeDefined();
    const report = JSON.parse(failing!.run.stdout);
    // ll-weak breaks several promises; the first failing seed may show any of them.
    expect(report.valid).toBe(false);
    expect(['not-linearizable', 'stale-read', 'session', 'lost-write', 'divergence']).toContain(report.anomaly);
    expect(report.reason.length).toBeGreaterThan(10);
    const text = readFileSync(path.join(failing!.out, 'counterexample.txt'), 'utf8');
    expect(text.startsWith(`faultline found: ${report.anomaly}\n`)).toBe(true);
  });

  it('takes a store config file and fault kinds', () => {
    const config = tempFile('weak.json', JSON.stringify({ mode: 'leaderless', leaderless: { w: 1, r: 1 } }));
    const out = path.join(freshDir(), 'config');
    const run = runCli(['run', '--config', config, '--workload', 'register', '--nemesis', 'crash-one,pause', '--seed', '4', '--out', out, '--json']);
    expect([0, 1]).toContain(run.status);
    const scenario = JSON.parse(readFileSync(path.join(out, 'scenario.json'), 'utf8'));
    expect(scenario.store.leaderless).toMatchObject({ w: 1, r: 1 });
    expect(scenario.workload.workload).toBe('register');
    for (const fault of scenario.faults) expect(['crash-one', 'pause']).toContain(fault.kind);
    const none = JSON.parse(runCli(['run', '--config', config, '--nemesis', 'none', '--seed', '4', '--out', `${out}-none`, '--json']).stdout);
    expect(none.faults).toBe(0);
  });

  it('takes the clients\' policy beside the store in a config file, or inside it as scenarios were once saved', () => {
    const policy = { idempotency: { enabled: false } };
    for (const [name, content] of [
      ['beside.json', { store: { mode: 'single-leader' }, client: policy }],
      ['inside.json', { store: { mode: 'single-leader', client: policy } }],
      ['flat.json', { mode: 'single-leader', client: policy }],
    ] as const) {
      const out = path.join(freshDir(), name);
      const run = runCli(['run', '--config', tempFile(name, JSON.stringify(content)), '--nemesis', 'none', '--seed', '2', '--ops', '5', '--out', out]);
      expect(run.status, run.stderr).toBe(0);
      const scenario = JSON.parse(readFileSync(path.join(out, 'scenario.json'), 'utf8'));
      expect(scenario.store.client).toBeUndefined();
      expect(scenario.client.idempotency.enabled).toBe(false);
    }
    const bad = runCli(['run', '--config', tempFile('bad-client.json', JSON.stringify({ store: { mode: 'leaderless' }, client: { retry: { maxRetries: -1 } } }))]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad-client\.json: client\.retry\.maxRetries/);
  });

  it('runs a store of one\'s own with --store', () => {
    const out = path.join(freshDir(), 'own');
    const run = runCli(['run', '--store', path.resolve('test/support/primary-backup-store.js'), '--workload', 'register', '--nemesis', 'none', '--seed', '3', '--ops', '6', '--out', out, '--json']);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(out, 'scenario.json'), 'utf8')).store).toEqual({ mode: 'primary-backup', primaryBackup: { syncIntervalMs: 30, failoverAfterMs: 150 } });
  });

  it('exits 2 with one line naming the problem for bad usage and bad configs', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--preset', 'nope'], /--preset: unknown preset "nope" \(known: sl-majority/],
      [['--nemesis', 'crash-one,meteor'], /--nemesis: unknown fault kind\(s\) meteor/],
      [['--preset', 'sl-async', '--config', 'x.json'], /give one or the other/],
      [['--ops', 'many'], /--ops: expected an integer >= 1, got "many"/],
      [['--config', tempFile('bad.json', JSON.stringify({ mode: 'leaderless', leaderless: { w: 9 } }))], /bad\.json: leaderless\.w: 9 /],
      [['--config', tempFile('broken.json', '{ mode: ')], /broken\.json: is not valid JSON/],
    ];
    for (const [args, message] of cases) {
      const run = runCli(['run', ...args, '--out', path.join(freshDir(), 'x')]);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    const json = runCli(['run', '--preset', 'nope', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { message: expect.stringMatching(/unknown preset/) } });
  });
});
