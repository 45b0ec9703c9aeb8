import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeShards } from '../../src/explore/merge.js';
import { SHARD_SUMMARY_FORMAT, type ShardSummary } from '../../src/explore/shard-summary.js';

/** Summaries of a large exploration, written as explore --shard would (no counterexample folders needed to merge). */
function writeShards(root: string, count: number, runsPerShard: number): void {
  for (let index = 0; index < count; index++) {
    const dir = path.join(root, `shard-${index}`);
    mkdirSync(dir, { recursive: true });
    // Shard k fails at its first run with one of five signatures (k mod 5), 2 + |k - 997| ops
    // big, so the smallest of each signature is the one at k = 995..999.
    const signature = `lost-write | sl-async | faults: crash-leader | p0: add x${index % 5}`;
    const clientOps = 2 + Math.abs(index - 997);
    const summary: ShardSummary = {
      format: SHARD_SUMMARY_FORMAT, shard: { index, count }, seed: 1, target: '{"preset":"sl-async"}',
      budget: { runs: count * runsPerShard, timeSeconds: null, keepGoing: true },
      runs: runsPerShard, covered: [[0, runsPerShard]], unknown: index === 7 ? 1 : 0, elapsedMs: 1000 + index, runsPerSecond: 50, stoppedBy: 'runs',
      failures: [{ run: index, dir: `sl-async-seed1-run${index}`, anomaly: 'lost-write', clientOps, faults: 1, seed: index * 31, reason: 'r', signature }],
    };
    writeFileSync(path.join(dir, 'summary.json'), JSON.stringify(summary));
  }
}

describe('mergeShards', () => {
  it('merges 2,000 shard folders of 100,000 runs into the smallest failure per signature', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'faultline-merge-'));
    writeShards(root, 2000, 50);
    const report = mergeShards([root]);
    expect(report).toMatchObject({ seed: 1, shards: 2000, runs: 100_000, unknown: 1, found: 2000, firstFailingRun: 0, elapsedMs: 2999 });
    expect(report.runsPerSecond).toBeCloseTo(100_000 / 2.999, 0);
    expect(report.failures.map((failure) => [failure.run, failure.clientOps, failure.duplicates])).toEqual([
      [995, 4, 399], [996, 3, 399], [997, 2, 399], [998, 3, 399], [999, 4, 399],
    ]);
  });
});
