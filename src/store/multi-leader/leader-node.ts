import type { SimNode } from '../../sim/node.js';
import type { StoreNodeContext } from '../trace-events.js';
import type { ClientReply, ClientRequest } from '../protocol.js';
import type { MultiLeaderConfig } from './config.js';
import { Forwarder } from './forwarder.js';
import { shipToFollowers } from './group-replication.js';
import type { MultiLeaderMessage } from './messages.js';
import { acceptShipment, shipToPeers } from './peer-replication.js';
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

  constructor(
    private readonly ctx: StoreNodeContext<MultiLeaderMessage>,
    private readonly config: MultiLeaderConfig,
    private readonly topology: Topology,
  ) {
    this.replica = Replica.recover(ctx.id, ctx.disk);
    this.forwarder = new Forwarder(ctx, config.forwardTimeoutMs);
    this.followers = topology.groupOf(ctx.id).followers;
    this.peers = topology.peerLeaders(ctx.id);
  }

  start(): void {
    if (this.replica.log.length > 0) {
      this.ctx.trace('recovered', { entries: this.replica.log.length, ownWrites: this.replica.ownWrites.length });
    }
    this.ctx.setTimer(this.config.replicationIntervalMs, REPLICATE_TIMER);
  }

  onMessage(from: string, msg: MultiLeaderMessage): void {
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
    if (this.forwarder.onTimer(name)) return;
    if (name !== REPLICATE_TIMER) return;
    const batch = this.config.replicationBatch;
    shipToFollowers(this.ctx, this.replica, this.followers, this.followerAcked, batch);
    shipToPeers(this.ctx, this.replica, this.peers, batch);
    this.ctx.setTimer(this.config.replicationIntervalMs, REPLICATE_TIMER);
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
