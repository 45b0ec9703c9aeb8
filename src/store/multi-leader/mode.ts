import type { ModeDefinition, StoreConfigOf } from '../mode-definition.js';
import { multiLeaderConfigArb } from './arbitrary.js';
import { defaultMultiLeaderConfig, type MultiLeaderConfig } from './config.js';
import { multiLeaderStore } from './store.js';
import { Topology } from './topology.js';
import { validateMultiLeaderConfig } from './validate-config.js';

/**
 * The multi-leader mode, as the registry of modes (src/store/modes.ts) holds it.
 * It has no deliberate bugs.
 *
 * @example
 * multiLeaderMode.topology!(multiLeaderMode.defaults()).groups; // [['dc1-n1', 'dc1-n2'], ['dc2-n1', 'dc2-n2']]
 */
export const multiLeaderMode: ModeDefinition<MultiLeaderConfig, 'multi-leader', 'multiLeader', never> = {
  name: 'multi-leader',
  field: 'multiLeader',
  defaults: defaultMultiLeaderConfig,
  validate: validateMultiLeaderConfig,
  create: (settings) => multiLeaderStore(settings),
  arbitrary: (bounds) => multiLeaderConfigArb(bounds.maxGroups, bounds.maxNodesPerGroup),
  smaller: smallerMultiLeader,
  topology(settings) {
    const topology = new Topology(settings);
    return { nodeIds: [...topology.nodeIds], groups: topology.groups.map((group) => [...group.nodes]) };
  },
};

/** A multi-leader store config: `{ mode: 'multi-leader', multiLeader: {...} }`. */
export type MultiLeaderStoreConfig = StoreConfigOf<typeof multiLeaderMode>;

/** A group's last follower left out (last group first), then the last group. */
function* smallerMultiLeader(settings: MultiLeaderConfig): Generator<MultiLeaderConfig> {
  const { groups } = settings;
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g]!;
    const size = Array.isArray(group.nodes) ? group.nodes.length : group.nodes;
    if (size <= 1) continue;
    const nodes = Array.isArray(group.nodes) ? group.nodes.slice(0, -1) : size - 1;
    yield { ...settings, groups: groups.map((each, i) => (i === g ? { ...each, nodes } : each)) };
  }
  if (groups.length > 1) yield { ...settings, groups: groups.slice(0, -1) };
}
