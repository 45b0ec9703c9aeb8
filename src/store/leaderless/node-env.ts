/**
 * What every part of a leaderless node shares: its context, configuration,
 * ring, durable storage, and its (volatile) view of which peers seem down.
 *
 * @example
 * const env = new NodeEnv(ctx, config, new HashRing(nodeIds, config.vnodes));
 * env.owners('x');     // the key's preference list
 */
import type { StoreNodeContext } from '../trace-events.js';
import { NO_MUTATIONS, type MutationSwitches } from '../mutation-switches.js';
import type { HashRing } from '../shared/hash-ring.js';
import type { LeaderlessConfig } from './config.js';
import type { LeaderlessMessage } from './messages.js';
import { ReplicaStore } from './replica-store.js';
import { Membership } from './membership.js';

/** Preference lists a node keeps computed. */
const OWNERS_CACHED = 4096;

/**
 * The state and services the parts of one node share.
 *
 * @example
 * const env = new NodeEnv(ctx, config, ring);
 * env.fallbacks('k'); // where hinted writes for 'k' go
 */
export class NodeEnv {
  readonly store: ReplicaStore;
  /** Peers that recently failed to answer in time; cleared by any message from them. */
  private readonly suspects = new Set<string>();
  /** Random per incarnation, so ids made after a restart never collide with older ones in flight. */
  private readonly incarnation: string;
  private idCounter = 0;
  private readonly ownersByKey = new Map<string, readonly string[]>();
  private ownersGeneration = 0;
  /** Which spares hold which failed members' tokens, as far as this node knows. */
  readonly members = new Membership();
  /**
   * False while this node must not answer replica reads: a spare before it has
   * taken anything over, and while the data of the ranges it took is still coming.
   */
  serving: boolean;

  constructor(
    readonly ctx: StoreNodeContext<LeaderlessMessage>,
    readonly config: LeaderlessConfig,
    readonly ring: HashRing,
    /** Deliberate bugs switched on (src/store/mutations.ts); none by default. */
    readonly mutations: MutationSwitches = NO_MUTATIONS,
  ) {
    this.store = new ReplicaStore(ctx.disk, () => ctx.now(), {
      hintsSurviveRestart: !mutations.on('hints-dropped-on-restart'),
      checksums: config.checksums,
    });
    this.incarnation = Math.floor(ctx.random() * 0x100000000).toString(36);
    this.serving = ring.nodeIds.includes(ctx.id);
  }

  /** Whether this node is a spare (not on the ring it was built with). */
  get isSpare(): boolean {
    return !this.ring.nodeIds.includes(this.ctx.id);
  }

  get id(): string {
    return this.ctx.id;
  }

  /** A fresh id, unique across this node's restarts; it ends in `.<n>`, n growing with each id (OpTable relies on it). */
  newId(): string {
    return `${this.ctx.id}.${this.incarnation}.${++this.idCounter}`;
  }

  /** The key's preference list: its N replicas (shared: never to be modified). */
  owners(key: string): readonly string[] {
    if (this.ownersGeneration !== this.members.generation) {
      // A takeover changed who holds some tokens: every cached list may be stale.
      this.ownersByKey.clear();
      this.ownersGeneration = this.members.generation;
    }
    let owners = this.ownersByKey.get(key);
    if (owners === undefined) {
      // Every request asks, so lists are kept; a bound keeps a huge key space from filling memory.
      if (this.ownersByKey.size >= OWNERS_CACHED) this.ownersByKey.clear();
      // Not frozen: loops over frozen arrays leave V8's fast path. The type keeps them read-only.
      owners = this.ring.preferenceList(key, this.config.n).map((member) => this.members.resolve(member));
      this.ownersByKey.set(key, owners);
    }
    return owners;
  }

  /** The nodes after the preference list, in ring order: where hinted writes go. */
  fallbacks(key: string): string[] {
    return this.ring.walk(key).slice(this.config.n).map((member) => this.members.resolve(member));
  }

  isSuspected(peer: string): boolean {
    return this.suspects.has(peer);
  }

  suspect(peer: string): void {
    if (peer === this.id || this.suspects.has(peer)) return;
    this.suspects.add(peer);
    this.ctx.trace('suspect', { peer });
  }

  /** Any message from a peer proves it is reachable again. */
  heardFrom(peer: string): void {
    // Called for every message: skip the lookup while nobody is suspected, the usual case.
    if (this.suspects.size > 0) this.suspects.delete(peer);
  }
}
