import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFile } from './run-cli.js';

const freshDir = (): string => mkdtempSync(path.join(tmpdir(), 'faultline-flags-'));

/** A saved regression folder copied, with its scenario.json changed by `change`. */
function tamperedScenario(change: (scenario: Record<string, any>) => void): string {
  const dir = path.join(freshDir(), 'copy');
  cpSync('histories/regressions/ll-weak-seed1', dir, { recursive: true });
  const file = path.join(dir, 'scenario.json');
  const scenario = JSON.parse(readFileSync(file, 'utf8'));
  change(scenario);
  writeFileSync(file, JSON.stringify(scenario, null, 2));
  return file;
}

/** One line on stderr, exit 2, naming `what`; nothing run, nothing saved. */
function expectUsage(args: string[], what: RegExp): void {
  const run = runCli(args);
  expect(run.status, run.stderr).toBe(2);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(what);
}

describe('replay and --config check a scenario file strictly', () => {
  it('names the file and the field path of each problem (exit 2)', () => {
    const cases: Array<[(s: Record<string, any>) => void, RegExp]> = [
      [(s) => { s.faults[0].kind = 'meteor'; }, /scenario\.json: faults\[0\]\.kind: "meteor" must be one of/],
      [(s) => { s.workload.clients = 0; }, /scenario\.json: workload\.clients: 0 must be an integer >= 1$/m],
      [(s) => { s.preset = 'nope'; }, /scenario\.json: preset: "nope" must be one of/],
      [(s) => { s.extra = 1; }, /scenario\.json: extra: is not a scenario field/],
      [(s) => { s.workload.readFraction = -0.1; }, /scenario\.json: workload\.readFraction: -0\.1 must be a number in \[0, 1\]/],
      [(s) => { s.faults[0].targets = ['n7']; }, /scenario\.json: faults\[0\]\.targets\[0\]: "n7" is not a node of this store/],
      [(s) => { s.workload.checkers = ['linearizable', 'nonsense']; }, /scenario\.json: workload\.checkers\[1\]: "nonsense" must be one of/],
    ];
    for (const [change, message] of cases) {
      const file = tamperedScenario(change);
      expectUsage(['replay', path.dirname(file)], message);
      expectUsage(['run', '--config', file, '--seed', '1', '--out', path.join(freshDir(), 'out')], message);
    }
  });

  it('says so when --config is a folder', () => {
    expectUsage(['run', '--config', freshDir()], /--config: .* is a folder/);
  });

  it('takes a valid saved scenario as --config (its store and client policy)', () => {
    const out = path.join(freshDir(), 'out');
    const run = runCli(['run', '--config', 'histories/regressions/ll-weak-seed1/scenario.json', '--seed', '3', '--ops', '5', '--out', out, '--json']);
    expect(run.status, run.stderr).not.toBe(2);
    expect(JSON.parse(readFileSync(path.join(out, 'scenario.json'), 'utf8')).store.leaderless.nodes).toBe(2);
  });

  it('rejects an unknown field beside store and client in a config file', () => {
    const file = tempFile('config.json', JSON.stringify({ store: { mode: 'leaderless' }, clinet: {} }));
    expectUsage(['run', '--config', file], /config\.json: clinet: is not a known field/);
  });
});

describe('scenario flags', () => {
  it('rejects an empty seed, and seeds beyond 32 bits rather than wrapping them to another seed', () => {
    expectUsage(['run', '--preset', 'sl-async', '--seed', ''], /--seed: expected an integer in \[0, 4294967295\], got ""/);
    expectUsage(['run', '--preset', 'sl-async', '--seed', '4294967296'], /--seed: .*got "4294967296"/);
    expectUsage(['explore', '--preset', 'sl-async', '--seed', '-1'], /--seed:/);
  });

  it('runs the largest seed as itself, not as a smaller one', () => {
    const a = path.join(freshDir(), 'a');
    const run = runCli(['run', '--preset', 'sl-majority', '--ops', '3', '--seed', '4294967295', '--out', a]);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(a, 'scenario.json'), 'utf8')).seed).toBe(4294967295);
  });

  it('rejects more workers than the bound, an empty --nemesis and an empty --out', () => {
    expectUsage(['explore', '--preset', 'sl-async', '--workers', '1000'], /--workers: expected an integer in \[1, 64\]/);
    expectUsage(['run', '--preset', 'sl-async', '--nemesis', ''], /--nemesis: expected fault kinds/);
    expectUsage(['run', '--preset', 'sl-async', '--out', ''], /--out: expected a path/);
    expectUsage(['explore', '--preset', 'sl-async', '--out', ''], /--out: expected a path/);
  });

  it('reports a fault kind that cannot apply to the store instead of dropping it', () => {
    expectUsage(['run', '--preset', 'll-abd', '--nemesis', 'crash-leader'], /--nemesis: crash-leader cannot apply to a leaderless store.*no leader/);
    expectUsage(['run', '--preset', 'sl-majority', '--nemesis', 'partition-group'], /--nemesis: partition-group cannot apply.*no node groups/);
    expectUsage(['run', '--preset', 'll-abd', '--nemesis', 'equivocate'], /--nemesis: equivocate cannot apply to a leaderless store.*no leader/);
    expectUsage(['run', '--preset', 'll-abd', '--nemesis', 'corrupt-disk,forge-epoch'], /--nemesis: forge-epoch cannot apply to a leaderless store \(forge-epoch: there is no leader and no epoch to claim\)/);
    const out = path.join(freshDir(), 'all');
    const run = runCli(['run', '--preset', 'll-abd', '--nemesis', 'all', '--ops', '5', '--seed', '1', '--out', out]);
    expect(run.status, run.stderr).not.toBe(2);
    expect(run.stderr).toMatch(/--nemesis all: leaving out .*crash-leader.*no leader/);
    expect(run.stderr).toMatch(/leaving out [^\n]*equivocate, forge-epoch/);
    expect(run.stderr).not.toMatch(/leaving out [^\n]*corrupt-message/);
  });
});

describe('--mutation', () => {
  it('switches a bug on in the preset\'s store, so a mutation row is reproducible from the command line', () => {
    const out = freshDir();
    const run = runCli(['explore', '--preset', 'll-abd', '--mutation', 'merkle-without-version', '--seed', '1', '--runs', '30', '--out', out, '--json']);
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.failures[0]).toMatchObject({ anomaly: 'divergence' });
    const saved = JSON.parse(readFileSync(path.join(report.failures[0].dir, 'scenario.json'), 'utf8'));
    expect(saved.store.mutations).toEqual(['merkle-without-version']);
  });

  it('finds nothing in the same runs with the bug off (the finding is the mutation\'s)', () => {
    const run = runCli(['explore', '--preset', 'll-abd', '--seed', '1', '--runs', '9', '--out', freshDir(), '--json']);
    expect(run.status, run.stderr).toBe(0);
  });

  it('rejects a mutation of another mode, an unknown one, and one without a store to apply to', () => {
    expectUsage(['run', '--preset', 'll-abd', '--mutation', 'ack-before-fsync'], /--mutation: "ack-before-fsync" applies to single-leader stores only/);
    expectUsage(['run', '--preset', 'll-abd', '--mutation', 'no-such-bug'], /--mutation: /);
    expectUsage(['run', '--mutation', 'ack-before-fsync'], /--mutation: give the store it applies to with --preset or --config/);
  });
});

describe('the README tables\' reproduce commands', () => {
  const readme = readFileSync('README.md', 'utf8');

  /** The command and the runs-to-detection figure of the README table row that starts with `start`. */
  function rowOf(start: string, runsColumn: number): { args: string[]; runs: number } {
    const line = readme.split('\n').find((candidate) => candidate.startsWith(start))!;
    const cells = line.slice(2, -2).split(' | ');
    const command = /`faultline ([^`]+)`/.exec(cells.at(-1)!)![1]!;
    return { args: command.split(' '), runs: Number(cells[runsColumn]) };
  }

  it('find the failure at the run the table says (ll-weak, and a mutation switched on from the command line)', () => {
    for (const { args, runs } of [rowOf('| ll-weak |', 3), rowOf('| `merkle-without-version` |', 3)]) {
      const run = runCli([...args, '--out', freshDir(), '--json']);
      expect(run.status, run.stderr).toBe(1);
      expect(JSON.parse(run.stdout).runs).toBe(runs);
    }
  });
});

describe('--checkers and --max-faults', () => {
  it('judge a run with exactly the checkers named, in that order', () => {
    const out = path.join(freshDir(), 'out');
    const run = runCli(['run', '--preset', 'sl-majority', '--seed', '2', '--ops', '8', '--checkers', 'durability,convergence', '--out', out, '--json']);
    expect(run.status, run.stderr).toBe(0);
    const scenario = JSON.parse(readFileSync(path.join(out, 'scenario.json'), 'utf8'));
    expect(scenario.workload.checkers).toEqual(['durability', 'convergence']);
    const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8'));
    expect(Object.keys(results.verdict.checks)).toEqual(['durability', 'convergence']);
  });

  it('--max-faults 0 draws scenarios without faults; more than the preset default is allowed', () => {
    const out = path.join(freshDir(), 'out');
    const run = runCli(['run', '--preset', 'sl-async', '--seed', '5', '--max-faults', '0', '--out', out, '--json']);
    expect(run.status, run.stderr).not.toBe(2);
    expect(JSON.parse(run.stdout).faults).toBe(0);
    const many = runCli(['run', '--preset', 'sl-async', '--seed', '5', '--max-faults', '20', '--out', path.join(freshDir(), 'out'), '--json']);
    expect(many.status, many.stderr).not.toBe(2);
  });

  it('refuse an unknown checker, an empty list and a count out of range (exit 2, naming the flag)', () => {
    expectUsage(['run', '--preset', 'sl-majority', '--checkers', 'linearizable,nope'], /--checkers: unknown checker "nope" \(known: linearizable/);
    expectUsage(['explore', '--preset', 'sl-majority', '--checkers', ','], /--checkers: no checker named/);
    expectUsage(['explore', '--preset', 'sl-majority', '--max-faults', '-1'], /--max-faults: expected an integer in \[0, 50\], got "-1"/);
    expectUsage(['explore', '--preset', 'sl-majority', '--max-faults', '51'], /--max-faults: expected an integer in \[0, 50\], got "51"/);
  });
});
