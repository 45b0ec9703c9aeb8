import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('faultline dr', () => {
  it('--json gives every strategy its RTO, RPO and cost, the same for the same seed', () => {
    const first = runCli(['dr', '--runs', '4', '--seed', '9', '--json']);
    expect(first.status).toBe(0);
    const report = JSON.parse(first.stdout) as { strategies: Array<Record<string, any>>; runs: number; seed: number };
    expect(report.runs).toBe(4);
    expect(report.seed).toBe(9);
    expect(report.strategies.map((s) => s.name)).toEqual(['backup-restore', 'pilot-light', 'warm-standby', 'active-active']);
    for (const s of report.strategies) {
      for (const field of ['rtoMs', 'rpoWrites', 'rpoMs']) expect(Object.keys(s[field]), `${s.name} ${field}`).toEqual(['p50', 'p99']);
      expect(s.cost.nodeSeconds).toBeGreaterThan(0);
      expect(typeof s.cost.bytesShipped).toBe('number');
    }
    expect(runCli(['dr', '--runs', '4', '--seed', '9', '--json']).stdout).toBe(first.stdout);
    expect(runCli(['dr', '--runs', '4', '--seed', '10', '--json']).stdout).not.toBe(first.stdout);
  });

  it('prints the table as text', () => {
    const run = runCli(['dr', '--runs', '2']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\| strategy \| RTO ms p50 \/ p99 \|/m);
    expect(run.stdout).toMatch(/^\| active-active \| /m);
  });

  it('bad flags are usage errors, exit 2', () => {
    expect(runCli(['dr', '--runs', '0']).status).toBe(2);
    const run = runCli(['dr', '--seed', 'x', '--json']);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout).error.message).toMatch(/--seed/);
  });
});
