import type { SimNode } from '../../sim/node.js';
import type { ReplicaState, StoreDefinition } from '../definition.js';
import { mergedVector } from './key-versions.js';
import type { MultiLeaderConfigInput } from './config.js';
import { sealReplies } from './checksums.js';
import { sealingContext } from '../shared/sealing-context.js';
import { multiLeaderByzantine } from './byzantine.js';
import { FollowerNode } from './follower-node.js';
import { LeaderNode } from './leader-node.js';
import type { MultiLeaderMessage } from './messages.js';
import { replicaValues, type ConflictPolicy } from './resolve.js';
import { Topology } from './topology.js';
import { validateMultiLeaderConfig } from './validate-config.js';

/**
 * The multi-leader store: groups (datacenters), each with one leader taking writes
 * and followers copying it; leaders exchange their writes asynchronously and
 * resolve concurrent ones by the configured policy. Validates the config first
 * (fields left out take their defaults) and throws a ConfigError for a bad one.
 *
 * Clients should talk to their own group's leader: the entry points are the
 * leaders, in group order. Leaders are fixed (the first node of each group; there
 * is no failover inside a group): while a leader is down its group takes no
 * writes, and its followers keep serving reads only with `readFrom: 'any'`.
 *
 * @example
 * const store = multiLeaderStore({ conflictResolution: 'siblings' });
 * for (const id of store.nodeIds) world.addNode(id, store.factory, { kind: 'store' });
 * store.entryPoints; // ['dc1-n1', 'dc2-n1']
 */
export function multiLeaderStore(input: MultiLeaderConfigInput = {}): StoreDefinition<MultiLeaderMessage> {
  const config = validateMultiLeaderConfig(input);
  const topology = new Topology(config);
  return {
    nodeIds: topology.nodeIds,
    factory: (plain) => {
      // With checksums, every client reply leaves summed.
      const ctx = config.checksums ? sealingContext(plain, sealReplies) : plain;
      return topology.isLeader(ctx.id) ? new LeaderNode(ctx, config, topology) : new FollowerNode(ctx, config, topology);
    },
    entryPoints: topology.leaders,
    replicaState: (node) => multiLeaderReplicaState(node, config.conflictResolution),
    // Leaders are static: every group's first node, while it is up.
    currentLeaders: (node) => topology.leaders.filter((id) => node(id) !== undefined),
    groups: topology.groups.map((group) => [...group.nodes]),
    byzantine: multiLeaderByzantine(topology),
  };
}

/**
 * A live node's data, by key (sorted): the values it shows (sorted siblings under
 * `siblings`, else the one resolved value) and the version vector covering every
 * version it holds for the key.
 *
 * @example
 * multiLeaderReplicaState(world.node('dc1-n1')!, 'lww'); // { x: { values: [2], version: { 'dc1-n1': 2 } } }
 */
export function multiLeaderReplicaState(node: SimNode<MultiLeaderMessage>, policy: ConflictPolicy): ReplicaState {
  if (!(node instanceof LeaderNode || node instanceof FollowerNode)) {
    throw new Error('not a multi-leader store node');
  }
  const state: ReplicaState = {};
  for (const key of [...node.replica.keys.keys()].sort()) {
    const versions = node.replica.versions(key);
    state[key] = { values: replicaValues(versions, policy), version: mergedVector(versions) };
  }
  return state;
}
