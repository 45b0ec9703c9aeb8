import type { OutboundTamper } from '../sim/host.js';
import type { NodeFactory, SimNode } from '../sim/node.js';

/**
 * The verbs every store mode serves (values in parentheses):
 * read, write (v), cas ([expected, new]), append (string, concatenated),
 * incr (number, added to a counter), sadd (element, added to a set kept sorted).
 */
export const STORE_VERBS = ['read', 'write', 'cas', 'append', 'incr', 'sadd'] as const;
/** One of {@link STORE_VERBS}. */
export type StoreVerb = (typeof STORE_VERBS)[number];

/** One replica's copy of one key: normally one value; siblings when conflicts are kept. */
export interface ReplicaValue {
  values: unknown[];
  /** Mode-specific version (epoch/offset, timestamp, version vector), as JSON data. */
  version?: unknown;
}

/** A replica's whole visible state, by key, for convergence checks. */
export type ReplicaState = Record<string, ReplicaValue>;

/**
 * What a store mode hands the simulator: which nodes exist, how to build each one
 * (also after a restart, from its disk), where clients should start, and how to
 * read a live node's final state.
 *
 * @example
 * const store = singleLeaderStore(config);
 * for (const id of store.nodeIds) world.addNode(id, store.factory);
 */
export interface StoreDefinition<M = unknown> {
  nodeIds: readonly string[];
  factory: NodeFactory<M>;
  /** The nodes a client contacts first (it follows redirects from there). */
  entryPoints: readonly string[];
  replicaState(node: SimNode<M>): ReplicaState;
  /**
   * Optional: the nodes that act as leader right now, most recent first, given a
   * lookup of live nodes (undefined while down). A nemesis uses it to aim at
   * "the leader" when a fault starts. `[]` when the mode has no leader.
   *
   * @example
   * store.currentLeaders?.((id) => world.node(id)); // ['n2']
   */
  currentLeaders?(node: (id: string) => SimNode<M> | undefined): string[];
  /**
   * Optional: the node groups (datacenters), in order, for faults that cut off a
   * whole group. Absent when the mode has a single group.
   *
   * @example
   * multiLeaderStore({}).groups; // [['dc1-n1', 'dc1-n2'], ['dc2-n1', 'dc2-n2']]
   */
  groups?: readonly (readonly string[])[];
  /**
   * Optional: nodes the store relies on that are not store nodes (an object
   * store for snapshots). They run in the world beside the store nodes, but
   * faults aimed at store nodes and the final replica states leave them out.
   *
   * @example
   * singleLeaderStore({ nodes: 1, standby: { level: 'cold' } }).services?.map((s) => s.id); // ['os']
   */
  services?: readonly StoreService[];
  /**
   * Optional: how this store's nodes misbehave when a byzantine fault hits
   * them. A behaviour left out cannot be acted out by this store (the fault is
   * then reported as not applicable).
   *
   * @example
   * store.byzantine?.tamper['lie-read'] !== undefined; // true for stores that serve reads from replicas
   */
  byzantine?: ByzantineHooks<M>;
}

/**
 * A node a store relies on that is not one of its own (see {@link StoreDefinition.services}).
 */
export interface StoreService {
  id: string;
  // Its messages are its own protocol, not the store's.
  factory: NodeFactory<never>;
}

/**
 * The byzantine fault kinds a node acts out by rewriting what it sends.
 */
export type ByzantineBehaviour = 'corrupt-message' | 'equivocate' | 'forge-epoch' | 'replay-old' | 'lie-read';

/**
 * What a store's tamper may look at: the byzantine node's id, its live object
 * (its log, its epoch; undefined while down) and the simulation's generator.
 */
export interface ByzantineTools<M> {
  self: string;
  node(): SimNode<M> | undefined;
  random(): number;
}

/**
 * A store's byzantine behaviours: for each, a builder of the tamper that
 * rewrites one node's outgoing messages (fresh state per fault), and how its
 * durable records rot at rest.
 *
 * @example
 * const hooks: ByzantineHooks<Msg> = { tamper: { 'replay-old': () => (to, msg) => [msg, msg] } };
 */
export interface ByzantineHooks<M> {
  tamper: Partial<Record<ByzantineBehaviour, (tools: ByzantineTools<M>) => OutboundTamper>>;
  /** Bit rot: the durable records as they read after rotting (copies; alter them freely). */
  rot?(records: unknown[], random: () => number): unknown[];
  /**
   * The behaviours this store's design leaves nothing to act on, each with why
   * (a leader's fault in a store without leaders): a schedule naming one is
   * refused, and generated schedules leave it out.
   */
  inapplicable?: Partial<Record<ByzantineBehaviour, string>>;
}

/**
 * Why a byzantine fault kind cannot be acted out by a store, or undefined
 * when it can: the store's own reason, else that its nodes do not act it out.
 *
 * @example
 * byzantineIdleReason(leaderlessStore({}).byzantine, 'equivocate'); // 'there is no leader to send two versions of one entry'
 */
export function byzantineIdleReason(hooks: ByzantineHooks<unknown> | undefined, kind: ByzantineBehaviour | 'corrupt-disk'): string | undefined {
  if (kind === 'corrupt-disk') return hooks?.rot === undefined ? 'its nodes do not act it out' : undefined;
  if (hooks?.tamper[kind] !== undefined) return undefined;
  return hooks?.inapplicable?.[kind] ?? 'its nodes do not act it out';
}
