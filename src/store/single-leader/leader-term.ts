import { findLastCommonOffset } from '../shared/log.js';
import { ackedOffset } from './ack-rule.js';
import { majorityOf } from './config.js';
import type { AppendReply, AppendRequest } from './messages.js';
import { HEARTBEAT_TIMER, LEASE_WAIT_TIMER, type SingleLeaderNode } from './node.js';
import { PendingReads, type PendingRead } from './pending-reads.js';
import type { Payload } from './records.js';
import { progressSwitchover } from './switchover.js';
import { WriteWaiters } from './write-waiters.js';

/** Most entries one append message carries; a lagging follower gets the rest as it acks. */
const MAX_ENTRIES_PER_APPEND = 64;

/**
 * What the leader knows of one follower: the next entry to send it (optimistically
 * advanced on send, reset on a mismatch), the last entry it has durably matched, and
 * the last heartbeat round it answered.
 *
 * @example
 * const p: FollowerProgress = { nextOffset: 11, matchOffset: 10, ackedRound: 52 };
 */
export interface FollowerProgress {
  nextOffset: number;
  matchOffset: number;
  ackedRound: number;
}

/**
 * The leader's state for one epoch: replication to each follower, heartbeat rounds
 * (which time the lease and the quorum check, on the leader's own clock), the
 * acknowledgement point, and the clients waiting on it. Built when a node wins an
 * election (it appends a no-op entry of the new epoch, whose acknowledgement makes
 * everything before it acknowledged too); closed when the node steps down.
 *
 * @example
 * node.term = new LeaderTerm(node);
 * node.term.begin();
 */
export class LeaderTerm {
  readonly epoch: number;
  readonly progress = new Map<string, FollowerProgress>();
  /** Current heartbeat round; every broadcast starts a new one. */
  round = 0;
  /** Highest round a majority (leader included) has answered. */
  quorumRound = 0;
  /** The acknowledgement point: replies and reads are served up to here. */
  commitOffset: number;
  /** Offset of this epoch's no-op: reads wait until it is acknowledged. */
  readonly termStartOffset: number;
  /** Lease mode: false while the new leader waits out a predecessor's lease. */
  leaseWaitOver: boolean;
  /** Planned switchover in progress: new writes are refused. */
  draining = false;
  readonly waiters: WriteWaiters;
  readonly reads: PendingReads;
  private readonly roundSentAtMs = new Map<number, number>();
  private closed = false;

  /** Throws DiskFullError when the no-op cannot be written. */
  constructor(private readonly node: SingleLeaderNode) {
    const { replica, ctx, config } = node;
    this.epoch = replica.epoch;
    this.roundSentAtMs.set(0, ctx.now());
    for (const peer of node.peers) this.progress.set(peer, { nextOffset: replica.log.lastOffset + 1, matchOffset: 0, ackedRound: 0 });
    this.commitOffset = Math.min(node.knownCommitOffset, replica.log.lastOffset);
    const send = node.reply.bind(node);
    this.waiters = new WriteWaiters(ctx, config.requestTimeoutMs, send);
    this.reads = new PendingReads(ctx, config.requestTimeoutMs, send);
    const noop: Payload = { kind: 'noop' };
    this.termStartOffset = replica.log.lastOffset + 1;
    replica.appendEntry({ epoch: this.epoch, offset: this.termStartOffset, payload: noop }, []);
    // Epoch 1 is the first leader ever: there is no earlier lease to wait out.
    this.leaseWaitOver = config.reads !== 'lease' || this.epoch === 1;
  }

  /** Announces the new epoch to every follower and starts the heartbeat. */
  begin(): void {
    const { ctx, config } = this.node;
    this.node.durability.afterDurable(() => this.advanceCommit());
    this.broadcast();
    ctx.setTimer(config.heartbeatIntervalMs, HEARTBEAT_TIMER);
    if (!this.leaseWaitOver) ctx.setTimer(config.leaseMs + config.clockDriftMarginMs, LEASE_WAIT_TIMER);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Starts a new round: sends every follower what it lacks (a bare heartbeat when nothing). */
  broadcast(): void {
    this.round++;
    this.roundSentAtMs.set(this.round, this.node.ctx.now());
    for (const peer of this.node.peers) this.sendAppend(peer);
    this.refreshQuorum();
  }

  /** Ships the entry at `offset`, just appended, to the followers already caught up to it. */
  replicateNew(offset: number): void {
    for (const [peer, progress] of this.progress) if (progress.nextOffset === offset) this.sendAppend(peer);
  }

  onAppendReply(from: string, reply: AppendReply): void {
    const progress = this.progress.get(from);
    if (this.closed || progress === undefined || reply.epoch !== this.epoch) return;
    // Any answer at our epoch means the follower accepted us as its leader for that round.
    progress.ackedRound = Math.max(progress.ackedRound, reply.round);
    if (reply.ok) {
      progress.matchOffset = Math.max(progress.matchOffset, reply.matchOffset);
      progress.nextOffset = Math.max(progress.nextOffset, progress.matchOffset + 1);
      this.refreshQuorum();
      this.advanceCommit();
      if (progress.nextOffset <= this.node.replica.log.lastOffset) this.sendAppend(from);
    } else if (reply.summary !== undefined) {
      progress.nextOffset = findLastCommonOffset(this.node.replica.log.summary(), reply.summary) + 1;
      this.refreshQuorum();
      this.sendAppend(from);
    }
    progressSwitchover(this.node);
  }

  onHeartbeatTimer(): void {
    if (this.closed) return;
    const { ctx, config } = this.node;
    ctx.setTimer(config.heartbeatIntervalMs, HEARTBEAT_TIMER);
    const silenceMs = ctx.now() - this.lastQuorumContactMs();
    if (config.fencing && silenceMs > config.quorumTimeoutMs) {
      return this.node.becomeFollower(undefined, 'lost-quorum');
    }
    this.broadcast();
    this.serveReads();
    progressSwitchover(this.node);
  }

  /** Lease mode: the predecessor's lease has certainly expired. */
  endLeaseWait(): void {
    if (this.closed) return;
    this.leaseWaitOver = true;
    this.advanceCommit();
    this.serveReads();
  }

  /** Send time (leader's clock) of the latest round a majority answered. */
  lastQuorumContactMs(): number {
    return this.roundSentAtMs.get(this.quorumRound)!;
  }

  /** True while lease reads may be served locally (measured on this node's clock). */
  leaseValid(): boolean {
    return this.leaseWaitOver && this.node.ctx.now() < this.lastQuorumContactMs() + this.node.config.leaseMs;
  }

  /** True when `read` can be answered now, at the acknowledgement point. */
  canServe(read: Pick<PendingRead, 'confirmRound'>): boolean {
    if (this.commitOffset < this.termStartOffset) return false;
    return read.confirmRound === undefined ? this.leaseValid() : this.quorumRound >= read.confirmRound;
  }

  /** Moves the acknowledgement point as far as the ack mode allows and releases what waited for it. */
  advanceCommit(): void {
    if (this.closed || !this.leaseWaitOver) return;
    const { replica, config } = this.node;
    const acked = ackedOffset({
      mode: config.acks,
      leaderDurableOffset: replica.durableOffset,
      followerMatchOffsets: [...this.progress.values()].map((progress) => progress.matchOffset),
      currentEpoch: this.epoch,
      epochAt: (offset) => replica.log.epochAt(offset),
    });
    if (acked <= this.commitOffset) return;
    this.commitOffset = acked;
    this.waiters.resolveUpTo(acked);
    this.serveReads();
    this.node.cdc.publish(acked);
    progressSwitchover(this.node);
  }

  serveReads(): void {
    this.reads.serveReady(
      (read) => this.canServe(read),
      (read) => this.node.replica.table.read(read.key, this.commitOffset),
    );
  }

  expireRequest(requestId: string): void {
    if (!this.waiters.expire(requestId)) this.reads.expire(requestId);
  }

  /** Leaves office: held replies become unknown, waiting reads go to the new leader. */
  close(newLeader: string | undefined): void {
    this.closed = true;
    this.waiters.failAll('leadership-lost');
    this.reads.redirectAll(newLeader);
  }

  private sendAppend(peer: string): void {
    const progress = this.progress.get(peer)!;
    const log = this.node.replica.log;
    const prevOffset = Math.min(progress.nextOffset - 1, log.lastOffset);
    const entries = log.entriesAfter(prevOffset, MAX_ENTRIES_PER_APPEND);
    const message: AppendRequest = {
      kind: 'append',
      epoch: this.epoch,
      leader: this.node.ctx.id,
      prevOffset,
      prevEpoch: log.epochAt(prevOffset)!,
      entries,
      commitOffset: this.commitOffset,
      round: this.round,
    };
    this.node.ctx.send(peer, message);
    progress.nextOffset = prevOffset + entries.length + 1;
  }

  private refreshQuorum(): void {
    const rounds = [this.round, ...[...this.progress.values()].map((progress) => progress.ackedRound)].sort((a, b) => b - a);
    const reached = rounds[majorityOf(rounds.length) - 1]!;
    if (reached <= this.quorumRound) return;
    this.quorumRound = reached;
    for (const round of this.roundSentAtMs.keys()) {
      if (round >= reached) break;
      this.roundSentAtMs.delete(round);
    }
    this.serveReads();
  }
}
