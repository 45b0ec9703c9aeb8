import type { StoreDefinition } from '../definition.js';
import { singleLeaderNodeIds } from './config.js';
import type { SingleLeaderMessage } from './messages.js';
import { SingleLeaderNode } from './node.js';
import { validateSingleLeaderConfig, type SingleLeaderConfigInput } from './validate-config.js';

/**
 * The single-leader store: nodes n1..nN, one leader at a time elected by epoch, a
 * replication log shipped as WAL records, statements or rows, and the ack, read,
 * fencing and fsync rules the config chooses. Throws a ConfigError for a bad config.
 * Clients may start at any node: followers redirect to the leader.
 *
 * @example
 * const store = singleLeaderStore({ acks: 'majority', reads: 'leader' });
 * for (const id of store.nodeIds) world.addNode(id, store.factory, { kind: 'store' });
 * world.runUntil(1_000);
 * store.replicaState(world.node('n1')!); // { x: { values: [1], version: { epoch: 1, offset: 2 } } }
 */
export function singleLeaderStore(config: SingleLeaderConfigInput = {}): StoreDefinition<SingleLeaderMessage> {
  const resolved = validateSingleLeaderConfig(config);
  const nodeIds = singleLeaderNodeIds(resolved);
  return {
    nodeIds,
    factory: (ctx) => new SingleLeaderNode(ctx, resolved),
    entryPoints: nodeIds,
    replicaState: (node) => (node as SingleLeaderNode).replica.table.snapshot(),
  };
}
