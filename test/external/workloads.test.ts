import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runTest } from './run-test-cli.js';

const results = (dir: string): any => JSON.parse(readFileSync(path.join(dir, 'results.json'), 'utf8'));

describe('faultline test: g-set and unique-ids', () => {
  it('a g-set CRDT holds every acknowledged element on every node at the end, despite partitions', () => {
    const run = runTest(['--bin', 'node', `${FIXTURES}/g-set.mjs`, '--workload', 'g-set', '--time-limit', '2', '--rate', '40',
      '--nemesis', 'partition', '--nemesis-interval', '1', '--seed', '6']);
    expect(run.status).toBe(0);
    const check = results(run.dir).checks.set;
    expect(check.valid).toBe(true);
    expect(check.detail.acknowledged).toBeGreaterThan(0);
  });

  it('ids made of the node id and a counter are unique', () => {
    const run = runTest(['--bin', 'node', `${FIXTURES}/unique-ids.mjs`, '--workload', 'unique-ids', '--time-limit', '2', '--rate', '60', '--seed', '8']);
    expect(run.status).toBe(0);
    expect(results(run.dir).checks['unique-ids'].detail.duplicates).toBe(0);
  });

  it('ids without the node id repeat across nodes: caught, with an example', () => {
    const run = runTest(['--bin', 'node', `${FIXTURES}/unique-ids.mjs`, '--forget-node-id', '--workload', 'unique-ids', '--time-limit', '2', '--rate', '60', '--seed', '8']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/unique-ids: INVALID \(unexpected-value\): \d+ id\(s\) handed out more than once among \d+, e\.g\. \d+/);
  });
});
