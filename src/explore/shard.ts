/**
 * Which run indices a shard of an exploration owns. Run i belongs to shard
 * i mod count, so every shard's runs interleave over the whole index range: a
 * time budget (open-ended) and a run budget (the total across shards) split
 * the same way, and shard I's k-th run is run I + k * count.
 */
export interface Shard {
  /** 0-based: this shard's number. */
  index: number;
  /** How many shards the exploration is split into. */
  count: number;
}

/**
 * Parses `I/N` (0-based I, N >= 1, I < N); null when the text is not of that form
 * or out of range (the caller names the flag).
 *
 * @example
 * parseShard('2/4'); // { index: 2, count: 4 }
 * parseShard('4/4'); // null
 */
export function parseShard(text: string): Shard | null {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (match === null) return null;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index >= count) return null;
  return { index, count };
}

/**
 * The run index of a shard's k-th run (k 0-based).
 *
 * @example
 * shardRun({ index: 1, count: 4 }, 2); // 9
 */
export function shardRun(shard: Shard, position: number): number {
  return shard.index + position * shard.count;
}

/**
 * Where a run index falls in its shard's sequence (the inverse of shardRun).
 *
 * @example
 * shardPosition({ index: 1, count: 4 }, 9); // 2
 */
export function shardPosition(shard: Shard, run: number): number {
  return (run - shard.index) / shard.count;
}

/**
 * How many of the runs 0..total-1 belong to a shard.
 *
 * @example
 * shardRunCount({ index: 3, count: 4 }, 10); // 2 (runs 3 and 7)
 */
export function shardRunCount(shard: Shard, total: number): number {
  return total <= shard.index ? 0 : Math.ceil((total - shard.index) / shard.count);
}

/**
 * A few of a shard's run indices, for messages: "runs 2, 6, 10, …".
 *
 * @example
 * describeShardRuns({ index: 2, count: 4 }); // 'runs 2, 6, 10, …'
 */
export function describeShardRuns(shard: Shard, total?: number): string {
  const shown = Math.min(3, total === undefined ? 3 : shardRunCount(shard, total));
  if (shown === 0) return 'no runs';
  const runs = Array.from({ length: shown }, (_, k) => shardRun(shard, k));
  const more = total === undefined || shardRunCount(shard, total) > shown;
  return `run${shown > 1 || more ? 's' : ''} ${runs.join(', ')}${more ? ', …' : ''}`;
}

/**
 * Sorted positions as half-open ranges [from, to): the compact record of which
 * of its runs a shard completed (gaps appear only when a time limit stops
 * parallel workers mid-way).
 *
 * @example
 * toRanges([0, 1, 2, 5]); // [[0, 3], [5, 6]]
 */
export function toRanges(sortedPositions: readonly number[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const position of sortedPositions) {
    const last = ranges.at(-1);
    if (last !== undefined && last[1] === position) last[1] = position + 1;
    else ranges.push([position, position + 1]);
  }
  return ranges;
}
