import { majorityOf, type AckMode } from './config.js';

/**
 * Where the acknowledgement point can stand, as the leader sees its cluster.
 */
export interface AckView {
  mode: AckMode;
  /** Last offset durable on the leader's own disk. */
  leaderDurableOffset: number;
  /** Last offset each follower has acknowledged as durable and matching. */
  followerMatchOffsets: readonly number[];
  currentEpoch: number;
  /** Epoch of the leader's entry at an offset. */
  epochAt(offset: number): number | undefined;
}

/**
 * The highest offset the ack mode lets the leader acknowledge:
 * - async: durable on the leader;
 * - semi-sync: also on at least one follower (a lone node needs none);
 * - sync: also on every follower;
 * - majority: on a majority of nodes, leader included, and, as in Raft, only once an
 *   entry of the current epoch reaches that majority (an older epoch's entry counted on
 *   a majority can still be overwritten by a leader that never saw it).
 *
 * @example
 * ackedOffset({ mode: 'majority', leaderDurableOffset: 9, followerMatchOffsets: [7, 3], currentEpoch: 1, epochAt: () => 1 }); // 7
 * ackedOffset({ mode: 'sync', leaderDurableOffset: 9, followerMatchOffsets: [7, 3], currentEpoch: 1, epochAt: () => 1 });     // 3
 */
export function ackedOffset(view: AckView): number {
  const leader = view.leaderDurableOffset;
  const followers = view.followerMatchOffsets;
  switch (view.mode) {
    case 'async':
      return leader;
    case 'semi-sync':
      return followers.length === 0 ? leader : Math.min(leader, Math.max(...followers));
    case 'sync':
      return followers.length === 0 ? leader : Math.min(leader, Math.min(...followers));
    case 'majority': {
      const offsets = [leader, ...followers].sort((a, b) => b - a);
      const onMajority = offsets[majorityOf(offsets.length) - 1]!;
      return view.epochAt(onMajority) === view.currentEpoch ? onMajority : 0;
    }
  }
}
