import { DiskFullError } from '../../sim/node.js';
import type { StoreNodeContext, StoreTraceData } from '../trace-events.js';
import { latestVersion } from './key-versions.js';
import type { LogEntry, MultiLeaderMessage, ShippedWrite, ShipWrites } from './messages.js';
import type { Replica } from './replica.js';
import { intactWrite } from './checksums.js';
import { mergeVersions, type ConflictPolicy } from './resolve.js';

/**
 * Leader -> leaders: sends every peer the next batch of this leader's own writes
 * that the peer has not acknowledged. The outbox is simply "own writes after the
 * peer's acknowledged seq": both are on disk, so the outbox survives restarts, and
 * resending until acknowledged carries it across partitions and lost messages.
 *
 * @example
 * shipToPeers(ctx, replica, ['dc2-n1', 'dc3-n1'], 64);
 */
export function shipToPeers(
  ctx: StoreNodeContext<MultiLeaderMessage>,
  replica: Replica,
  peers: readonly string[],
  batch: number,
): void {
  for (const peer of peers) {
    const acked = replica.peerAcked.get(peer) ?? 0;
    if (acked >= replica.ownWrites.length) continue;
    const entries = replica.ownWrites.slice(acked, acked + batch).map(withoutOffset);
    ctx.send(peer, { kind: 'ml-ship', entries });
  }
}

/**
 * Applies another leader's writes, in its seq order: already-applied ones are
 * skipped (resends), a gap stops the batch (a reordered message; the sender will
 * resend). Fsyncs before returning the seq to acknowledge, so an acknowledged
 * write is durable here. Concurrent versions are traced as conflicts.
 *
 * @example
 * const upTo = acceptShipment(ctx, replica, 'dc2-n1', msg, 'lww');
 * ctx.send('dc2-n1', { kind: 'ml-ship-ack', upTo });
 */
export function acceptShipment(
  ctx: StoreNodeContext<MultiLeaderMessage>,
  replica: Replica,
  from: string,
  msg: ShipWrites,
  policy: ConflictPolicy,
): number {
  for (const write of msg.entries) {
    if (replica.checksums && !intactWrite(write)) {
      // Altered after its origin summed it: never applied. Acknowledged only up to
      // what came before, so the sender ships it again.
      ctx.trace('corrupt-dropped', { where: 'message', kind: 'ml-ship', from });
      break;
    }
    if (write.origin.node !== from) continue;
    const applied = replica.appliedFrom.get(from) ?? 0;
    if (write.origin.seq <= applied) continue;
    if (write.origin.seq !== applied + 1) break;
    try {
      const { outcome } = replica.record(write, ctx.disk);
      if (outcome === 'concurrent') traceConflict(ctx, replica, write.key, from, policy);
    } catch (error) {
      if (!(error instanceof DiskFullError)) throw error;
      ctx.trace('disk-full', { key: write.key, from });
      break;
    }
  }
  ctx.disk.fsync();
  return replica.appliedFrom.get(from) ?? 0;
}

function traceConflict(
  ctx: StoreNodeContext<MultiLeaderMessage>,
  replica: Replica,
  key: string,
  from: string,
  policy: ConflictPolicy,
): void {
  const versions = replica.versions(key);
  const detail: StoreTraceData['conflict'] = { key, resolution: policy, from, versions: versions.length };
  if (policy === 'lww') {
    const winner = latestVersion(versions)!;
    detail.winner = winner.stamp.node;
    detail.winnerTs = winner.stamp.ts;
  } else if (policy === 'merge') {
    detail.merged = mergeVersions(versions).kind;
  }
  ctx.trace('conflict', detail);
}

/**
 * A log entry without its group-local offset, as shipped to another group.
 *
 * @example
 * withoutOffset({ offset: 3, key: 'x', version, origin }); // { key: 'x', version, origin }
 */
export function withoutOffset(entry: LogEntry): ShippedWrite {
  const { offset: _offset, ...write } = entry;
  return write;
}
