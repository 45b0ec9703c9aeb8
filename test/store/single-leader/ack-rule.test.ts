import { describe, expect, it } from 'vitest';
import { ackedOffset, type AckView } from '../../../src/store/single-leader/ack-rule.js';

const view = (patch: Partial<AckView>): AckView => ({
  mode: 'majority',
  leaderDurableOffset: 10,
  followerMatchOffsets: [8, 4],
  currentEpoch: 3,
  epochAt: () => 3,
  ...patch,
});

describe('ackedOffset', () => {
  it('async: what the leader has durably', () => {
    expect(ackedOffset(view({ mode: 'async' }))).toBe(10);
  });

  it('semi-sync: also on the most advanced follower', () => {
    expect(ackedOffset(view({ mode: 'semi-sync' }))).toBe(8);
    expect(ackedOffset(view({ mode: 'semi-sync', leaderDurableOffset: 6 }))).toBe(6);
    expect(ackedOffset(view({ mode: 'semi-sync', followerMatchOffsets: [] }))).toBe(10);
  });

  it('sync: also on every follower', () => {
    expect(ackedOffset(view({ mode: 'sync' }))).toBe(4);
  });

  it('majority: on a majority of nodes, leader included', () => {
    expect(ackedOffset(view({}))).toBe(8);
    expect(ackedOffset(view({ followerMatchOffsets: [9, 8, 2, 1] }))).toBe(8);
    expect(ackedOffset(view({ leaderDurableOffset: 3 }))).toBe(4);
  });

  it('majority: an older epoch’s entry is never acknowledged by counting alone', () => {
    expect(ackedOffset(view({ epochAt: (offset) => (offset <= 8 ? 2 : 3) }))).toBe(0);
  });
});
