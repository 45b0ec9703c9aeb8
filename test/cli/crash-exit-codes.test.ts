import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFile, type CliRun } from './run-cli.js';

const fresh = (): string => mkdtempSync(path.join(tmpdir(), 'faultline-crash-'));

/** Exit 2 with exactly one line on stderr that names `file`. */
function expectInputError(run: CliRun, file: string, problem: RegExp): void {
  expect(run.status, run.stderr).toBe(2);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toMatch(problem);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

/** The one JSON object on stdout under --json. */
function onlyJson(run: CliRun): { error: Record<string, unknown> } {
  const lines = run.stdout.trim().split('\n');
  expect(lines, run.stdout).toHaveLength(1);
  return JSON.parse(lines[0]!);
}

const deep = (n: number): string => `${'['.repeat(n)}${']'.repeat(n)}`;

describe('failures of the environment exit 2 naming the path, never 1', () => {
  it('run --out an existing file', () => {
    const file = tempFile('taken', 'x');
    const run = runCli(['run', '--preset', 'sl-async', '--seed', '1', '--ops', '5', '--out', file, '--json']);
    expectInputError(run, file, /cannot create the folder: something of that name is already there/);
    expect(onlyJson(run).error).toMatchObject({ file });
  });

  it('run --out under a file', () => {
    const file = tempFile('taken', 'x');
    const run = runCli(['run', '--preset', 'sl-async', '--seed', '1', '--ops', '5', '--out', path.join(file, 'sub')]);
    expectInputError(run, path.join(file, 'sub'), /a part of the path is a file, not a folder/);
  });

  it('run --out in a folder that cannot be written', () => {
    // root writes anywhere chmod forbids; /sys refuses even root.
    const root = process.getuid?.() === 0;
    const folder = root ? '/sys' : path.join(fresh(), 'locked');
    if (!root) {
      mkdirSync(folder);
      chmodSync(folder, 0o555);
    }
    const target = path.join(folder, 'faultline-out');
    const run = runCli(['run', '--preset', 'sl-async', '--seed', '1', '--ops', '5', '--out', target]);
    expectInputError(run, target, /cannot create the folder: (permission denied|operation not permitted|the file system is read-only)/);
  });

  it("shrink --out '' and --out into a missing folder", () => {
    const empty = runCli(['shrink', 'histories/examples/cas-register-bad.ndjson', '--out', '']);
    expect(empty.status).toBe(2);
    expect(empty.stderr.trim()).toBe('faultline: --out: expected a file name, got ""');
    const missing = path.join(fresh(), 'no-such-folder', 'small.ndjson');
    const run = runCli(['shrink', 'histories/examples/cas-register-bad.ndjson', '--out', missing, '--json']);
    expectInputError(run, missing, /cannot open: no such file or folder/);
    expect(onlyJson(run).error).toMatchObject({ file: missing });
  });
});

describe('replay of a damaged folder exits 2 naming the file', () => {
  const saved = (): string => {
    const dir = path.join(fresh(), 'saved');
    expect(runCli(['run', '--preset', 'sl-async', '--seed', '3', '--ops', '10', '--out', dir]).status).not.toBeNull();
    return dir;
  };

  it('a results.json that is not JSON, or holds no verdict shape', () => {
    const dir = saved();
    const results = path.join(dir, 'results.json');
    writeFileSync(results, 'garbage\n');
    const run = runCli(['replay', dir, '--json']);
    expectInputError(run, results, /is not valid JSON/);
    expect(onlyJson(run).error).toEqual({ message: expect.any(String), file: results });
    writeFileSync(results, '{"verdict": 5}\n');
    const shape = runCli(['replay', dir, '--json']);
    expectInputError(shape, results, /verdict: must be an object/);
    expect(onlyJson(shape).error).toMatchObject({ file: results, field: 'verdict' });
  });

  it('a history.ndjson that is a folder', () => {
    const dir = saved();
    const history = path.join(dir, 'history.ndjson');
    rmSync(history);
    mkdirSync(history);
    expectInputError(runCli(['replay', dir]), history, /is a folder, not a file/);
  });

  it('a scenario.json missing a field: file and field apart', () => {
    const scenario = tempFile('scenario.json', '{"seed": 1}');
    const run = runCli(['replay', scenario, '--json']);
    expectInputError(run, scenario, /store: is missing/);
    expect(onlyJson(run).error).toMatchObject({ file: scenario, field: 'store' });
  });

  it('a --config whose field is bad: the file in file, the field path in field', () => {
    const config = tempFile('config.json', JSON.stringify({ mode: 'single-leader', singleLeader: { nodes: 0 } }));
    const run = runCli(['run', '--config', config, '--seed', '1', '--json']);
    expect(run.status).toBe(2);
    const { error } = onlyJson(run);
    expect(error.file).toBe(config);
    expect(String(error.field)).not.toContain(config);
    expect(String(error.field)).toMatch(/nodes/);
  });
});

describe('lines and values beyond the bounds are bad input in every format', () => {
  it.each([
    ['ndjson', `${JSON.stringify({ process: 0, type: 'invoke', f: 'write' }).slice(0, -1)},"value":${deep(100_000)}}\n`, 'value'],
    ['edn', `{:process 0, :type :invoke, :f :write, :value ${deep(100_000)}}\n`, 'syntax'],
    ['log', `INFO  jepsen.util - 0\t:invoke\t:write\t${deep(100_000)}\n`, 'value'],
  ])('%s nested 100,000 deep', (format, text, field) => {
    const file = tempFile(`deep.${format}`, text);
    const run = runCli(['check', file, '--json']);
    expectInputError(run, `${file}:1: ${field}: nested deeper than 256 levels`, /limit on nesting/);
    expect(onlyJson(run).error).toMatchObject({ file, line: 1, field });
  });

  it('a value at the bound is read and checked', () => {
    const value = JSON.parse(deep(256));
    const ops = [
      { process: 0, type: 'invoke', f: 'write', value },
      { process: 0, type: 'ok', f: 'write', value },
      { process: 1, type: 'invoke', f: 'read', value: null },
      { process: 1, type: 'ok', f: 'read', value },
    ];
    const file = tempFile('deep-ok.ndjson', ops.map((op) => JSON.stringify(op)).join('\n'));
    const run = runCli(['check', file]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/valid: linearizable/);
  });

  it('check /dev/zero: one endless line', () => {
    expectInputError(runCli(['check', '/dev/zero']), '/dev/zero:1: syntax: line longer than 67108864 characters', /limit on one line/);
  });
});

describe('usage errors under --json print one JSON object', () => {
  it.each([
    [['check', 'histories/examples/cas-register-good.ndjson', '--bogus', '--json'], /unknown option '--bogus'/],
    [['check', '--json'], /missing required argument 'file'/],
    [['check', 'histories/examples/cas-register-good.ndjson', '--format', 'xml', '--json'], /argument 'xml' is invalid/],
    [['run', '--json', '--seed'], /argument missing/],
  ])('%j', (args, message) => {
    const run = runCli(args);
    expect(run.status).toBe(2);
    expect(onlyJson(run).error.message).toMatch(message);
  });
});

describe('an unexpected error exits 4, never 0 or 1', () => {
  it('says so in one line, writes the stack to a file, and gives JSON under --json', () => {
    const dir = fresh();
    const store = path.join(dir, 'boom.js');
    writeFileSync(store, "export default { name: 'boom', field: 'boom', defaults: () => ({}), validate: (c) => c, create: () => { throw new TypeError('boom in create'); } };\n");
    const config = path.join(dir, 'config.json');
    writeFileSync(config, '{"mode": "boom"}');
    const run = runCli(['run', '--store', store, '--config', config, '--seed', '1', '--out', path.join(dir, 'out'), '--json']);
    expect(run.status).toBe(4);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^faultline: internal error \(not a verdict\): TypeError: boom in create; details in /);
    const { error } = onlyJson(run);
    expect(error).toMatchObject({ internal: true, message: 'TypeError: boom in create' });
    const details = String(error.details);
    expect(lines[0]).toContain(details);
    expect(existsSync(details)).toBe(true);
    expect(readFileSync(details, 'utf8')).toMatch(/TypeError: boom in create\n\s+at /);
    rmSync(details);
  });
});
