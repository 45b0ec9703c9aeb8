import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, processesWith, runTest, startTest } from './run-test-cli.js';

describe('faultline test: nodes that misbehave, and no process left behind', () => {
  it('a missing binary is exit 2 naming it', () => {
    const run = runTest(['--bin', './no-such-node', '--workload', 'echo']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--bin: \.\/no-such-node does not exist/);
  });

  it('a binary that is not executable is exit 2 naming it', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'faultline-bin-')), 'node.sh');
    writeFileSync(file, '#!/bin/sh\n');
    chmodSync(file, 0o644);
    const run = runTest(['--bin', file, '--workload', 'echo']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`--bin: ${file} is not executable`);
  });

  it('a node that writes a line that is not JSON stops the run: exit 2 naming the node and quoting the line', () => {
    const run = runTest(['--bin', 'node', `${FIXTURES}/writes-garbage.mjs`, '--workload', 'echo', '--time-limit', '2', '--rate', '20']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/n\d wrote a line that is not a Maelstrom message \(not JSON\): "hello, I am not JSON"/);
  });

  it('a node that writes a line longer than 1 MiB stops the run: exit 2 naming the node, quoting its head', () => {
    const run = runTest(['--bin', 'node', `${FIXTURES}/long-line.mjs`, '--workload', 'echo', '--node-count', '1', '--time-limit', '2', '--rate', '20']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/n1 wrote a line that is not a Maelstrom message \(a line longer than 1048576 bytes\): "\{\\"src\\":\\"n1\\"/);
  });

  it('a node that dies during init is exit 2 naming it, with its exit code and stderr', () => {
    const run = runTest(['--bin', 'node', `${FIXTURES}/dies-in-init.mjs`, '--workload', 'echo', '--node-count', '1']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/n1 exited with code 3 while starting; its stderr ends: cannot open my data folder: giving up/);
  });

  it('a node that never answers init is exit 2 naming it, after 10 s', () => {
    const run = runTest(['--bin', 'node', `${FIXTURES}/silent.mjs`, '--workload', 'echo', '--node-count', '1']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/n1 did not answer init within 10 s/);
  });

  it('a node that exits mid-run is reported with its exit code and the tail of its stderr', () => {
    const run = runTest(['--bin', 'node', `${FIXTURES}/echo.mjs`, '700', '--workload', 'echo', '--time-limit', '2', '--rate', '20', '--json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.nodeExits).toEqual([expect.objectContaining({ node: 'n2', code: 7, stderrTail: 'n2: out of memory, exiting' })]);
    expect(run.stderr).toMatch(/warning: n2 exited during the run with code 7; stderr ends:\nn2: out of memory, exiting/);
    expect(readFileSync(path.join(report.dir, 'node-logs', 'n2.log'), 'utf8')).toContain('out of memory');
  });

  it('a message to an unknown destination is logged and dropped, and the run goes on', () => {
    const run = runTest(['--bin', 'node', `${FIXTURES}/unknown-dest.mjs`, '--workload', 'echo', '--time-limit', '1', '--rate', '20', '--json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.network.unknownDestination).toBeGreaterThan(0);
    expect(readFileSync(path.join(report.dir, 'node-logs', 'router.log'), 'utf8')).toMatch(/unknown destination "n99"/);
  });

  it('a node that floods its stdout does not exhaust faultline\'s memory: its output is paused, messages to a node that stopped reading are dropped', () => {
    const run = runTest(['--bin', 'node', `${FIXTURES}/flood.mjs`, '--workload', 'echo', '--node-count', '2', '--time-limit', '3', '--latency', '200', '--json']);
    // No echo is ever answered (the nodes stopped reading): nothing to judge.
    expect(run.status).toBe(3);
    const report = JSON.parse(run.stdout);
    expect(report.network.sent).toBeGreaterThan(1000);
    expect(report.droppedAtStdin.n1 + report.droppedAtStdin.n2).toBeGreaterThan(0);
    expect(report.peakMemoryMiB).toBeLessThan(400);
  });

  it('no node process remains after a normal run', () => {
    const marker = `marker-normal-${process.pid}`;
    const run = runTest(['--bin', 'node', `${FIXTURES}/echo.mjs`, marker, '--workload', 'echo', '--time-limit', '1', '--rate', '20']);
    expect(run.status).toBe(0);
    expect(processesWith(marker)).toEqual([]);
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`no node process remains after ${signal} to faultline, which exits ${signal === 'SIGINT' ? 130 : 143}`, async () => {
      const marker = `marker-${signal}-${process.pid}`;
      const child = startTest(['--bin', 'node', `${FIXTURES}/echo.mjs`, marker, '--workload', 'echo', '--time-limit', '60']);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // Wait for the three node processes (they run in their own process groups).
      const nodes = (): number[] => processesWith(marker).filter((pid) => pid !== child.pid);
      for (let i = 0; i < 200 && nodes().length < 3; i++) await new Promise((r) => setTimeout(r, 100));
      expect(nodes()).toHaveLength(3);
      child.kill(signal);
      expect(await exited).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(stderr).toMatch(/every node process killed/);
      expect(processesWith(marker)).toEqual([]);
    });
  }

  it('the out folder holds history.ndjson, results.json and a log per node', () => {
    const run = runTest(['--bin', 'node', `${FIXTURES}/echo.mjs`, '--workload', 'echo', '--time-limit', '1', '--rate', '20', '--node-count', '2']);
    expect(run.status).toBe(0);
    for (const file of ['history.ndjson', 'results.json', 'node-logs/n1.log', 'node-logs/n2.log']) expect(existsSync(path.join(run.dir, file))).toBe(true);
  });
});
