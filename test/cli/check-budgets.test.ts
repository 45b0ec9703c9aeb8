import { describe, expect, it } from 'vitest';
import { runCli, tempFile } from './run-cli.js';

/**
 * 22 concurrent writes, then a read of a value none wrote: the search must try every
 * order of the writes. Two writes write each value, so the history is not one that is
 * decided without search (where every write writes a value of its own).
 */
function hardHistory(): string {
  const lines: string[] = [];
  let index = 0;
  const op = (process: number, type: string, f: string, value: unknown) => lines.push(JSON.stringify({ index: index, time: index++, process, type, f, value }));
  for (let p = 0; p < 22; p++) op(p, 'invoke', 'write', p % 11);
  for (let p = 0; p < 22; p++) op(p, 'ok', 'write', p % 11);
  op(22, 'invoke', 'read', null);
  op(22, 'ok', 'read', 'never-written');
  return `${lines.join('\n')}\n`;
}

describe('faultline check: budgets', () => {
  it('--max-memory ends a search that outgrows it in unknown, exit 3, saying which budget ran out', () => {
    const file = tempFile('hard.ndjson', hardHistory());
    const run = runCli(['check', file, '--model', 'register', '--max-memory', '64MB', '--timeout', '120'], 180_000);
    expect(run.status).toBe(3);
    expect(run.stdout).toMatch(/unknown: the linearizability search ran out of its memory budget of 64 MB/);
  });

  it('--timeout ends the same search in unknown, exit 3, naming the budget', () => {
    const file = tempFile('hard.ndjson', hardHistory());
    const run = runCli(['check', file, '--model', 'register', '--timeout', '1', '--json']);
    expect(run.status).toBe(3);
    const report = JSON.parse(run.stdout);
    expect(report.valid).toBe('unknown');
    expect(run.stderr).toMatch(/unknown: the 1 s budget ran out/);
  });

  it('--timeout also covers reading: a file still being read when it runs out is unknown, exit 3', () => {
    // ~3 million lines: far more than a 0.3 s budget can read on any machine.
    const line = '{"process":0,"type":"invoke","f":"write","value":1}\n{"process":0,"type":"ok","f":"write","value":1}\n';
    const file = tempFile('long.ndjson', line.repeat(1_500_000));
    const run = runCli(['check', file, '--model', 'register', '--timeout', '0.3', '--json']);
    expect(run.status).toBe(3);
    const report = JSON.parse(run.stdout);
    expect(report.valid).toBe('unknown');
    expect(report.reason).toMatch(/budget ran out while reading the file \(\d+ line\(s\) read\)/);
  });

  it.each(['', 'lots', '10KB', '0', '-1GB', '1e3GB'])('--max-memory %j is a usage error, exit 2', (size) => {
    const run = runCli(['check', 'histories/examples/cas-register-good.ndjson', '--max-memory', size]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--max-memory: expected a size of at least 64MB/);
  });

  it('--max-memory takes binary units, upper or lower case, and a bare number as MB', () => {
    for (const size of ['512MB', '2gb', '1.5GB', '4096']) {
      expect(runCli(['check', 'histories/examples/cas-register-good.ndjson', '--max-memory', size]).status).toBe(0);
    }
  });
});
