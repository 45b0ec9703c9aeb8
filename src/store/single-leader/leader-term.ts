import { ackedOffset } from './ack-rule.js';
import { FollowerShipping } from './follower-progress.js';
import { HeartbeatRounds } from './heartbeat-rounds.js';
import type { AppendReply } from './messages.js';
import { HEARTBEAT_TIMER, LEASE_WAIT_TIMER, SHIP_TIMER, SNAPSHOT_TIMER, type SingleLeaderNode } from './node.js';
import { DiskFullError } from '../../sim/node.js';
import { takeSnapshot } from './standby.js';
import type { AckMode } from './config.js';
import { PendingReads, type PendingRead } from './pending-reads.js';
import { progressSwitchover } from './switchover.js';
import { WriteWaiters } from './write-waiters.js';

/**
 * The leader's state for one epoch: shipping to each follower, heartbeat rounds
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
  readonly shipping: FollowerShipping;
  readonly rounds: HeartbeatRounds;
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
  /**
   * Hot standby: true once the standby held everything this leader had, from
   * which point it counts in every acknowledgement and heartbeat quorum. Until
   * then (a fresh promotion, the old primary still down) the leader acknowledges alone.
   */
  standbySynced: boolean;
  /** Cold standby: the offset of the last snapshot put on the object store. */
  private snapshotOffset = 0;
  private closed = false;

  /** Throws DiskFullError when the no-op cannot be written. */
  constructor(private readonly node: SingleLeaderNode) {
    const { replica, ctx, config } = node;
    this.epoch = replica.epoch;
    this.rounds = new HeartbeatRounds(ctx.now());
    this.standbySynced = false;
    this.shipping = new FollowerShipping(node, this.epoch, () => ({ commitOffset: this.commitOffset, round: this.rounds.round, standbySynced: this.standbySynced }));
    this.commitOffset = Math.min(node.knownCommitOffset, replica.log.lastOffset);
    const send = node.reply.bind(node);
    this.waiters = new WriteWaiters(ctx, config.requestTimeoutMs, send);
    this.reads = new PendingReads(ctx, config.requestTimeoutMs, send);
    this.termStartOffset = replica.log.lastOffset + 1;
    replica.appendEntry({ epoch: this.epoch, offset: this.termStartOffset, payload: { kind: 'noop' } }, []);
    // Epoch 1 is the first leader ever: there is no earlier lease to wait out.
    this.leaseWaitOver = config.reads !== 'lease' || this.epoch === 1;
  }

  /** Announces the new epoch to every follower and starts the heartbeat. */
  begin(): void {
    const { ctx, config } = this.node;
    this.node.durability.afterDurable(() => this.advanceCommit());
    this.broadcast();
    ctx.setTimer(config.heartbeatIntervalMs, HEARTBEAT_TIMER);
    if (config.standby?.level === 'warm') ctx.setTimer(config.standby.shipIntervalMs, SHIP_TIMER);
    if (config.standby?.level === 'cold') ctx.setTimer(config.standby.snapshotIntervalMs, SNAPSHOT_TIMER);
    if (!this.leaseWaitOver) ctx.setTimer(config.leaseMs + config.clockDriftMarginMs, LEASE_WAIT_TIMER);
  }

  /** The latest heartbeat round started. */
  get round(): number {
    return this.rounds.round;
  }

  /** Starts a new round: sends every follower what it lacks (a bare heartbeat when nothing). */
  broadcast(): void {
    this.rounds.start(this.node.ctx.now());
    this.shipping.sendAll();
    this.refreshQuorum();
  }

  onAppendReply(from: string, reply: AppendReply): void {
    if (this.closed || reply.epoch !== this.epoch) return;
    const matched = this.shipping.onReply(from, reply);
    if (matched) this.checkStandbySynced();
    this.refreshQuorum();
    if (matched) this.advanceCommit();
    progressSwitchover(this.node);
  }

  onHeartbeatTimer(): void {
    if (this.closed) return;
    const { ctx, config } = this.node;
    ctx.setTimer(config.heartbeatIntervalMs, HEARTBEAT_TIMER);
    const silenceMs = ctx.now() - this.rounds.lastQuorumContactMs();
    // A leader that is its own quorum (its standby not counted) has no majority to lose.
    if (config.fencing && this.countsFollowers() && silenceMs > config.quorumTimeoutMs) {
      return this.node.becomeFollower(undefined, 'lost-quorum');
    }
    this.broadcast();
    this.serveReads();
    progressSwitchover(this.node);
  }

  /** Warm standby: ships the batch of entries appended since the last one. */
  onShipTimer(): void {
    if (this.closed) return;
    this.node.ctx.setTimer(this.node.config.standby!.shipIntervalMs, SHIP_TIMER);
    this.shipping.sendBatch();
  }

  /** Cold standby: puts a snapshot of the acknowledged log on the object store, when it grew. */
  onSnapshotTimer(): void {
    if (this.closed) return;
    this.node.ctx.setTimer(this.node.config.standby!.snapshotIntervalMs, SNAPSHOT_TIMER);
    if (this.commitOffset <= this.snapshotOffset) return;
    this.snapshotOffset = this.commitOffset;
    takeSnapshot(this.node, this.commitOffset, this.epoch);
  }

  /** Lease mode: the predecessor's lease has certainly expired. */
  endLeaseWait(): void {
    if (this.closed) return;
    this.leaseWaitOver = true;
    this.advanceCommit();
    this.serveReads();
  }

  /** True while lease reads may be served locally (measured on this node's clock). */
  leaseValid(): boolean {
    return this.leaseWaitOver && this.node.ctx.now() < this.rounds.lastQuorumContactMs() + this.node.config.leaseMs;
  }

  /** True when `read` can be answered now, at the acknowledgement point. */
  canServe(read: Pick<PendingRead, 'confirmRound'>): boolean {
    if (this.commitOffset < this.termStartOffset) return false;
    return read.confirmRound === undefined ? this.leaseValid() : this.rounds.quorumRound >= read.confirmRound;
  }

  /** Moves the acknowledgement point as far as the ack mode allows and releases what waited for it. */
  advanceCommit(): void {
    if (this.closed || !this.leaseWaitOver) return;
    const { replica } = this.node;
    const acked = ackedOffset({
      mode: this.ackMode(),
      leaderDurableOffset: replica.durableOffset,
      followerMatchOffsets: this.shipping.matchOffsets(),
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

  /** With a standby the level decides: a synced hot standby acknowledges every write, others none. */
  private ackMode(): AckMode {
    const standby = this.node.config.standby;
    if (standby === null) return this.node.config.acks;
    return standby.level === 'hot' && this.standbySynced ? 'sync' : 'async';
  }

  /**
   * Hot standby: once it holds everything this leader has, count it from now on
   * (durably first: from then on only the standby may promote itself).
   */
  private checkStandbySynced(): void {
    const { config, replica, ctx } = this.node;
    if (config.standby?.level !== 'hot' || this.standbySynced) return;
    const offset = Math.min(...this.shipping.matchOffsets());
    if (offset < replica.log.lastOffset) return;
    try {
      replica.persistStandbySynced(this.epoch);
    } catch (error) {
      if (!(error instanceof DiskFullError)) throw error;
      return; // tried again on the next reply
    }
    this.standbySynced = true;
    ctx.trace('standby-synced', { epoch: this.epoch, offset });
  }

  /**
   * True when followers count in the heartbeat quorum: always without a standby;
   * with one, only a hot standby once synced. Any other standby cannot have taken
   * over behind this leader's back, so the leader alone is the quorum.
   */
  private countsFollowers(): boolean {
    const standby = this.node.config.standby;
    return standby === null || (standby.level === 'hot' && this.standbySynced);
  }

  private refreshQuorum(): void {
    const rounds = this.countsFollowers() ? this.shipping.ackedRounds() : [];
    if (this.rounds.refresh(rounds, rounds.length + 1)) this.serveReads();
  }
}
