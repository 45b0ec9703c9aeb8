/**
 * One node of the leaderless store: a replica of the keys the ring gives it, a
 * coordinator of the requests that reach it, a holder of hints for others, and
 * a partner in anti-entropy. Sans-IO: it only reacts to messages and timers.
 *
 * @example
 * const node = new LeaderlessNode(ctx, config, ring); // rebuilt from ctx.disk
 * node.start();
 */
import { copyJson } from '../../sim/json-copy.js';
import type { SimNode } from '../../sim/node.js';
import type { StoreNodeContext } from '../trace-events.js';
import type { ReplicaState } from '../definition.js';
import { NO_MUTATIONS, type MutationSwitches } from '../mutation-switches.js';
import type { HashRing } from '../shared/hash-ring.js';
import { ANTI_ENTROPY_TIMER, AntiEntropy } from './anti-entropy.js';
import type { LeaderlessConfig } from './config.js';
import { Coordinator } from './coordinator.js';
import { HINT_TIMER, HintDeliverer } from './hint-delivery.js';
import { replicaValue } from './key-view.js';
import type { LeaderlessMessage } from './messages.js';
import { NodeEnv } from './node-env.js';
import { ReplicaHandler } from './replica-handler.js';
import { REFETCH_TIMER, KeyRefetch } from './refetch.js';
import { RequestRouter } from './request-router.js';
import { intactSeal, sealMessage } from './seals.js';
import { sealingContext } from '../shared/sealing-context.js';
import { SPARE_TIMER, SpareRole } from './spares.js';

/**
 * A leaderless store node (see the file's description).
 *
 * @example
 * world.addNode('n1', (ctx) => new LeaderlessNode(ctx, config, ring), { kind: 'store' });
 */
export class LeaderlessNode implements SimNode<LeaderlessMessage> {
  /**
   * Key states are values here: merging returns one of its inputs or a fresh
   * state, and nothing writes to a message, a stored state or a disk record once
   * made. So messages and records need no copy (the test suite checks this with
   * frozen data). States leave the node only as copies (see replicaState).
   */
  readonly immutableData = true;
  private readonly env: NodeEnv;
  private readonly replica: ReplicaHandler;
  private readonly hints: HintDeliverer;
  private readonly coordinator: Coordinator;
  private readonly router: RequestRouter;
  private readonly antiEntropy: AntiEntropy;
  private readonly refetch: KeyRefetch;
  private readonly spares: SpareRole;

  constructor(ctx: StoreNodeContext<LeaderlessMessage>, config: LeaderlessConfig, ring: HashRing, mutations: MutationSwitches = NO_MUTATIONS) {
    // With checksums, every part sends through a context that seals what leaves.
    this.env = new NodeEnv(config.checksums ? sealingContext(ctx, sealMessage) : ctx, config, ring, mutations);
    this.replica = new ReplicaHandler(this.env);
    this.hints = new HintDeliverer(this.env);
    this.coordinator = new Coordinator(this.env, this.replica, () => this.hints.ensureScheduled());
    this.router = new RequestRouter(this.env, this.coordinator);
    this.antiEntropy = new AntiEntropy(this.env);
    this.refetch = new KeyRefetch(this.env);
    this.spares = new SpareRole(this.env);
  }

  start(): void {
    this.hints.start();
    this.antiEntropy.start();
    this.refetch.start();
    this.spares.start();
  }

  onMessage(from: string, msg: LeaderlessMessage): void {
    if (this.env.config.checksums && !intactSeal(msg)) {
      // Altered on its way: never applied. The sender resends, or another replica answers.
      this.env.ctx.trace('corrupt-dropped', { where: 'message', kind: msg.kind, from });
      return;
    }
    this.env.heardFrom(from);
    this.spares.heardFrom(from);
    const { ctx } = this.env;
    switch (msg.kind) {
      case 'client-request':
        return this.router.onClientRequest(from, msg);
      case 'client-reply':
        return; // nodes never ask clients anything
      case 'forward':
        return this.router.onForward(from, msg);
      case 'forward-reply':
        return this.router.onForwardReply(msg);
      case 'replica-read': {
        const reply = this.replica.read(msg);
        if (reply !== undefined) ctx.send(from, reply);
        return;
      }
      case 'replica-read-reply':
        if (this.refetch.onReply(from, msg)) return;
        return this.coordinator.onReadReply(from, msg);
      case 'replica-write': {
        const reply = this.replica.write(msg);
        if (reply.ok && msg.hintFor !== undefined) this.hints.ensureScheduled();
        return ctx.send(from, reply);
      }
      case 'replica-write-reply':
        return this.coordinator.onWriteReply(from, msg);
      case 'repair':
        return this.replica.repair(msg);
      case 'hint-delivery':
        return ctx.send(from, { kind: 'hint-ack', ids: this.replica.acceptHints(msg) });
      case 'hint-ack':
        return this.hints.onAck(from, msg);
      case 'merkle-compare':
        return this.antiEntropy.onCompare(from, msg);
      case 'merkle-diff':
        return this.antiEntropy.onDiff(from, msg);
      case 'merkle-keys':
        return this.antiEntropy.onKeys(from, msg);
      case 'merkle-keys-reply':
        return this.antiEntropy.onKeysReply(from, msg);
      case 'spare-ping':
        return this.spares.onPing(from, msg);
      case 'spare-pong':
        return this.spares.onPong(msg);
      case 'transfer-request':
        return this.spares.onTransferRequest(from, msg);
      case 'transfer-data':
        return this.spares.onTransferData(from, msg);
    }
  }

  onTimer(name: string): void {
    if (name === HINT_TIMER) return this.hints.onTimer();
    if (name === ANTI_ENTROPY_TIMER) return this.antiEntropy.onTimer();
    if (name === REFETCH_TIMER) return this.refetch.onTimer();
    if (name === SPARE_TIMER) return this.spares.onTimer();
    if (this.coordinator.onTimer(name)) return;
    this.router.onTimer(name);
  }

  /**
   * Every key this node replicates (hints excluded: they belong to other owners),
   * as a copy: the node's states may be shared with other nodes and its disk.
   */
  replicaState(): ReplicaState {
    const state: ReplicaState = {};
    for (const key of this.env.store.keys()) state[key] = copyJson(replicaValue(this.env.store.get(key)!));
    return state;
  }
}
