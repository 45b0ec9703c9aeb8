import type { SimNode } from '../../sim/node.js';
import type { StoreNodeContext } from '../trace-events.js';
import type { MultiLeaderConfig } from './config.js';
import { acceptLog } from './group-replication.js';
import type { MultiLeaderMessage } from './messages.js';
import { EntryRefetch } from './refetch.js';
import { Replica } from './replica.js';
import { replyTo, serveRead } from './requests.js';
import type { Topology } from './topology.js';

/**
 * A follower in a group: it copies its leader's log, in offset order, fsyncing
 * before acknowledging. It never accepts writes (it redirects them to its leader);
 * it serves reads from its own copy only when `readFrom` is `any`, so those reads
 * may be stale.
 *
 * @example
 * const node = new FollowerNode(ctx, config, new Topology(config));
 */
export class FollowerNode implements SimNode<MultiLeaderMessage> {
  readonly replica: Replica;
  private readonly leader: string;
  private readonly refetch: EntryRefetch;

  constructor(
    private readonly ctx: StoreNodeContext<MultiLeaderMessage>,
    private readonly config: MultiLeaderConfig,
    topology: Topology,
  ) {
    this.replica = Replica.recover(ctx.id, ctx.disk, config.checksums);
    this.leader = topology.groupOf(ctx.id).leader;
    this.refetch = new EntryRefetch(ctx, this.replica, [this.leader], config.replicationIntervalMs * 5);
  }

  start(): void {
    if (this.replica.log.length > 0) this.ctx.trace('recovered', { entries: this.replica.log.length });
    this.refetch.start();
  }

  onMessage(from: string, msg: MultiLeaderMessage): void {
    if (msg.kind === 'ml-fetch') return this.refetch.onFetch(from, msg);
    if (msg.kind === 'ml-fetched') return this.refetch.onFetched(from, msg);
    if (this.replica.recovering) {
      // A gap in the log: nothing served, nothing taken from the leader until it is filled.
      if (msg.kind === 'client-request') this.ctx.send(from, replyTo(msg, 'fail', { error: 'recovering' }));
      return;
    }
    if (msg.kind === 'client-request') {
      const servesRead = msg.f === 'read' && this.config.readFrom === 'any';
      const reply = servesRead
        ? serveRead(this.replica, msg, this.config.conflictResolution)
        : replyTo(msg, 'redirect', { leader: this.leader });
      this.ctx.send(from, reply);
      return;
    }
    // Only the group's own leader may extend this log.
    if (msg.kind === 'ml-log' && from === this.leader) {
      const upTo = acceptLog(this.ctx, this.replica, msg);
      this.ctx.send(from, { kind: 'ml-log-ack', upTo });
    }
  }

  onTimer(name: string): void {
    // Otherwise passive: the leader drives replication.
    this.refetch.onTimer(name);
  }
}
