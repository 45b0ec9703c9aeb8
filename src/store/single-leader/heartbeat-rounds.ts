import { majorityOf } from './config.js';

/**
 * The leader's heartbeat rounds. Every broadcast starts a round stamped with the
 * leader's own clock; followers echo the round they answer. The highest round a
 * majority (leader included) has answered proves leadership as of that round's send
 * time: it times the lease and the quorum check, and confirms leader reads.
 *
 * @example
 * const rounds = new HeartbeatRounds(0);
 * const r = rounds.start(100);            // round 1, sent at 100
 * rounds.refresh([r, 0], 3);               // one follower answered: with the leader, a majority
 * rounds.quorumRound;                     // 1
 * rounds.lastQuorumContactMs();           // 100
 */
export class HeartbeatRounds {
  /** The latest round started. */
  round = 0;
  /** The highest round a majority has answered. */
  quorumRound = 0;
  /** Send times of the rounds from quorumRound on (older ones are no longer needed). */
  private readonly sentAtMs = new Map<number, number>();

  /** Round 0 stands for taking office at `startMs`. */
  constructor(startMs: number) {
    this.sentAtMs.set(0, startMs);
  }

  /** Starts a new round sent at `nowMs` (leader's clock) and returns its number. */
  start(nowMs: number): number {
    this.round++;
    this.sentAtMs.set(this.round, nowMs);
    return this.round;
  }

  /**
   * Recomputes the majority round from the rounds each follower last answered (the
   * leader counts as having answered its latest). True when it moved forward.
   */
  refresh(followerRounds: readonly number[], clusterSize: number): boolean {
    const rounds = [this.round, ...followerRounds].sort((a, b) => b - a);
    const reached = rounds[majorityOf(clusterSize) - 1] ?? 0;
    if (reached <= this.quorumRound) return false;
    this.quorumRound = reached;
    for (const round of this.sentAtMs.keys()) {
      if (round >= reached) break;
      this.sentAtMs.delete(round);
    }
    return true;
  }

  /** Send time (leader's clock) of the latest round a majority answered. */
  lastQuorumContactMs(): number {
    return this.sentAtMs.get(this.quorumRound)!;
  }
}
