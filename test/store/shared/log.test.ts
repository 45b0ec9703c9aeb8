import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { epochAtOffset, findLastCommonOffset, ReplicationLog } from '../../../src/store/shared/log.js';

function logOf(epochs: number[]): ReplicationLog<string> {
  const log = new ReplicationLog<string>();
  epochs.forEach((epoch, i) => log.append(epoch, `e${i + 1}`));
  return log;
}

/** Brute force: compare entry by entry from the start. */
function commonPrefixByScan(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Two logs that share a prefix, then diverge as after a failover: the later epoch is a fresh one. */
const divergedLogs = fc
  .record({
    prefix: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 12 }),
    tailA: fc.array(fc.constant(0), { maxLength: 6 }),
    tailB: fc.array(fc.constant(0), { maxLength: 6 }),
  })
  .map(({ prefix, tailA, tailB }) => {
    const sorted = [...prefix].sort((x, y) => x - y);
    const last = sorted[sorted.length - 1] ?? 0;
    return { a: [...sorted, ...tailA.map(() => last + 1)], b: [...sorted, ...tailB.map(() => last + 2)] };
  });

describe('ReplicationLog', () => {
  it('numbers entries from 1 and remembers their epochs', () => {
    const log = logOf([1, 1, 2]);
    expect(log.lastOffset).toBe(3);
    expect(log.lastEpoch).toBe(2);
    expect(log.entryAt(2)).toEqual({ epoch: 1, offset: 2, payload: 'e2' });
    expect(log.epochAt(0)).toBe(0);
    expect(log.epochAt(4)).toBeUndefined();
    expect(log.matches(3, 2)).toBe(true);
    expect(log.matches(3, 1)).toBe(false);
  });

  it('refuses to append an entry from an older epoch, or out of place', () => {
    const log = logOf([2]);
    expect(() => log.append(1, 'x')).toThrow(/older/);
    expect(() => log.appendEntry({ epoch: 2, offset: 3, payload: 'x' })).toThrow(/does not follow/);
  });

  it('truncates after an offset and returns what it dropped', () => {
    const log = logOf([1, 1, 2, 2]);
    const dropped = log.truncateAfter(2);
    expect(dropped.map((e) => e.offset)).toEqual([3, 4]);
    expect(log.lastOffset).toBe(2);
    expect(log.truncateAfter(5)).toEqual([]);
    log.append(3, 'new');
    expect(log.entryAt(3)).toEqual({ epoch: 3, offset: 3, payload: 'new' });
  });

  it('returns entries after an offset, bounded by a limit', () => {
    const log = logOf([1, 1, 1, 1]);
    expect(log.entriesAfter(1, 2).map((e) => e.offset)).toEqual([2, 3]);
    expect(log.entriesAfter(4)).toEqual([]);
  });

  it('summarises a log as its epoch boundaries', () => {
    expect(logOf([1, 1, 3, 3, 4]).summary()).toEqual({
      lastOffset: 5,
      epochs: [
        { epoch: 1, startOffset: 1 },
        { epoch: 3, startOffset: 3 },
        { epoch: 4, startOffset: 5 },
      ],
    });
    expect(epochAtOffset(logOf([1, 1, 3]).summary(), 3)).toBe(3);
    expect(epochAtOffset(logOf([1, 1, 3]).summary(), 4)).toBeUndefined();
  });
});

describe('findLastCommonOffset', () => {
  it('finds where a stale leader diverged from the new one', () => {
    const newLeader = logOf([1, 1, 3, 3]);
    const stale = logOf([1, 1, 2, 2, 2]);
    expect(findLastCommonOffset(newLeader.summary(), stale.summary())).toBe(2);
  });

  it('is the shorter length when one log is a prefix of the other', () => {
    expect(findLastCommonOffset(logOf([1, 2, 2]).summary(), logOf([1, 2, 2, 2, 5]).summary())).toBe(3);
    expect(findLastCommonOffset(logOf([]).summary(), logOf([1]).summary())).toBe(0);
  });

  test.prop([divergedLogs])('agrees with an entry-by-entry scan', ({ a, b }) => {
    const expected = commonPrefixByScan(a, b);
    expect(findLastCommonOffset(logOf(a).summary(), logOf(b).summary())).toBe(expected);
    expect(findLastCommonOffset(logOf(b).summary(), logOf(a).summary())).toBe(expected);
  });
});
