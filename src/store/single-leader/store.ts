import { KeyRing } from '../shared/integrity.js';
import { singleLeaderByzantine } from './byzantine.js';
import type { SimNode } from '../../sim/node.js';
import type { StoreDefinition } from '../definition.js';
import { NO_MUTATIONS, type MutationSwitches } from '../mutation-switches.js';
import { objectStoreNode, ObjectStoreStats } from '../../sim/object-store.js';
import type { StoreService } from '../definition.js';
import { SNAPSHOT_STORE_ID, singleLeaderNodeIds, type StandbyConfig } from './config.js';
import type { SingleLeaderMessage } from './messages.js';
import { SingleLeaderNode } from './node.js';
import { validateSingleLeaderConfig, type SingleLeaderConfigInput } from './validate-config.js';

/**
 * The single-leader store: nodes n1..nN, one leader at a time elected by epoch, a
 * replication log shipped as WAL records, statements or rows, and the ack, read,
 * fencing and fsync rules the config chooses. Throws a ConfigError for a bad config.
 * Clients may start at any node: followers redirect to the leader. `mutations`
 * switches on deliberate bugs (src/store/mutations.ts); none by default.
 *
 * @example
 * const store = singleLeaderStore({ acks: 'majority', reads: 'leader' });
 * for (const id of store.nodeIds) world.addNode(id, store.factory, { kind: 'store' });
 * world.runUntil(1_000);
 * store.replicaState(world.node('n1')!); // { x: { values: [1], version: { epoch: 1, offset: 2 } } }
 */
export function singleLeaderStore(
  config: SingleLeaderConfigInput = {},
  mutations: MutationSwitches = NO_MUTATIONS,
): StoreDefinition<SingleLeaderMessage> {
  const resolved = validateSingleLeaderConfig(config);
  const nodeIds = singleLeaderNodeIds(resolved);
  // One ring per store, so per run: every node checks signatures against the same keys.
  const keys = new KeyRing();
  return {
    nodeIds,
    factory: (ctx) => new SingleLeaderNode(ctx, resolved, mutations, keys),
    byzantine: singleLeaderByzantine(resolved),
    ...(resolved.standby?.level === 'cold' ? { services: [snapshotStore(resolved.standby)] } : {}),
    entryPoints: nodeIds,
    replicaState: (node) => (node as SingleLeaderNode).replica.table.snapshot(),
    currentLeaders: (node) => leadersNow(nodeIds, node),
  };
}

/** The object store a cold standby's primary puts its snapshots on. */
function snapshotStore(standby: StandbyConfig): StoreService {
  return { id: SNAPSHOT_STORE_ID, factory: objectStoreNode(standby.objectStore, new ObjectStoreStats()) as StoreService['factory'] };
}

/**
 * The live nodes that act as leader, highest epoch first (ties: node order).
 * More than one only while a deposed leader has not yet heard of its successor.
 *
 * @example
 * leadersNow(['n1', 'n2', 'n3'], (id) => world.node(id)); // ['n2']
 */
export function leadersNow(nodeIds: readonly string[], node: (id: string) => SimNode<SingleLeaderMessage> | undefined): string[] {
  const leaders: { id: string; epoch: number }[] = [];
  for (const id of nodeIds) {
    const live = node(id) as SingleLeaderNode | undefined;
    if (live?.role === 'leader') leaders.push({ id, epoch: live.replica.epoch });
  }
  return leaders.sort((a, b) => b.epoch - a.epoch).map((leader) => leader.id);
}
