import { KeyRing } from '../shared/integrity.js';
import type { EpochCertificate } from './messages.js';
import { DiskFullError, type SimNode } from '../../sim/node.js';
import type { StoreNodeContext } from '../trace-events.js';
import { NO_MUTATIONS, type MutationSwitches } from '../mutation-switches.js';
import { replyChecksum, type ClientReply } from '../protocol.js';
import type { Suspicion } from '../shared/heartbeat-detector.js';
import { CdcPublisher } from './cdc.js';
import { handleClientRequest } from './client-requests.js';
import { singleLeaderNodeIds, type SingleLeaderConfig } from './config.js';
import { Durability, FSYNC_TIMER } from './durability.js';
import { handleVoteReply, handleVoteRequest, onElectionTimer, standForElection, type Candidacy } from './election.js';
import { createLeaderWatch, type LeaderWatch } from './failure-detector.js';
import { handleAppend } from './follower-append.js';
import { LeaderTerm } from './leader-term.js';
import type { SingleLeaderMessage, SnapshotMessage } from './messages.js';
import { Replica } from './replica.js';
import { onSwitchoverTimeout, SWITCHOVER_TIMER, type PendingSwitchover } from './switchover.js';
import { REQUEST_TIMER_PREFIX, type ReplyBody } from './write-waiters.js';
import { APPLY_TIMER, mayPromote, onApplyTimer, onPromoteTimer, onSnapshotMessage, promote, PROMOTE_TIMER, type Promotion } from './standby.js';

/**
 * A node's part in the cluster right now.
 *
 * @example
 * if (node.role === 'leader') console.log(node.term!.commitOffset);
 */
export type Role = 'follower' | 'candidate' | 'leader';

/** Timer names (besides the fsync, switchover and per-request timers). */
export const HEARTBEAT_TIMER = 'heartbeat';
export const FAILURE_CHECK_TIMER = 'fd-check';
export const ELECTION_TIMER = 'election';
export const LEASE_WAIT_TIMER = 'lease-wait';
export const SHIP_TIMER = 'standby-ship';
export const SNAPSHOT_TIMER = 'snapshot';

/**
 * One node of the single-leader store. It is a follower, a candidate or the leader;
 * the leader's per-epoch state lives in {@link LeaderTerm}, elections in election.ts,
 * the follower side of replication in follower-append.ts, client requests in
 * client-requests.ts. This class holds what they share and the role changes.
 *
 * On a brand-new cluster, the first node stands for election at once, so a run
 * starts with n1 leading (after one round of votes).
 *
 * @example
 * const node = new SingleLeaderNode(ctx, validateSingleLeaderConfig({ acks: 'majority' }));
 * node.start();
 */
export class SingleLeaderNode implements SimNode<SingleLeaderMessage> {
  readonly replica: Replica;
  readonly durability: Durability;
  readonly cdc: CdcPublisher;
  /** The other store nodes, from the config (clients and CDC consumers are not peers). */
  readonly peers: readonly string[];
  role: Role = 'follower';
  leaderId: string | undefined;
  /** Follower: how far the leader said entries are acknowledged (never past what matched here). */
  knownCommitOffset = 0;
  watch: LeaderWatch;
  lastSuspicion: Suspicion = 'trusted';
  term: LeaderTerm | undefined;
  candidacy: Candidacy | undefined;
  electionArmed = false;
  switchover: PendingSwitchover | undefined;
  /** With authenticated epochs: the certificate of the election this node won last (sent with its appends). */
  certificate: EpochCertificate | undefined;
  /** Certificates already checked (as JSON), so each is verified once. */
  readonly provenEpochs = new Set<string>();
  /** With a standby: the promotion this node is preparing, if any. */
  promotion: Promotion | undefined;
  /** Numbers this node's object store requests. */
  private requests = 0;

  constructor(
    readonly ctx: StoreNodeContext<SingleLeaderMessage>,
    readonly config: SingleLeaderConfig,
    /** Deliberate bugs switched on (src/store/mutations.ts); none by default. */
    readonly mutations: MutationSwitches = NO_MUTATIONS,
    /** The cluster's signing keys (authenticated epochs). */
    private readonly keys: KeyRing = new KeyRing(),
  ) {
    this.replica = new Replica(ctx as StoreNodeContext<unknown>, config.checksums);
    this.durability = new Durability(ctx as StoreNodeContext<unknown>, config.fsync, config.fsyncIntervalMs, () => this.replica.markDurable());
    this.peers = singleLeaderNodeIds(config).filter((id) => id !== ctx.id);
    this.watch = createLeaderWatch(config.failureDetector, config.heartbeatIntervalMs, ctx.now(), config.standby !== null);
    this.cdc = new CdcPublisher(this);
  }

  start(): void {
    const rot = this.replica.rotFound;
    if (rot !== undefined) {
      this.ctx.trace('checksum-mismatch', { where: 'disk', offset: rot.offset });
      this.ctx.trace('rot-recovery', { keptThrough: rot.keptThrough, lostThrough: rot.lostThrough });
    }
    this.ctx.setTimer(this.failureCheckPeriodMs, FAILURE_CHECK_TIMER);
    const standby = this.config.standby;
    if (standby?.level === 'warm') this.ctx.setTimer(standby.applyIntervalMs, APPLY_TIMER);
    if (this.replica.isPristine && this.ctx.id === singleLeaderNodeIds(this.config)[0]) {
      if (standby !== null) return promote(this, true);
      standForElection(this, false);
    }
  }

  onMessage(from: string, msg: SingleLeaderMessage | SnapshotMessage): void {
    if ('t' in msg) return onSnapshotMessage(this, msg);
    switch (msg.kind) {
      case 'client-request': return handleClientRequest(this, from, msg);
      case 'append': return handleAppend(this, from, msg);
      case 'append-reply':
        if (msg.epoch > this.replica.epoch) return this.adoptEpoch(msg.epoch, 'higher-epoch-reply');
        return this.term?.onAppendReply(from, msg);
      case 'vote-request': return handleVoteRequest(this, from, msg);
      case 'vote-reply': return handleVoteReply(this, from, msg);
      case 'timeout-now':
        if (msg.epoch === this.replica.epoch && this.role === 'follower') standForElection(this, true);
        return;
      case 'cdc-subscribe': return this.cdc.subscribe(from, msg.fromOffset);
      default: return; // replies and CDC messages are for clients, not nodes
    }
  }

  onTimer(name: string): void {
    if (name === HEARTBEAT_TIMER) return this.term?.onHeartbeatTimer();
    if (name === FAILURE_CHECK_TIMER) return this.checkLeader();
    if (name === ELECTION_TIMER) return onElectionTimer(this);
    if (name === FSYNC_TIMER) return this.durability.onTimer();
    if (name === LEASE_WAIT_TIMER) return this.term?.endLeaseWait();
    if (name === SWITCHOVER_TIMER) return onSwitchoverTimeout(this);
    if (name === PROMOTE_TIMER) return onPromoteTimer(this);
    if (name === APPLY_TIMER) return onApplyTimer(this);
    if (name === SHIP_TIMER) return this.term?.onShipTimer();
    if (name === SNAPSHOT_TIMER) return this.term?.onSnapshotTimer();
    if (name.startsWith(REQUEST_TIMER_PREFIX)) this.term?.expireRequest(name.slice(REQUEST_TIMER_PREFIX.length));
  }

  /** The signing key of a cluster node (the ring's secret is drawn on first use). */
  keyOf(node: string): string {
    return this.keys.keyOf(node, () => this.ctx.random());
  }

  /** A fresh number for an object store request. */
  nextRequest(): number {
    return ++this.requests;
  }

  /** Period of the follower's failure check: twice per heartbeat. */
  get failureCheckPeriodMs(): number {
    return Math.max(1, this.config.heartbeatIntervalMs / 2);
  }

  /** Sends a client reply. */
  reply(to: string, requestId: string, body: ReplyBody): void {
    const reply: ClientReply = { kind: 'client-reply', requestId, ...body };
    if (this.config.checksums) reply.sum = replyChecksum(reply);
    this.ctx.send(to, reply);
  }

  /** Moves to a higher epoch seen in a message; a leader or candidate steps down. */
  adoptEpoch(epoch: number, reason: string): void {
    if (epoch <= this.replica.epoch) return;
    try {
      this.replica.persistVote(epoch, null);
    } catch (error) {
      if (!(error instanceof DiskFullError)) throw error;
      // Still move on in memory: a stale leader must stop. Votes need the disk, so none is cast.
      this.replica.epoch = epoch;
      this.replica.votedFor = null;
      this.ctx.trace('disk-full', { while: 'persisting epoch', epoch });
    }
    if (this.role !== 'follower') this.becomeFollower(undefined, reason);
  }

  /** Becomes (or stays) a follower of `leader` (undefined: leader unknown). */
  becomeFollower(leader: string | undefined, reason: string): void {
    if (this.role === 'leader') {
      this.term?.close(leader);
      this.term = undefined;
      this.ctx.cancelTimer(HEARTBEAT_TIMER);
      this.ctx.cancelTimer(LEASE_WAIT_TIMER);
      this.ctx.cancelTimer(SHIP_TIMER);
      this.ctx.cancelTimer(SNAPSHOT_TIMER);
      this.ctx.trace('step-down', { epoch: this.replica.epoch, reason, newLeader: leader ?? null });
    }
    if (this.promotion !== undefined) {
      this.promotion = undefined;
      this.ctx.cancelTimer(PROMOTE_TIMER);
    }
    this.role = 'follower';
    this.candidacy = undefined;
    if (leader !== undefined) {
      this.ctx.cancelTimer(ELECTION_TIMER);
      this.electionArmed = false;
    }
    if (leader !== this.leaderId) {
      this.leaderId = leader;
      // A new leader has its own heartbeat rhythm: start its statistics afresh.
      this.watch = createLeaderWatch(this.config.failureDetector, this.config.heartbeatIntervalMs, this.ctx.now(), this.config.standby !== null);
      this.lastSuspicion = 'trusted';
    }
  }

  /** Takes office after winning the votes of a majority. */
  becomeLeader(votes: readonly string[]): void {
    this.role = 'leader';
    this.leaderId = this.ctx.id;
    this.candidacy = undefined;
    this.ctx.cancelTimer(ELECTION_TIMER);
    this.electionArmed = false;
    this.ctx.trace('election', { epoch: this.replica.epoch, leader: this.ctx.id, votes: [...votes], lastOffset: this.replica.log.lastOffset });
    try {
      this.term = new LeaderTerm(this);
    } catch (error) {
      if (!(error instanceof DiskFullError)) throw error;
      this.term = undefined;
      this.role = 'follower';
      this.leaderId = undefined;
      this.ctx.trace('step-down', { epoch: this.replica.epoch, reason: 'disk-full' });
      return;
    }
    this.term.begin();
  }

  /** The offset a follower serves reads and CDC at: acknowledged, and present here. */
  readableOffset(): number {
    if (this.term !== undefined) return this.term.commitOffset;
    return Math.min(this.knownCommitOffset, this.replica.log.lastOffset);
  }

  /** Follower side of failure detection: trace suspicion changes, arm an election when the leader is declared dead. */
  private checkLeader(): void {
    this.ctx.setTimer(this.failureCheckPeriodMs, FAILURE_CHECK_TIMER);
    if (this.role === 'leader') return;
    const status = this.watch.status(this.ctx.now());
    if (status !== this.lastSuspicion && this.leaderId !== undefined && status !== 'trusted') {
      this.ctx.trace(status === 'declared' ? 'declare-dead' : 'suspect', { leader: this.leaderId, epoch: this.replica.epoch });
    }
    this.lastSuspicion = status;
    const standby = this.config.standby;
    if (standby !== null && status === 'declared' && this.role === 'follower' && mayPromote(this)) {
      // A node sure to hold every acknowledged write takes over at once: no vote to win, its epochs are its own.
      return promote(this, false);
    }
    // Hot, without that certainty: it stands for election and needs the other node's vote.
    if (standby !== null && standby.level !== 'hot') return;
    if (status === 'declared' && !this.electionArmed) {
      this.electionArmed = true;
      this.ctx.setTimer(this.config.electionTimeoutMs * this.ctx.random(), ELECTION_TIMER);
    }
  }
}
