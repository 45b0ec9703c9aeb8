import { describe, expect, it } from 'vitest';
import { AppliedKeys, IDEMPOTENCY_WINDOW_MS } from '../../../src/store/leaderless/applied-keys.js';

describe('applied idempotency keys', () => {
  it('remembers a key with its result for at least the window, and forgets it within 1.1 windows', () => {
    let nowMs = 0;
    const keys = new AppliedKeys(() => nowMs);
    keys.add('c1/1', null);
    keys.add('c1/2', 7);
    keys.add('c1/2', 8); // a key keeps its first result
    nowMs = IDEMPOTENCY_WINDOW_MS - 1;
    keys.add('c2/1', null); // each add may sweep: the first keys are not old enough yet
    expect(keys.get('c1/1')?.result).toBeNull();
    expect(keys.get('c1/2')?.result).toBe(7);
    nowMs = 1.1 * IDEMPOTENCY_WINDOW_MS;
    keys.add('c3/1', null);
    expect(keys.has('c1/1')).toBe(false);
    expect(keys.has('c1/2')).toBe(false);
    expect(keys.has('c2/1')).toBe(true);
    expect(keys.size).toBe(2);
  });

  it('keeps memory bounded however many keys a long run applies', () => {
    let nowMs = 0;
    const keys = new AppliedKeys(() => nowMs);
    let largest = 0;
    for (let i = 0; i < 200_000; i++) {
      nowMs = i; // one key per ms of node clock: 200 s of writes
      keys.add(`c/${i}`, null);
      largest = Math.max(largest, keys.size);
    }
    expect(largest).toBeLessThanOrEqual(1.1 * IDEMPOTENCY_WINDOW_MS + 1);
    expect(keys.has(`c/${199_999 - IDEMPOTENCY_WINDOW_MS + 1}`)).toBe(true);
  });

  it('a clock that goes back never makes it forget sooner', () => {
    let nowMs = 100_000;
    const keys = new AppliedKeys(() => nowMs);
    keys.add('late', null);
    nowMs = 0; // the node's clock jumped back
    keys.add('early', null);
    nowMs = 100_000 + IDEMPOTENCY_WINDOW_MS / 2;
    keys.add('probe', null);
    expect(keys.has('late')).toBe(true);
    expect(keys.has('early')).toBe(true);
  });

  it('keys read back from disk keep their time: the expired are skipped, the rest leave on time', () => {
    let nowMs = 100_000;
    const keys = new AppliedKeys(() => nowMs);
    keys.addAll(['old'], [null], nowMs - IDEMPOTENCY_WINDOW_MS);
    keys.addAll(['recent', 'valued'], [null, 3], nowMs - 1_000);
    keys.addAll(['future'], [null], nowMs + 5_000); // written before the clock went back
    expect(keys.has('old')).toBe(false);
    expect(keys.get('valued')?.result).toBe(3);
    nowMs += IDEMPOTENCY_WINDOW_MS;
    keys.add('probe', null);
    expect(keys.has('recent')).toBe(false);
    expect(keys.has('future')).toBe(false);
    expect(keys.has('probe')).toBe(true);
  });
});
