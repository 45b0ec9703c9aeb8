import { DiskFullError } from '../../sim/node.js';
import type { StoreNodeContext } from '../trace-events.js';
import type { MultiLeaderMessage, ShipLog } from './messages.js';
import { withoutOffset } from './peer-replication.js';
import type { Replica } from './replica.js';
import { intactWrite } from './checksums.js';

/**
 * Leader -> followers: sends each follower the next batch of the group log after
 * the offset it last acknowledged. Acknowledged offsets live in memory only: after
 * a leader restart they start at 0, the follower skips what it has and answers with
 * its real offset, and shipping resumes from there.
 *
 * @example
 * shipToFollowers(ctx, replica, ['dc1-n2', 'dc1-n3'], followerAcked, 64);
 */
export function shipToFollowers(
  ctx: StoreNodeContext<MultiLeaderMessage>,
  replica: Replica,
  followers: readonly string[],
  followerAcked: ReadonlyMap<string, number>,
  batch: number,
): void {
  for (const follower of followers) {
    const acked = followerAcked.get(follower) ?? 0;
    if (acked >= replica.log.length) continue;
    ctx.send(follower, { kind: 'ml-log', entries: replica.log.slice(acked, acked + batch) });
  }
}

/**
 * Applies the leader's log entries in offset order (a follower's log is a prefix
 * of its leader's): entries already held are skipped, a gap stops the batch.
 * Fsyncs before returning the offset to acknowledge.
 *
 * @example
 * const upTo = acceptLog(ctx, replica, msg);
 * ctx.send(leader, { kind: 'ml-log-ack', upTo });
 */
export function acceptLog(ctx: StoreNodeContext<MultiLeaderMessage>, replica: Replica, msg: ShipLog): number {
  for (const entry of msg.entries) {
    if (replica.checksums && !intactWrite(entry)) {
      // Altered on its way: never applied; the ack stops before it, so the leader sends it again.
      ctx.trace('corrupt-dropped', { where: 'message', kind: 'ml-log' });
      break;
    }
    if (entry.offset <= replica.log.length) continue;
    if (entry.offset !== replica.log.length + 1) break;
    try {
      replica.record(withoutOffset(entry), ctx.disk);
    } catch (error) {
      if (!(error instanceof DiskFullError)) throw error;
      ctx.trace('disk-full', { offset: entry.offset });
      break;
    }
  }
  ctx.disk.fsync();
  return replica.log.length;
}
