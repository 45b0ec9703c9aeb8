import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeNdjson } from '../../src/history/index.js';
import { generateKvHistory } from '../bench/generate-kv.js';
import { runCli, tempFile } from './run-cli.js';

const line = (op: Record<string, unknown>): string => JSON.stringify(op);
const inv = (index: number, process: number, f: string, value: unknown) => line({ index, time: index, process, type: 'invoke', f, value });
const ok = (index: number, process: number, f: string, value: unknown) => line({ index, time: index, process, type: 'ok', f, value });

describe('faultline check: verdicts and exit codes', () => {
  it('exits 0 and prints valid for a linearizable history', () => {
    const run = runCli(['check', 'histories/examples/cas-register-good.ndjson']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/valid: linearizable/);
  });

  it('exits 1 with a timeline that marks the op that could not be placed', () => {
    const run = runCli(['check', 'histories/examples/cas-register-bad.ndjson', '--model', 'cas-register']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/invalid: not linearizable/);
    expect(run.stdout).toMatch(/p0 read -> 1 \(index 6\)/);
    expect(run.stdout).toMatch(/^p0 .*\*read -> 1\*/m);
  });

  it('--json prints one object with the contract fields and the counterexample ops', () => {
    const run = runCli(['check', 'histories/examples/register-bad.edn', '--json']);
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]!);
    expect(report).toMatchObject({ valid: false, model: 'register', ops: 3, partitions: 1 });
    expect(typeof report.elapsedMs).toBe('number');
    expect(report.modelInferred).toMatch(/register/);
    const blocked = report.counterexample.find((op: { role: string }) => op.role === 'blocked');
    expect(blocked).toMatchObject({ index: 4, f: 'read', result: 1 });
    expect(run.stderr).toMatch(/not linearizable/);
  });

  it('reads Jepsen logs and EDN with --init', () => {
    expect(runCli(['check', 'histories/examples/etcd-style.log', '--json']).status).toBe(0);
    // The shipped example is valid as it is, with no flag.
    expect(runCli(['check', 'histories/examples/kv-good.edn']).status).toBe(0);
    const emptyRead = tempFile('kv-empty.edn', readFileSync('histories/examples/kv-good.edn', 'utf8').replace(':key "b", :value nil}]', ':key "b", :value ""}]'));
    expect(runCli(['check', emptyRead, '--init', '""']).status).toBe(0);
    // Without the initial value, a read of "" for an unwritten key is not allowed.
    expect(runCli(['check', emptyRead]).status).toBe(1);
  });

  it('exits 3 with verdict unknown when the time budget runs out', () => {
    // One key, so one partition far longer than the first search slice: the budget is checked before it ends.
    const history = generateKvHistory({ ops: 20_000, keys: 1, processes: 10, infoRate: 0, seed: 3 });
    const file = tempFile('long.ndjson', writeNdjson(history));
    const run = runCli(['check', file, '--model', 'kv', '--timeout', '0.000001', '--json']);
    expect(run.status).toBe(3);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: 'unknown' });
    expect(runCli(['check', file, '--model', 'kv']).status).toBe(0);
  });
});

/** A Jepsen set-full style history: adds 1, 2 and 3 acknowledged, then final reads. */
const setHistory = (finalRead: string): string => [
  '{:process 0, :type :invoke, :f :add, :value 1}',
  '{:process 0, :type :ok, :f :add, :value 1}',
  '{:process 1, :type :invoke, :f :add, :value 2}',
  '{:process 1, :type :ok, :f :add, :value 2}',
  '{:process 0, :type :invoke, :f :add, :value 3}',
  '{:process 0, :type :ok, :f :add, :value 3}',
  '{:process 2, :type :invoke, :f :read, :value nil}',
  `{:process 2, :type :ok, :f :read, :value ${finalRead}}`,
].join('\n') + '\n';

describe('faultline check: the checkers a model implies, and --checkers', () => {
  it('judges a set history by linearizability, its elements and durability: an acknowledged add missing from the final read is a lost write', () => {
    const run = runCli(['check', tempFile('set.edn', setHistory('#{1 3}')), '--json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ valid: false, model: 'set', ops: 4, partitions: 1 });
    expect(Object.keys(report.checks)).toEqual(['linearizable', 'set', 'durability']);
    expect(report.checks.set).toMatchObject({ valid: false, anomaly: 'lost-write', reason: expect.stringMatching(/^1 of 3 acknowledged adds lost; 2 /) });
    expect(report.checks.durability).toMatchObject({ valid: false, anomaly: 'lost-write' });
    expect(run.stderr).toMatch(/invalid: set \(lost-write\)/);
  });

  it('passes a set history whose final read holds every acknowledged add', () => {
    const run = runCli(['check', tempFile('set.edn', setHistory('#{1 2 3}'))]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/valid: linearizable/);
    expect(run.stdout).toMatch(/valid: set: all 3 acknowledged adds present/);
    expect(run.stdout).toMatch(/valid: durability: /);
  });

  it('finds a counter read no set of increments allows, with the counter checker alone', () => {
    const history = [inv(0, 0, 'add', 1), ok(1, 0, 'add', 1), inv(2, 1, 'add', 2), ok(3, 1, 'add', 2), inv(4, 2, 'read', null), ok(5, 2, 'read', 7)];
    const file = tempFile('counter.ndjson', history.join('\n') + '\n');
    const run = runCli(['check', file, '--checkers', 'counter', '--json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ valid: false, model: 'counter', ops: 3 });
    expect(report.checks).toEqual({ counter: { valid: false, anomaly: 'double-apply', reason: expect.stringMatching(/read 7, above every total/) } });
    expect(report).not.toHaveProperty('counterexample');
    expect(runCli(['check', file]).status).toBe(1);
  });

  it('gives unknown (exit 3), naming what is missing, for a checker that needs replica states', () => {
    const run = runCli(['check', tempFile('set.edn', setHistory('#{1 2 3}')), '--checkers', 'set,convergence', '--json']);
    expect(run.status).toBe(3);
    const report = JSON.parse(run.stdout);
    expect(report.valid).toBe('unknown');
    expect(report.checks.convergence).toEqual({
      valid: 'unknown', reason: 'convergence needs the final replica states, which a recorded history does not have',
    });
    expect(report.checks.set).toMatchObject({ valid: true });
  });

  it('runs the register checkers on a register history, and keeps the contract fields', () => {
    const run = runCli(['check', 'histories/examples/register-bad.edn', '--checkers', 'linearizable,stale-reads,sessions,durability', '--json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ valid: false, model: 'register', ops: 3, partitions: 1, pruned: 0 });
    expect(report.counterexample.length).toBeGreaterThan(0);
    expect(report.checks['stale-reads']).toMatchObject({ valid: false, anomaly: 'stale-read' });
    expect(report.checks.sessions).toMatchObject({ valid: true });
  });

  it('exits 2 for an unknown checker name, listing the known ones', () => {
    const run = runCli(['check', 'histories/examples/register-bad.edn', '--checkers', 'linearizable,bogus']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--checkers: unknown checker "bogus" \(known: linearizable, convergence, durability, anti-entropy, availability, sessions, stale-reads, counter, set\)/);
    expect(runCli(['check', 'histories/examples/register-bad.edn', '--checkers', ',']).status).toBe(2);
  });
});

describe('faultline check: bad input exits 2 with one line naming file:line and field', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['a completion with no open invoke', [inv(0, 0, 'write', 1), ok(1, 0, 'write', 1), ok(2, 1, 'read', 1)], /:3: process:/],
    ['a second invoke while one is open', [inv(0, 0, 'write', 1), inv(1, 0, 'write', 2)], /:2: (process|type):/],
    ['a non-numeric index', [inv(0, 0, 'write', 1), line({ index: 'x', time: 1, process: 0, type: 'ok', f: 'write', value: 1 })], /:2: index:/],
    ['a decreasing index', [inv(5, 0, 'write', 1), ok(3, 0, 'write', 1)], /:2: index:/],
    ['an unknown type', [inv(0, 0, 'write', 1), line({ index: 1, time: 1, process: 0, type: 'done', f: 'write', value: 1 })], /:2: type:/],
    ['an f the model does not know', [inv(0, 0, 'frobnicate', 1)], /:1: f:/],
    ['a value of the wrong shape', [inv(0, 0, 'cas', 7)], /:1: value:/],
    ['broken JSON', ['{"index": 0, "time"'], /:1: syntax:/],
  ];
  for (const [name, lines, expected] of cases) {
    it(name, () => {
      const file = tempFile('bad.ndjson', lines.join('\n') + '\n');
      const run = runCli(['check', file, '--model', 'cas-register']);
      expect(run.status).toBe(2);
      const errorLines = run.stderr.trim().split('\n');
      expect(errorLines).toHaveLength(1);
      expect(errorLines[0]).toContain(file);
      expect(errorLines[0]).toMatch(expected);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('under --json, bad input still prints exactly one JSON object', () => {
    const file = tempFile('bad.ndjson', inv(0, 0, 'write', 1) + '\n' + ok(1, 1, 'write', 1) + '\n');
    const run = runCli(['check', file, '--json']);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout).error).toMatchObject({ file, line: 2, field: 'process' });
  });

  it('usage errors: unknown model, bad --init, bad --timeout, unknown flag, missing file', () => {
    const good = 'histories/examples/cas-register-good.ndjson';
    for (const args of [
      ['check', good, '--model', 'nope'],
      ['check', good, '--init', '{x'],
      ['check', good, '--timeout', 'soon'],
      ['check', good, '--frobnicate'],
      ['check', 'no/such/file.ndjson'],
      ['check'],
    ]) {
      const run = runCli(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
    }
  });

  it('random bytes, truncations and mutations of valid files: exit 0, 1 or 2, never a crash or hang', () => {
    const sources = [
      'histories/examples/cas-register-good.ndjson',
      'histories/examples/register-bad.edn',
      'histories/examples/etcd-style.log',
    ].map((f) => readFileSync(f));
    const mutated = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.tuple(fc.constantFrom(...sources), fc.nat()).map(([s, n]) => s.subarray(0, n % (s.length + 1))),
      fc
        .tuple(fc.constantFrom(...sources), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }))
        .map(([s, edits]) => {
          const copy = Uint8Array.from(s);
          for (const [at, byte] of edits) copy[at % copy.length] = byte;
          return copy;
        }),
    );
    fc.assert(
      fc.property(mutated, (bytes) => {
        const run = runCli(['check', tempFile('fuzz.txt', bytes), '--timeout', '5'], 20_000);
        expect([0, 1, 2]).toContain(run.status);
        expect(run.stderr).not.toMatch(/\n\s+at /);
        if (run.status === 2) expect(run.stderr.trim().split('\n')).toHaveLength(1);
      }),
      { numRuns: 40, seed: 20261125 },
    );
  });
});

describe('faultline check: registers with unique written values', () => {
  const stale = [
    inv(0, 0, 'write', 1), ok(1, 0, 'write', 1),
    inv(2, 1, 'write', 2), ok(3, 1, 'write', 2),
    inv(4, 2, 'read', null), ok(5, 2, 'read', 1),
  ].join('\n');

  it('says the history was decided without search, and still draws the stale read on the timeline', () => {
    const file = tempFile('stale.ndjson', `${stale}\n`);
    const human = runCli(['check', file, '--model', 'register']);
    expect(human.status).toBe(1);
    expect(human.stdout).toMatch(/invalid: not linearizable \(.* ms, without search: unique written values\)/);
    expect(human.stdout).toMatch(/^p2 .*\*read -> 1\*/m);
    const json = runCli(['check', file, '--model', 'register', '--json']);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ valid: false, algorithm: 'unique-values' });
    expect(report.counterexample.find((op: { role: string }) => op.role === 'blocked')).toMatchObject({ index: 4, f: 'read', result: 1 });
  });
});

describe('faultline check: a plain NDJSON file read as columns', () => {
  // The same history from a file (read as columns) and from standard input (read the
  // general way): the same output, field for field, but for the time it took.
  const withoutTime = (stdout: string): unknown => {
    const { elapsedMs: _elapsed, file: _file, ...rest } = JSON.parse(stdout) as Record<string, unknown>;
    return rest;
  };

  it('gives the verdict and evidence of the general path, valid and with a stale read', () => {
    const history = generateKvHistory({ ops: 3_000, keys: 5, processes: 8, infoRate: 0.05, seed: 11 });
    const valid = writeNdjson(history);
    const last = history.filter((op) => op.f === 'put' && op.type === 'ok').at(0)!;
    // A read of the first value written to a key, long after later writes to it.
    const stale = valid +
      `{"index":${history.length},"process":999,"type":"invoke","f":"get","key":${JSON.stringify(last.key)},"value":null}\n` +
      `{"index":${history.length + 1},"process":999,"type":"ok","f":"get","key":${JSON.stringify(last.key)},"value":${JSON.stringify(last.value)}}\n`;
    for (const [text, status] of [[valid, 0], [stale, 1]] as const) {
      const fromFile = runCli(['check', tempFile('plain.ndjson', text), '--json']);
      const fromStdin = runCli(['check', '-', '--json'], 60_000, text);
      expect(fromFile.status).toBe(status);
      expect(fromStdin.status).toBe(status);
      expect(JSON.parse(fromFile.stdout)).toMatchObject({ algorithm: 'unique-values', model: 'kv' });
      expect(withoutTime(fromFile.stdout)).toEqual(withoutTime(fromStdin.stdout));
    }
  });

  it('still names the line of a bad op far into the file', () => {
    const history = writeNdjson(generateKvHistory({ ops: 2_000, keys: 3, processes: 4, infoRate: 0, seed: 2 }));
    const lines = history.trimEnd().split('\n');
    lines[1500] = lines[1500]!.replace('"type":', '"type":"done","was":');
    const run = runCli(['check', tempFile('bad-late.ndjson', `${lines.join('\n')}\n`)]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('bad-late.ndjson:1501');
  });
});
