import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseHistoryText } from '../../src/history/read-history.js';
import { writeNdjson } from '../../src/history/ndjson-writer.js';
import { runCli, tempFile } from './run-cli.js';

const CAS_NIL = 'histories/examples/cas-register-nil-reads.edn';
const casNilText = readFileSync(CAS_NIL, 'utf8');
/** The same history as NDJSON, whose writers mean a null read as a read of null. */
const casNilNdjson = writeNdjson(parseHistoryText(casNilText).ops);

describe('faultline check: how a read of nil is read', () => {
  it('reads EDN and Jepsen logs as Jepsen does (unknown), NDJSON as the value nil, and says which', () => {
    const edn = runCli(['check', CAS_NIL, '--init', '0']);
    expect(edn.status).toBe(0);
    expect(edn.stdout).toMatch(/\(edn\): 5 ops, 1 partition\(s\), model cas-register .*, nil reads: unknown\n/);
    const ndjson = runCli(['check', tempFile('cas-nil.ndjson', casNilNdjson), '--init', '0', '--json']);
    expect(ndjson.status).toBe(1);
    expect(JSON.parse(ndjson.stdout)).toMatchObject({ valid: false, format: 'ndjson', nilReads: 'value' });
    expect(ndjson.stderr).toMatch(/nil reads: value\n/);
    const log = tempFile('zero.log', 'INFO  jepsen.util - 0\t:invoke\t:read\tnil\nINFO  jepsen.util - 0\t:ok\t:read\tnil\n');
    expect(JSON.parse(runCli(['check', log, '--init', '0', '--json']).stdout)).toMatchObject({ valid: true, format: 'jepsen-log', nilReads: 'unknown' });
  });

  it('--nil-reads overrides the format\'s default both ways', () => {
    const ednAsValue = runCli(['check', CAS_NIL, '--init', '0', '--nil-reads', 'value', '--json']);
    expect(ednAsValue.status).toBe(1);
    expect(JSON.parse(ednAsValue.stdout)).toMatchObject({ valid: false, nilReads: 'value', counterexample: [{ index: 0, f: 'read', result: null, role: 'blocked' }] });
    const ndjsonAsUnknown = runCli(['check', tempFile('cas-nil.ndjson', casNilNdjson), '--init', '0', '--nil-reads', 'unknown']);
    expect(ndjsonAsUnknown.status).toBe(0);
    expect(ndjsonAsUnknown.stdout).toMatch(/nil reads: unknown\n/);
    const multi = ['check', 'histories/examples/multi-register-nil-reads.edn', '--init', '{"x":0,"y":0}'];
    expect([runCli(multi).status, runCli([...multi, '--nil-reads', 'value']).status]).toEqual([0, 1]);
  });

  it('names the reading only for models whose reads return a register\'s value, and rejects an unknown reading', () => {
    const set = tempFile('set.edn', '{:process 0, :type :invoke, :f :add, :value 1}\n{:process 0, :type :ok, :f :add, :value 1}\n' +
      '{:process 1, :type :invoke, :f :read, :value nil}\n{:process 1, :type :ok, :f :read, :value #{1}}\n');
    const run = runCli(['check', set, '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).not.toHaveProperty('nilReads');
    expect(run.stderr).not.toMatch(/nil reads/);
    const bad = runCli(['check', CAS_NIL, '--nil-reads', 'maybe']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/'--nil-reads <reading>' argument 'maybe' is invalid\. Allowed choices are unknown, value\./);
  });

  it('shrink takes the same reading: nothing to shrink as Jepsen reads it, a violation with nil as a value', () => {
    expect(runCli(['shrink', CAS_NIL, '--init', '0']).status).toBe(0);
    const asValue = runCli(['shrink', CAS_NIL, '--init', '0', '--nil-reads', 'value', '--json']);
    expect(asValue.status).toBe(1);
    expect(JSON.parse(asValue.stdout)).toMatchObject({ valid: false, nilReads: 'value', clientOpsAfter: 1 });
  });
});

describe('faultline check: standard input and gzip', () => {
  it('reads standard input for -, naming it <stdin>', () => {
    const run = runCli(['check', '-', '--init', '0', '--json'], 60_000, casNilText);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ file: '<stdin>', format: 'edn', valid: true, nilReads: 'unknown', ops: 5 });
    const bad = runCli(['check', '-'], 60_000, '{"process":0,"type":"invoke","f":"read"}\n{"process":0,"type":"done","f":"read"}\n');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^faultline: <stdin>:2: type: /);
  });

  it('decompresses a .gz file and gzip on standard input, detecting the format inside', () => {
    const gz = tempFile('cas-nil.edn.gz', gzipSync(casNilText));
    for (const [args, stdin] of [[['check', gz], ''], [['check', '-'], gzipSync(casNilText)]] as const) {
      const valid = runCli([...args, '--init', '0', '--json'], 60_000, stdin);
      expect(valid.status).toBe(0);
      expect(JSON.parse(valid.stdout)).toMatchObject({ format: 'edn', valid: true, ops: 5 });
      expect(runCli([...args, '--init', '0', '--nil-reads', 'value'], 60_000, stdin).status).toBe(1);
    }
    const ndjsonGz = tempFile('bad.ndjson.gz', gzipSync(readFileSync('histories/examples/cas-register-bad.ndjson')));
    expect(runCli(['check', ndjsonGz]).stdout).toMatch(/\(ndjson\): .*invalid: not linearizable/s);
  });

  it('a gzip file cut short is bad input (exit 2, one line naming it), never a shorter history', () => {
    const whole = gzipSync(casNilText);
    const cut = tempFile('cut.edn.gz', whole.subarray(0, whole.length - 12));
    const run = runCli(['check', cut, '--init', '0', '--json']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([`faultline: ${cut}: file: cannot decompress the gzip data (unexpected end of file)`]);
    expect(JSON.parse(run.stdout).error).toMatchObject({ file: cut, field: 'file' });
  });
});

describe('faultline check: a history with no client operation is bad input', () => {
  const cases: Array<[string, string]> = [
    ['an empty file', ''],
    ['blank lines and comments only', '\n; nothing here\n  \n'],
    ['only nemesis ops', '{:process :nemesis, :type :info, :f :start-partition, :value [:isolated {"n1" #{"n2"}}]}\n{:process :nemesis, :type :info, :f :stop-partition, :value nil}\n'],
    ['an empty EDN vector', '[]\n'],
  ];
  for (const [name, text] of cases) {
    it(`${name}: exit 2, "no client operations in FILE"`, () => {
      const file = tempFile('h.edn', text);
      const run = runCli(['check', file]);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`faultline: no client operations in ${file}\n`);
      expect(run.stdout).toBe('');
    });
  }

  it('the same on standard input, gzip of nothing, under --json, and for shrink', () => {
    expect(runCli(['check', '-']).stderr).toBe('faultline: no client operations in <stdin>\n');
    const gz = tempFile('empty.edn.gz', gzipSync(''));
    const json = runCli(['check', gz, '--json']);
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ error: { message: `no client operations in ${gz}` } });
    expect(runCli(['shrink', gz]).status).toBe(2);
  });
});
