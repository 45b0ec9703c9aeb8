import type { ModeDefinition, StoreConfigOf } from '../mode-definition.js';
import { singleLeaderConfigArb } from './arbitrary.js';
import { defaultSingleLeaderConfig, singleLeaderNodeIds, type SingleLeaderConfig } from './config.js';
import { SINGLE_LEADER_MUTATIONS, type SingleLeaderMutationName } from './mutations.js';
import { singleLeaderStore } from './store.js';
import { validateSingleLeaderConfig } from './validate-config.js';

/**
 * The single-leader mode, as the registry of modes (src/store/modes.ts) holds it.
 *
 * @example
 * singleLeaderMode.topology!(singleLeaderMode.defaults()).nodeIds; // ['n1', 'n2', 'n3']
 */
export const singleLeaderMode: ModeDefinition<SingleLeaderConfig, 'single-leader', 'singleLeader', SingleLeaderMutationName> = {
  name: 'single-leader',
  field: 'singleLeader',
  defaults: defaultSingleLeaderConfig,
  validate: validateSingleLeaderConfig,
  create: (settings, mutations) => singleLeaderStore(settings, mutations),
  mutations: SINGLE_LEADER_MUTATIONS,
  arbitrary: (bounds) => singleLeaderConfigArb(bounds.maxNodes),
  // One node fewer: the last one goes (ids stay n1..nN).
  *smaller(settings) {
    if (settings.nodes > 1) yield { ...settings, nodes: settings.nodes - 1 };
  },
  topology: (settings) => ({ nodeIds: singleLeaderNodeIds(settings), groups: [] }),
};

/** A single-leader store config: `{ mode: 'single-leader', singleLeader: {...} }`. */
export type SingleLeaderStoreConfig = StoreConfigOf<typeof singleLeaderMode>;
