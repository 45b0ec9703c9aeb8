import type { StoreConfig } from '../../store/config.js';

/**
 * Smaller stores than `store`, one node fewer each: single-leader and
 * leaderless lose their last node (leaderless clamps N, W and R to fit, keeping
 * W and R as close to their old share as the new N allows); multi-leader loses
 * a group's last follower, or its last group. Candidates the store would
 * refuse are left to the caller's validation.
 */
export function* smallerStores(store: StoreConfig): Generator<StoreConfig> {
  switch (store.mode) {
    case 'single-leader': {
      const { nodes } = store.singleLeader;
      if (nodes > 1) yield { ...store, singleLeader: { ...store.singleLeader, nodes: nodes - 1 } };
      return;
    }
    case 'leaderless': {
      const config = store.leaderless;
      if (config.nodes <= 1) return;
      const nodes = config.nodes - 1;
      const n = Math.min(config.n, nodes);
      yield { ...store, leaderless: { ...config, nodes, n, w: Math.min(config.w, n), r: Math.min(config.r, n) } };
      return;
    }
    case 'multi-leader': {
      const groups = store.multiLeader.groups;
      for (let g = groups.length - 1; g >= 0; g--) {
        const group = groups[g]!;
        const size = Array.isArray(group.nodes) ? group.nodes.length : group.nodes;
        if (size <= 1) continue;
        const nodes = Array.isArray(group.nodes) ? group.nodes.slice(0, -1) : size - 1;
        const smaller = groups.map((each, i) => (i === g ? { ...each, nodes } : each));
        yield { ...store, multiLeader: { ...store.multiLeader, groups: smaller } };
      }
      if (groups.length > 1) yield { ...store, multiLeader: { ...store.multiLeader, groups: groups.slice(0, -1) } };
      return;
    }
  }
}
