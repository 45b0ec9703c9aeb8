import type { ModeDefinition, StoreConfigOf } from '../mode-definition.js';
import { HashRing } from '../shared/hash-ring.js';
import { leaderlessConfigArb } from './arbitrary.js';
import { defaultLeaderlessConfig, leaderlessNodeIds, leaderlessSpareIds, type LeaderlessConfig } from './config.js';
import { LEADERLESS_MUTATIONS, type LeaderlessMutationName } from './mutations.js';
import { leaderlessStore } from './store.js';
import { validateLeaderlessConfig } from './validate-config.js';

/**
 * The leaderless mode, as the registry of modes (src/store/modes.ts) holds it.
 *
 * @example
 * leaderlessMode.topology!(leaderlessMode.defaults()).replicasOf!('x'); // the N nodes of x's preference list
 */
export const leaderlessMode: ModeDefinition<LeaderlessConfig, 'leaderless', 'leaderless', LeaderlessMutationName> = {
  name: 'leaderless',
  field: 'leaderless',
  defaults: defaultLeaderlessConfig,
  validate: validateLeaderlessConfig,
  create: (settings, mutations) => leaderlessStore(settings, mutations),
  mutations: LEADERLESS_MUTATIONS,
  arbitrary: (bounds) => leaderlessConfigArb(bounds.maxNodes),
  // One node fewer, with N, W and R clamped to fit, each as close to its old value as the new N allows.
  *smaller(settings) {
    if (settings.nodes <= 1) return;
    const nodes = settings.nodes - 1;
    const n = Math.min(settings.n, nodes);
    yield { ...settings, nodes, n, w: Math.min(settings.w, n), r: Math.min(settings.r, n) };
  },
  topology(settings) {
    const members = leaderlessNodeIds(settings);
    let ring: HashRing | undefined;
    // A key lives on its preference list only: the convergence checker compares those replicas.
    const replicasOf = (key: string) => (ring ??= new HashRing(members, settings.vnodes)).preferenceList(key, settings.n);
    // With spares, each member is a failure domain of its own (region-loss destroys one member with
    // its disk, what the spares are there for); the spares are in none, so no fault destroys them.
    const groups = settings.spares > 0 ? members.map((id) => [id]) : [];
    return { nodeIds: [...members, ...leaderlessSpareIds(settings)], groups, replicasOf };
  },
};

/** A leaderless store config: `{ mode: 'leaderless', leaderless: {...} }`. */
export type LeaderlessStoreConfig = StoreConfigOf<typeof leaderlessMode>;
