import { describe, expect, it } from 'vitest';
import { HeartbeatRounds } from '../../../src/store/single-leader/heartbeat-rounds.js';

describe('HeartbeatRounds', () => {
  it('takes office as round 0, at the start time', () => {
    const rounds = new HeartbeatRounds(40);
    expect(rounds.quorumRound).toBe(0);
    expect(rounds.lastQuorumContactMs()).toBe(40);
  });

  it('moves the majority round when enough followers answer, and dates it by its send time', () => {
    const rounds = new HeartbeatRounds(0);
    rounds.start(100);
    rounds.start(150);
    rounds.start(200);
    expect(rounds.refresh([0, 0, 0, 0], 5)).toBe(false); // only the leader has round 3
    expect(rounds.refresh([2, 1, 0, 0], 5)).toBe(true); // leader + two followers have round 1
    expect(rounds.quorumRound).toBe(1);
    expect(rounds.lastQuorumContactMs()).toBe(100);
    expect(rounds.refresh([3, 2, 0, 0], 5)).toBe(true);
    expect(rounds.lastQuorumContactMs()).toBe(150);
    expect(rounds.refresh([1, 1, 0, 0], 5)).toBe(false); // never backwards
    expect(rounds.quorumRound).toBe(2);
  });

  it('a lone leader is its own majority', () => {
    const rounds = new HeartbeatRounds(0);
    rounds.start(70);
    expect(rounds.refresh([], 1)).toBe(true);
    expect(rounds.lastQuorumContactMs()).toBe(70);
  });
});
