import { createStore, type StoreConfig } from '../store/config.js';

/**
 * The node ids a store config creates, and its datacenter groups (multi-leader
 * only; other modes have none), for choosing fault targets.
 *
 * @example
 * storeTopology(defaultStoreConfig('multi-leader')).groups; // [['dc1-n1', 'dc1-n2'], ['dc2-n1', 'dc2-n2']]
 */
export function storeTopology(config: StoreConfig): { nodeIds: string[]; groups: string[][] } {
  const nodeIds = [...createStore(config).nodeIds];
  if (config.mode !== 'multi-leader') return { nodeIds, groups: [] };
  const groups = config.multiLeader.groups.map((group) =>
    Array.isArray(group.nodes) ? [...group.nodes] : Array.from({ length: group.nodes }, (_, i) => `${group.name}-n${i + 1}`),
  );
  return { nodeIds, groups };
}
