import { findLastCommonOffset } from '../shared/log.js';
import type { AppendReply, AppendRequest } from './messages.js';
import type { SingleLeaderNode } from './node.js';

/** Most entries one append message carries; a lagging follower gets the rest as it acks. */
const MAX_ENTRIES_PER_APPEND = 64;

/**
 * What the leader knows of one follower: the next entry to send it (optimistically
 * advanced on send, reset on a mismatch), the last entry it has durably matched, and
 * the last heartbeat round it answered.
 */
export interface FollowerProgress {
  nextOffset: number;
  matchOffset: number;
  ackedRound: number;
}

/**
 * The leader's shipping of its log to each follower. Entries are sent as soon as they
 * are appended, to followers that are caught up; a follower whose previous entry does
 * not match sends its log summary, and shipping resumes right after the last entry
 * both logs share (the follower truncates the rest). A lost message shows up as a
 * mismatch on the next heartbeat, so nothing needs retransmission timers.
 *
 * @example
 * const shipping = new FollowerShipping(node, epoch, () => ({ commitOffset, round }));
 * shipping.sendAll();
 */
export class FollowerShipping {
  readonly progress = new Map<string, FollowerProgress>();

  constructor(
    private readonly node: SingleLeaderNode,
    private readonly epoch: number,
    /** The acknowledgement point and heartbeat round that outgoing appends carry. */
    private readonly stamp: () => { commitOffset: number; round: number; standbySynced: boolean },
  ) {
    const next = node.replica.log.lastOffset + 1;
    for (const peer of node.peers) this.progress.set(peer, { nextOffset: next, matchOffset: 0, ackedRound: 0 });
  }

  /** Sends every follower what it lacks (a bare heartbeat when nothing). */
  sendAll(): void {
    for (const peer of this.node.peers) this.send(peer);
  }

  /** Ships the entry at `offset`, just appended, to the followers already caught up to it. */
  sendNew(offset: number): void {
    if (!this.eager) return;
    for (const [peer, progress] of this.progress) if (progress.nextOffset === offset) this.send(peer);
  }

  /** Warm standby: ships everything the standby lacks, in as many appends as it takes. */
  sendBatch(): void {
    const lastOffset = this.node.replica.log.lastOffset;
    for (const [peer, progress] of this.progress) {
      while (progress.nextOffset <= lastOffset) this.send(peer, true);
    }
  }

  /**
   * False with a warm or cold standby: a warm one gets entries only in batches,
   * a cold one never; between batches both get bare heartbeats.
   */
  private get eager(): boolean {
    const level = this.node.config.standby?.level;
    return level === undefined || level === 'hot';
  }

  /** Takes in a follower's answer at our epoch; true when its durable match moved on. */
  onReply(from: string, reply: AppendReply): boolean {
    const progress = this.progress.get(from);
    if (progress === undefined) return false;
    // Any answer at our epoch means the follower accepted us as its leader for that round.
    progress.ackedRound = Math.max(progress.ackedRound, reply.round);
    if (reply.ok) {
      const advanced = reply.matchOffset > progress.matchOffset;
      progress.matchOffset = Math.max(progress.matchOffset, reply.matchOffset);
      progress.nextOffset = Math.max(progress.nextOffset, progress.matchOffset + 1);
      if (this.eager && progress.nextOffset <= this.node.replica.log.lastOffset) this.send(from);
      return advanced;
    }
    if (reply.summary !== undefined) {
      progress.nextOffset = findLastCommonOffset(this.node.replica.log.summary(), reply.summary) + 1;
      if (this.eager) this.send(from);
    }
    return false;
  }

  matchOffsets(): number[] {
    return [...this.progress.values()].map((progress) => progress.matchOffset);
  }

  ackedRounds(): number[] {
    return [...this.progress.values()].map((progress) => progress.ackedRound);
  }

  private send(peer: string, batch = false): void {
    if (!this.eager && !batch) return this.sendBare(peer);
    const progress = this.progress.get(peer)!;
    const log = this.node.replica.log;
    const prevOffset = Math.min(progress.nextOffset - 1, log.lastOffset);
    const entries = log.entriesAfter(prevOffset, MAX_ENTRIES_PER_APPEND);
    const { commitOffset, round, standbySynced } = this.stamp();
    const message: AppendRequest = {
      kind: 'append',
      epoch: this.epoch,
      leader: this.node.ctx.id,
      prevOffset,
      prevEpoch: log.epochAt(prevOffset)!,
      entries,
      commitOffset,
      round,
    };
    if (this.node.config.authenticatedEpochs && this.node.certificate !== undefined) message.certificate = this.node.certificate;
    if (standbySynced) message.standbySynced = true;
    this.node.ctx.send(peer, message);
    progress.nextOffset = prevOffset + entries.length + 1;
  }

  /** A heartbeat that touches no log: it matches any log (offset 0) and carries no acknowledgement point. */
  private sendBare(peer: string): void {
    const { round } = this.stamp();
    const message: AppendRequest = { kind: 'append', epoch: this.epoch, leader: this.node.ctx.id, prevOffset: 0, prevEpoch: 0, entries: [], commitOffset: 0, round };
    if (this.node.config.authenticatedEpochs && this.node.certificate !== undefined) message.certificate = this.node.certificate;
    this.node.ctx.send(peer, message);
  }
}
