import { describe, expect, it } from 'vitest';
import { explore } from '../../src/explore/explore.js';
import { describeShardRuns, parseShard, shardPosition, shardRun, shardRunCount, toRanges } from '../../src/explore/shard.js';

describe('shards', () => {
  it('parses I/N with 0 <= I < N and nothing else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('0/1')).toEqual({ index: 0, count: 1 });
    for (const bad of ['4/4', '1/0', '-1/4', '1.5/4', '1', '1/4/2', '']) expect(parseShard(bad), bad).toBeNull();
  });

  it('splits runs 0..R-1 into N disjoint shards that cover them all (run i in shard i mod N)', () => {
    for (const count of [1, 2, 3, 4, 7]) {
      for (const total of [0, 1, 5, 13, 100]) {
        const seen: number[] = [];
        for (let index = 0; index < count; index++) {
          const shard = { index, count };
          for (let position = 0; position < shardRunCount(shard, total); position++) {
            const run = shardRun(shard, position);
            expect(run % count).toBe(index);
            expect(shardPosition(shard, run)).toBe(position);
            seen.push(run);
          }
        }
        expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i));
      }
    }
  });

  it('describes a shard\'s runs and compacts positions into ranges', () => {
    expect(describeShardRuns({ index: 2, count: 4 })).toBe('runs 2, 6, 10, …');
    expect(describeShardRuns({ index: 2, count: 4 }, 7)).toBe('runs 2, 6');
    expect(describeShardRuns({ index: 2, count: 4 }, 3)).toBe('run 2');
    expect(describeShardRuns({ index: 3, count: 4 }, 3)).toBe('no runs');
    expect(toRanges([0, 1, 2, 5, 7, 8])).toEqual([[0, 3], [5, 6], [7, 9]]);
  });

  it('explore with a shard runs exactly that shard\'s runs, with the seeds an unsharded explore gives them', async () => {
    const whole = await explore({ preset: 'll-weak', seed: 3, runs: 10, keepGoing: true, shrink: false });
    const shard = await explore({ preset: 'll-weak', seed: 3, runs: 10, keepGoing: true, shrink: false, shard: { index: 1, count: 3 } });
    expect(shard.runs).toBe(3);
    expect(shard.covered).toEqual([[0, 3]]);
    expect(shard.failures.map((f) => [f.run, f.original.scenario.seed]))
      .toEqual(whole.failures.filter((f) => f.run % 3 === 1).map((f) => [f.run, f.original.scenario.seed]));
    await expect(explore({ shard: { index: 3, count: 3 } })).rejects.toThrow('explore: shard must be I/N with 0 <= I < N, got 3/3');
  });

  it('a time budget is per shard: the shard runs its own runs from position 0 until time is up', async () => {
    const report = await explore({ preset: 'sl-majority', seed: 1, timeSeconds: 0.3, shard: { index: 2, count: 5 } });
    expect(report.stoppedBy).toBe('time');
    expect(report.covered).toEqual(report.runs === 0 ? [] : [[0, report.runs]]);
  });
});
