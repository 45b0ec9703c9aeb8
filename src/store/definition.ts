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
}
