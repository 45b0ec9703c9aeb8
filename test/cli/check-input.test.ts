import { describe, expect, it } from 'vitest';
import { runCli, tempFile } from './run-cli.js';

const BIG_WRITE_THEN_READ = [
  '{"index":0,"time":0,"process":0,"type":"invoke","f":"write","value":9007199254740993}',
  '{"index":1,"time":1,"process":0,"type":"ok","f":"write","value":9007199254740993}',
  '{"index":2,"time":2,"process":1,"type":"invoke","f":"read","value":null}',
  '{"index":3,"time":3,"process":1,"type":"ok","f":"read","value":9007199254740992}',
].join('\n');

describe('faultline check: input that used to give a wrong verdict', () => {
  it('integers beyond 2^53 are compared exactly and shown exactly, in text and --json', () => {
    const file = tempFile('big.ndjson', BIG_WRITE_THEN_READ);
    const human = runCli(['check', file, '-m', 'register']);
    expect(human.status).toBe(1);
    expect(human.stdout).toMatch(/write 9007199254740993/);
    expect(human.stdout).toMatch(/read -> 9007199254740992/);
    const json = runCli(['check', file, '-m', 'register', '--json']);
    expect(json.status).toBe(1);
    expect(json.stdout.trim().split('\n')).toHaveLength(1);
    expect(json.stdout).toContain('9007199254740993');
    expect(json.stdout).not.toContain('9007199254740993n');
    const edn = tempFile('big.edn', BIG_WRITE_THEN_READ.replace(/"(\w+)":/g, ':$1 ').replace(/:(type|f) "(\w+)"/g, ':$1 :$2'));
    expect(runCli(['check', edn, '-m', 'register']).status).toBe(1);
  });

  it('a register given ops on two keys exits 2 naming the model and the first op on another key', () => {
    const file = tempFile('keys.ndjson', [
      '{"index":0,"process":0,"type":"invoke","f":"write","key":"a","value":1}',
      '{"index":1,"process":0,"type":"ok","f":"write","key":"a","value":1}',
      '{"index":2,"process":1,"type":"invoke","f":"read","key":"b","value":null}',
      '{"index":3,"process":1,"type":"ok","f":"read","key":"b","value":1}',
    ].join('\n'));
    const run = runCli(['check', file, '-m', 'register']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/keys\.ndjson:3: key: the register model has no keys/);
    expect(run.stdout).not.toMatch(/partition/);
    expect(runCli(['check', file, '-m', 'kv']).status).toBe(1);
  });

  it('a kv model given an op without a key exits 2 naming the op', () => {
    const file = tempFile('nokey.ndjson', '{"index":0,"process":0,"type":"invoke","f":"read","value":null}\n');
    const run = runCli(['check', file, '-m', 'kv']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/nokey\.ndjson:1: key: kv ops need a key/);
  });

  it('an --init of the wrong shape exits 2 saying what the model expects', () => {
    const file = tempFile('counter.ndjson', [
      '{"index":0,"process":0,"type":"invoke","f":"read","value":null}',
      '{"index":1,"process":0,"type":"ok","f":"read","value":10}',
    ].join('\n'));
    for (const init of ['"10"', '[5]', '{"a":1}']) {
      const run = runCli(['check', file, '-m', 'counter', '--init', init]);
      expect(run.status, init).toBe(2);
      expect(run.stderr).toMatch(/init: .* is not a valid initial value for the counter model: expected a number/);
    }
    expect(runCli(['check', file, '-m', 'counter', '--init', '10']).status).toBe(0);
    const txn = tempFile('txn.ndjson', '{"index":0,"process":0,"type":"invoke","f":"txn","value":[["read","x",null]]}\n');
    const multi = runCli(['check', txn, '-m', 'multi-register', '--init', '[5]', '--json']);
    expect(multi.status).toBe(2);
    expect(JSON.parse(multi.stdout).error.message).toMatch(/multi-register model: expected a map of register -> initial value/);
  });
});
