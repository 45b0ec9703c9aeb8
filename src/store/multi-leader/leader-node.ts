import type { SimNode } from '../../sim/node.js';
import type { StoreNodeContext } from '../trace-events.js';
import type { ClientReply, ClientRequest } from '../protocol.js';
import type { MultiLeaderConfig } from './config.js';
import { Forwarder } from './forwarder.js';
import { shipToFollowers } from './group-replication.js';
import type { MultiLeaderMessage } from './messages.js';
import { acceptShipment, shipToPeers } from './peer-replication.js';
import { EntryRefetch } from './refetch.js';
import { Replica } from './replica.js';
import { keyOf, replyTo, serveRead, serveWrite } from './requests.js';
import type { Topology } from './topology.js';
import { WRITE_VERBS } from './verbs.js';

const REPLICATE_TIMER = 'replicate';

/**
 * A group's leader. It accepts writes from clients (or forwards them to the key's
 * home leader under home routing), serves reads from its own copy, replicates its
 * group log to its followers, and exchanges its own writes with the other leaders.
 * Everything it acknowledges is fsynced first; a restart rebuilds it from disk.
 *
 * @example
 * const node = new LeaderNode(ctx, config, new Topology(config));
 * node.start();
 */
export class LeaderNode implements SimNode<MultiLeaderMessage> {
  readonly replica: Replica;
  private readonly forwarder: Forwarder;
  private readonly followers: readonly string[];
  private readonly peers: readonly string[];
  /** Per follower, the log offset it last reported holding. */
  private readonly followerAcked = new Map<string, number>();
  private readonly refetch: EntryRefetch;

  constructor(
    private readonly ctx: StoreNodeContext<MultiLeaderMessage>,
    private readonly config: MultiLeaderConfig,
    private readonly topology: Topology,
  ) {
    this.replica = Replica.recover(ctx.id, ctx.disk, config.checksums);
    this.forwarder = new Forwarder(ctx, config.forwardTimeoutMs);
    this.followers = topology.groupOf(ctx.id).followers;
    this.peers = topology.peerLeaders(ctx.id);
    this.refetch = new EntryRefetch(ctx, this.replica, this.followers, config.replicationIntervalMs * 5);
  }

  start(): void {
    if (this.replica.log.length > 0) {
      this.ctx.trace('recovered', { entries: this.replica.log.length, ownWrites: this.replica.ownWrites.length });
    }
    this.ctx.setTimer(this.config.replicationIntervalMs, REPLICATE_TIMER);
    this.refetch.start();
  }

  onMessage(from: string, msg: MultiLeaderMessage): void {
    if (msg.kind === 'ml-fetch') return this.refetch.onFetch(from, msg);
    if (msg.kind === 'ml-fetched') return this.refetch.onFetched(from, msg);
    if (this.replica.recovering) return this.whileRecovering(from, msg);
    switch (msg.kind) {
      case 'client-request':
        this.onClientRequest(from, msg);
        return;
      case 'ml-forward': {
        // Executed here whatever the key: the sender already routed it, and
        // forwarding again could loop between leaders that disagree.
        const reply = this.serve(msg.request);
        this.ctx.send(from, { kind: 'ml-forward-reply', forwardId: msg.forwardId, reply });
        return;
      }
      case 'ml-forward-reply':
        this.forwarder.onReply(msg);
        return;
      case 'ml-ship': {
        const upTo = acceptShipment(this.ctx, this.replica, from, msg, this.config.conflictResolution);
        this.ctx.send(from, { kind: 'ml-ship-ack', upTo });
        return;
      }
      case 'ml-ship-ack':
        this.replica.recordPeerAck(from, msg.upTo, this.ctx.disk);
        return;
      case 'ml-log-ack':
        this.followerAcked.set(from, msg.upTo);
        return;
      default:
        return;
    }
  }

  onTimer(name: string): void {
    if (this.forwarder.onTimer(name) || this.refetch.onTimer(name)) return;
    if (name !== REPLICATE_TIMER) return;
    if (this.replica.recovering) return this.ctx.setTimer(this.config.replicationIntervalMs, REPLICATE_TIMER);
    const batch = this.config.replicationBatch;
    shipToFollowers(this.ctx, this.replica, this.followers, this.followerAcked, batch);
    shipToPeers(this.ctx, this.replica, this.peers, batch);
    this.ctx.setTimer(this.config.replicationIntervalMs, REPLICATE_TIMER);
  }

  /**
   * While rotten entries are missing, the log has a gap: nothing is served (a
   * refused write was not applied) and nothing from peers or followers is
   * taken (it is resent, unacknowledged, once the gap is filled).
   */
  private whileRecovering(from: string, msg: MultiLeaderMessage): void {
    if (msg.kind === 'client-request') this.ctx.send(from, replyTo(msg, 'fail', { error: 'recovering' }));
    else if (msg.kind === 'ml-forward') this.ctx.send(from, { kind: 'ml-forward-reply', forwardId: msg.forwardId, reply: replyTo(msg.request, 'fail', { error: 'recovering' }) });
  }

  private onClientRequest(client: string, request: ClientRequest): void {
    if (this.config.homeRouting && WRITE_VERBS.includes(request.f)) {
      const home = this.topology.homeLeader(keyOf(request));
      if (home !== this.ctx.id) {
        this.forwarder.forward(client, request, home);
        return;
      }
    }
    this.ctx.send(client, this.serve(request));
  }

  private serve(request: ClientRequest): ClientReply {
    const policy = this.config.conflictResolution;
    if (request.f === 'read') return serveRead(this.replica, request, policy);
    if (!WRITE_VERBS.includes(request.f)) return replyTo(request, 'fail', { error: 'unknown-verb' });
    return serveWrite(this.ctx, this.replica, request, policy);
  }
}
