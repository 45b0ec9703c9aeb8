import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runTest } from './run-test-cli.js';

const results = (dir: string): any => JSON.parse(readFileSync(path.join(dir, 'results.json'), 'utf8'));

describe('faultline test: verdicts on nodes of known behaviour', () => {
  it('a correct single-node lin-kv passes linearizability, with a history and results saved', () => {
    const run = runTest(['--bin', 'node', `${FIXTURES}/lin-kv-single.mjs`, '--workload', 'lin-kv', '--node-count', '1', '--time-limit', '2', '--rate', '80', '--seed', '1']);
    expect(run.stderr).not.toMatch(/error/);
    expect(run.status).toBe(0);
    const r = results(run.dir);
    expect(r.valid).toBe(true);
    expect(r.checks.linearizable.valid).toBe(true);
    expect(r.stats.ok).toBeGreaterThan(10);
    expect(readFileSync(path.join(run.dir, 'history.ndjson'), 'utf8')).toMatch(/"f":"cas"/);
  });

  it('a replicated lin-kv that serves reads from a local cache is caught under partitions; --report draws the run', () => {
    const run = runTest(['--bin', 'node', `${FIXTURES}/lin-kv-local-reads.mjs`, '--workload', 'lin-kv', '--time-limit', '5', '--rate', '100',
      '--nemesis', 'partition', '--nemesis-interval', '1', '--seed', '1', '--report', '--json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.valid).toBe(false);
    expect(report.anomaly).toBe('not-linearizable');
    const html = readFileSync(path.join(run.dir, 'report.html'), 'utf8');
    const data = JSON.parse(/id="faultline-data">(.*?)<\/script>/s.exec(html)![1]!);
    expect(data.verdict).toMatchObject({ valid: false, anomaly: 'not-linearizable' });
    // One band per partition the nemesis started, and the op no linearization could place marked.
    expect(data.faults.length).toBe(report.faults.length);
    expect(data.faults.every((band: { kind: string }) => band.kind.startsWith('partition'))).toBe(true);
    expect(data.linearizability.blocked).not.toBeNull();
  });

  it('a gossip broadcast delivers every acknowledged message to every node despite partitions', () => {
    const run = runTest(['--bin', 'node', `${FIXTURES}/broadcast-gossip.mjs`, '--workload', 'broadcast', '--node-count', '5', '--time-limit', '3', '--rate', '40',
      '--nemesis', 'partition', '--nemesis-interval', '1', '--latency', '2', '--seed', '2']);
    expect(run.status).toBe(0);
    const check = results(run.dir).checks.broadcast;
    expect(check.valid).toBe(true);
    expect(check.detail.lost).toBe(0);
    expect(check.detail.acknowledged).toBeGreaterThan(0);
    expect(check.detail.msgsPerOp).toBeGreaterThan(0);
    expect(check.detail.stableLatencyMs.count).toBe(check.detail.acknowledged);
  });

  it('a broadcast that forgets to forward loses messages: caught, naming one and the nodes without it', () => {
    const run = runTest(['--bin', 'node', `${FIXTURES}/broadcast-no-forward.mjs`, '--workload', 'broadcast', '--time-limit', '2', '--rate', '40', '--seed', '3']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/broadcast: INVALID \(lost-write\): \d+ of \d+ acknowledged element\(s\) missing from a final read; e\.g\. \d+ is not on n\d/);
  });

  it('a g-counter CRDT reads the sum of the acknowledged adds on every node at the end', () => {
    const run = runTest(['--bin', 'node', `${FIXTURES}/g-counter.mjs`, '--workload', 'g-counter', '--time-limit', '2', '--rate', '40',
      '--nemesis', 'partition', '--nemesis-interval', '1', '--seed', '4']);
    expect(run.status).toBe(0);
    const check = results(run.dir).checks.counter;
    expect(check.valid).toBe(true);
    expect(Object.keys(check.detail.finalReads).sort()).toEqual(['n1', 'n2', 'n3']);
  });

  it('the g-counter node serving a pn-counter workload is caught once a negative add is lost', () => {
    // The node folds deltas with max(): a negative delta lowers its own count, which
    // the other nodes never adopt, so their final reads disagree with the sum.
    const run = runTest(['--bin', 'node', `${FIXTURES}/g-counter.mjs`, '--workload', 'pn-counter', '--time-limit', '2', '--rate', '60', '--seed', '5']);
    expect(run.status).toBe(1);
    expect(results(run.dir).checks.counter.valid).toBe(false);
  });
});
