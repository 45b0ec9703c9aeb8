import { DiskFullError } from '../../sim/node.js';
import type { AppendReply, AppendRequest } from './messages.js';
import type { SingleLeaderNode } from './node.js';
import { effectsOf } from './payloads.js';
import { entryChecksum } from './replica.js';
import { provesEpoch } from './epoch-certificate.js';
import { onLeaderContact } from './switchover.js';

/**
 * The follower side of replication: fencing by epoch, the consistency check on the
 * previous entry, truncation of a divergent suffix, appending (and, for statement
 * replication, re-executing) the leader's entries, and the durable ack.
 *
 * Under the ack-before-fsync mutation the ack goes out first and the fsync waits for
 * the next group commit.
 *
 * With fencing off, an append from a lower epoch is accepted too: the follower keeps
 * its epoch (its reply tells the stale leader about the newer one) but applies the
 * stale leader's entries, truncating its own where they conflict.
 *
 * @example
 * handleAppend(node, 'n1', { kind: 'append', epoch: 1, leader: 'n1', prevOffset: 0, prevEpoch: 0,
 *   entries: [], commitOffset: 0, round: 1 });
 */
export function handleAppend(node: SingleLeaderNode, from: string, msg: AppendRequest): void {
  const { replica, ctx } = node;
  const reject = (): void => sendReply(node, from, { ok: false, matchOffset: 0, round: msg.round });
  if (node.config.authenticatedEpochs && msg.epoch >= replica.epoch && !provesEpoch(node, msg)) {
    // Whoever sent it cannot show a majority's signed votes for this epoch: it did not win it.
    return ctx.trace('epoch-unproven', { epoch: msg.epoch, leader: msg.leader });
  }
  if (msg.epoch < replica.epoch && node.config.fencing) return reject();
  if (msg.epoch > replica.epoch) node.adoptEpoch(msg.epoch, 'higher-epoch-append');
  const fromCurrentLeader = msg.epoch === replica.epoch;
  if (fromCurrentLeader) {
    if (node.role !== 'follower' || node.leaderId !== msg.leader) node.becomeFollower(msg.leader, 'leader-announced');
    node.watch.heartbeat(ctx.now());
    onLeaderContact(node, msg.leader, msg.epoch);
    if (msg.standbySynced === true) markStandbySynced(node, msg.epoch);
  } else if (node.role === 'leader') {
    return reject();
  }
  if (!replica.log.matches(msg.prevOffset, msg.prevEpoch)) {
    return sendReply(node, from, { ok: false, matchOffset: 0, round: msg.round, summary: replica.log.summary() });
  }
  const { matchOffset, rotten } = appendEntries(node, msg);
  // Dropped as if lost: the leader's next round finds the gap and sends the entries again
  // (answering at once would have it re-send at once, as fast as the wire corrupts them).
  if (rotten) return;
  if (fromCurrentLeader) {
    node.knownCommitOffset = Math.max(Math.min(node.knownCommitOffset, replica.log.lastOffset), Math.min(msg.commitOffset, matchOffset));
    node.cdc.publish(node.readableOffset());
  }
  if (node.mutations.on('ack-before-fsync')) {
    // The bug: the ack claims the entries are stored while they still sit in the page cache.
    sendReply(node, from, { ok: true, matchOffset, round: msg.round });
    return node.durability.syncLater();
  }
  node.durability.afterDurable(() => sendReply(node, from, { ok: true, matchOffset, round: msg.round }));
}

/**
 * Appends what is new, truncating first where the leader's entry differs; returns the last matching offset.
 * Under the follower-out-of-order mutation the log and disk stay in order, but the
 * table takes the batch's effects newest first, so an older write to a key lands on top.
 */
function appendEntries(node: SingleLeaderNode, msg: AppendRequest): { matchOffset: number; rotten: boolean } {
  const { replica, ctx } = node;
  const outOfOrder = node.mutations.on('follower-out-of-order');
  // A warm standby stores what it is shipped and applies it later, in periodic batches.
  const deferred = node.config.standby?.level === 'warm';
  const appended: number[] = [];
  let matchOffset = msg.prevOffset;
  let rotten = false;
  for (const entry of msg.entries) {
    if (node.config.checksums && entry.sum !== entryChecksum(entry)) {
      // Altered after the leader summed it: never applied, fetched again.
      ctx.trace('checksum-mismatch', { where: 'append', offset: entry.offset, from: msg.leader });
      rotten = true;
      break;
    }
    const existingEpoch = replica.log.epochAt(entry.offset);
    if (existingEpoch === entry.epoch) {
      matchOffset = entry.offset;
      continue;
    }
    if (existingEpoch !== undefined) {
      replica.truncateAfter(entry.offset - 1, `divergent from ${msg.leader} epoch ${msg.epoch}`);
      node.knownCommitOffset = Math.min(node.knownCommitOffset, entry.offset - 1);
      node.cdc.rewind(entry.offset - 1);
    }
    const { effects, failed } = effectsOf(entry.payload, (key) => replica.table.read(key), replica.env);
    if (failed !== undefined) ctx.trace('statement-failed', { offset: entry.offset, error: failed });
    try {
      replica.appendEntry(entry, effects, !outOfOrder && !deferred);
    } catch (error) {
      if (!(error instanceof DiskFullError)) throw error;
      ctx.trace('disk-full', { while: 'replicating', offset: entry.offset });
      break;
    }
    appended.push(entry.offset);
    matchOffset = entry.offset;
  }
  if (outOfOrder) for (const offset of appended.reverse()) replica.applyToTable(offset);
  return { matchOffset, rotten };
}

/** Hot standby: the leader counts this node in its acknowledgements from now on; remembered durably. */
function markStandbySynced(node: SingleLeaderNode, epoch: number): void {
  if (node.replica.standbySyncedEpoch === epoch) return;
  try {
    node.replica.persistStandbySynced(epoch);
  } catch (error) {
    if (!(error instanceof DiskFullError)) throw error;
    return; // told again with the next append
  }
  node.ctx.trace('standby-synced', { epoch, offset: node.replica.log.lastOffset });
}

function sendReply(node: SingleLeaderNode, to: string, fields: Omit<AppendReply, 'kind' | 'epoch'>): void {
  const reply: AppendReply = { kind: 'append-reply', epoch: node.replica.epoch, ...fields };
  node.ctx.send(to, reply);
}
