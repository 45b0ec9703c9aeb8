import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runTest } from './run-test-cli.js';

const FAULTLINE_NODE = ['--bin', 'node', 'dist/src/cli/main.js', 'node'];

describe('faultline node: the store\'s own nodes as real processes', () => {
  it('the safe single-leader preset passes lin-kv under partitions, kills and pauses', () => {
    const run = runTest([...FAULTLINE_NODE, '--preset', 'sl-majority', '--workload', 'lin-kv', '--time-limit', '6', '--rate', '40',
      '--nemesis', 'partition,kill,pause', '--nemesis-interval', '1', '--seed', '2', '--json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.valid).toBe(true);
    expect(report.checks.linearizable.valid).toBe(true);
    expect(report.stats.ok).toBeGreaterThan(20);
    expect(report.faults.length).toBeGreaterThan(1);
  });

  it('the weak leaderless preset (W=1, R=1) is caught under partitions', () => {
    const run = runTest([...FAULTLINE_NODE, '--preset', 'll-weak', '--workload', 'lin-kv', '--time-limit', '6', '--rate', '60',
      '--nemesis', 'partition', '--nemesis-interval', '1', '--seed', '2', '--json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).anomaly).toBe('not-linearizable');
  });

  it('each node keeps its disk as a file in its own working folder', () => {
    const run = runTest([...FAULTLINE_NODE, '--mode', 'single-leader', '--workload', 'lin-kv', '--time-limit', '2', '--rate', '40', '--seed', '3']);
    expect(run.status).toBe(0);
    expect(readFileSync(path.join(run.dir, 'node-data', 'n1', 'store-disk.ndjson'), 'utf8').length).toBeGreaterThan(0);
  });
});

describe('services nodes call: each has the consistency it claims', () => {
  for (const [service, status] of [['lin-kv', 0], ['lww-kv', 1], ['seq-kv', 1]] as const) {
    it(`a node that only forwards to ${service} is ${status === 0 ? 'linearizable' : 'caught: not linearizable'}`, () => {
      const run = runTest(['--bin', 'node', `${FIXTURES}/kv-proxy.mjs`, service, '--workload', 'lin-kv', '--time-limit', '3', '--rate', '100', '--seed', '1']);
      expect(run.status).toBe(status);
    });
  }
});
