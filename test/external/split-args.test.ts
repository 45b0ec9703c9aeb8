import { describe, expect, it } from 'vitest';
import { splitTestArgs } from '../../src/cli/test.js';
import { FIXTURES, runTest } from './run-test-cli.js';

describe('faultline test: the binary\'s words and faultline\'s flags', () => {
  it('words after --bin PATH up to the next faultline flag are the binary\'s', () => {
    expect(splitTestArgs(['--bin', 'faultline', 'node', '--mode', 'single-leader', '--workload', 'lin-kv', '--nemesis', 'partition']))
      .toEqual({ bin: 'faultline', args: ['node', '--mode', 'single-leader'], flags: { '--bin': 'faultline', '--workload': 'lin-kv', '--nemesis': 'partition' } });
  });

  it('after --, every word is the binary\'s, even one faultline also knows', () => {
    expect(splitTestArgs(['--workload', 'echo', '--bin', './n', '--', '--seed', '3']).args).toEqual(['--seed', '3']);
  });

  it('an unknown flag before --bin, or a flag given twice, is a usage error', () => {
    expect(() => splitTestArgs(['--wrkload', 'echo'])).toThrow(/test: unknown option --wrkload/);
    expect(() => splitTestArgs(['--seed', '1', '--seed', '2'])).toThrow(/--seed: given twice/);
  });

  it('bad flags are exit 2 naming the flag, before any node starts', () => {
    const echo = ['--bin', 'node', `${FIXTURES}/echo.mjs`];
    expect(runTest([...echo, '--workload', 'kv']).stderr).toMatch(/--workload: unknown workload "kv" \(known: echo, unique-ids/);
    expect(runTest(['--workload', 'echo']).stderr).toMatch(/--bin: give the node binary to test/);
    expect(runTest([...echo, '--workload', 'echo', '--rate', '0']).stderr).toMatch(/--rate: expected a number > 0/);
    const run = runTest([...echo, '--workload', 'echo', '--nemesis', 'crash']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--nemesis: unknown fault kind\(s\) "crash" \(known: partition, kill, pause, or none\)/);
  });
});
