import { leaderlessByzantine } from './byzantine.js';
/**
 * The leaderless store as the simulator sees it.
 *
 * @example
 * const store = leaderlessStore({ nodes: 5, n: 3, w: 2, r: 2, sloppyQuorum: true });
 * for (const id of store.nodeIds) world.addNode(id, store.factory, { kind: 'store' });
 */
import type { StoreNodeContext } from '../trace-events.js';
import type { StoreDefinition } from '../definition.js';
import { NO_MUTATIONS, type MutationSwitches } from '../mutation-switches.js';
import { HashRing } from '../shared/hash-ring.js';
import { leaderlessNodeIds, leaderlessSpareIds, type LeaderlessConfigInput } from './config.js';
import type { LeaderlessMessage } from './messages.js';
import { LeaderlessNode } from './node.js';
import { validateLeaderlessConfig } from './validate-config.js';

/**
 * Builds the store from its configuration (fields left out take their defaults;
 * an invalid configuration throws a ConfigError naming the field). Every node is
 * an entry point: any node accepts any request. `mutations` switches on
 * deliberate bugs (src/store/mutations.ts); none by default.
 *
 * @example
 * const store = leaderlessStore({ versioning: 'vv' });
 * store.nodeIds; // ['n1', 'n2', 'n3']
 */
export function leaderlessStore(input: LeaderlessConfigInput = {}, mutations: MutationSwitches = NO_MUTATIONS): StoreDefinition<LeaderlessMessage> {
  const config = validateLeaderlessConfig(input);
  const members = leaderlessNodeIds(config);
  // The ring is built over the members only: spares own no tokens until they take a failed member's over.
  const ring = new HashRing(members, config.vnodes);
  return {
    nodeIds: [...members, ...leaderlessSpareIds(config)],
    // Clients reach the members; a spare is reached through the ring once it holds a range.
    entryPoints: members,
    factory: (ctx: StoreNodeContext<LeaderlessMessage>) => new LeaderlessNode(ctx, config, ring, mutations),
    replicaState: (node) => (node as LeaderlessNode).replicaState(),
    // Any node coordinates: there is no leader to aim at.
    currentLeaders: () => [],
    byzantine: leaderlessByzantine(),
  };
}
