import { requireObject } from '../config/config-checks.js';
import { ConfigError } from '../config/config-error.js';
import type { StoreDefinition } from './definition.js';
import type { ModeDefinition, StoreConfigOf } from './mode-definition.js';
import { findMode, MODES, type StoreMode } from './modes.js';
import { MutationSwitches } from './mutation-switches.js';
import { validateMutations } from './mutations.js';

export { STORE_MODES, type StoreMode } from './modes.js';
export type { SingleLeaderStoreConfig } from './single-leader/mode.js';
export type { MultiLeaderStoreConfig } from './multi-leader/mode.js';
export type { LeaderlessStoreConfig } from './leaderless/mode.js';

/**
 * A whole store setup as JSON data: which mode, that mode's settings under its
 * own field (`singleLeader`, `multiLeader` or `leaderless`), and the deliberate
 * bugs to switch on (`mutations`). Discriminated on `mode`; one member per
 * entry of the registry of modes. The clients' policy is not part of the store:
 * a scenario holds it (`Scenario.client`).
 *
 * @example
 * const config: StoreConfig = { mode: 'leaderless', leaderless: { ...defaultLeaderlessConfig(), w: 3 } };
 */
export type StoreConfig = { [M in StoreMode]: StoreConfigOf<(typeof MODES)[M]> }[StoreMode];

/**
 * What every mode's config may carry besides its own settings.
 */
export interface StoreConfigExtras {
  /**
   * Deliberate bugs to switch on (src/store/mutations.ts), each of this mode.
   * Absent or empty: none, as in every preset. Left out of a validated config
   * when empty, so configs without mutations read as they always did.
   */
  mutations?: string[];
}

/**
 * A fresh copy of the default config of a mode.
 *
 * @example
 * defaultStoreConfig('leaderless'); // { mode: 'leaderless', leaderless: { nodes: 3, n: 3, w: 2, ... } }
 */
export function defaultStoreConfig(mode: StoreMode): StoreConfig {
  const definition: ModeDefinition = MODES[mode];
  return { mode, [definition.field]: definition.defaults() } as StoreConfig;
}

/**
 * Turns untrusted JSON into a store config. Fields left out take their defaults;
 * a wrong type, an unknown field or an impossible combination (W > N, a group with
 * no nodes...) throws a {@link ConfigError} naming the field's path, e.g.
 * `leaderless.w`. `mutations` (deliberate bugs, for testing faultline itself)
 * must name bugs of the config's mode; it is kept only when it names at least
 * one. `modes` are stores of the caller's own, which the config may name.
 *
 * @example
 * validateStoreConfig({ mode: 'leaderless', leaderless: { w: 1 } }).leaderless.r; // 2
 * validateStoreConfig({ mode: 'leaderless', leaderless: { w: 4 } });
 * // throws ConfigError "leaderless.w: 4 exceeds n = 3"
 */
export function validateStoreConfig(value: unknown, modes: readonly ModeDefinition[] = []): StoreConfig {
  requireObject('store', value);
  const definition = findMode(value.mode, modes);
  const known = ['mode', definition.field, 'mutations'];
  for (const field of Object.keys(value)) {
    if (known.includes(field)) continue;
    const moved = field === 'client' ? '; the client policy is the scenario\'s `client` now' : '';
    throw new ConfigError(field, `is not a known field for mode '${definition.name}' (known: ${known.join(', ')})${moved}`);
  }
  const mutations = validateMutations(value.mutations, definition);
  const settings = definition.validate(value[definition.field] ?? {}, definition.field);
  return { mode: definition.name, [definition.field]: settings, ...(mutations.length === 0 ? {} : { mutations }) } as StoreConfig;
}

/**
 * Builds the store a config describes (validating it first: a bad config throws
 * a ConfigError naming the field). `modes`: stores of the caller's own.
 *
 * @example
 * const store = createStore(defaultStoreConfig('leaderless'));
 * for (const id of store.nodeIds) world.addNode(id, store.factory, { kind: 'store' });
 */
export function createStore(config: StoreConfig, modes: readonly ModeDefinition[] = []): StoreDefinition {
  const valid = validateStoreConfig(config, modes);
  const definition = findMode(valid.mode, modes);
  return definition.create(settingsOf(valid, definition), new MutationSwitches(valid.mutations)) as StoreDefinition;
}

/**
 * A config's own settings: what sits under its mode's field.
 *
 * @example
 * settingsOf(defaultStoreConfig('leaderless'), MODES.leaderless).w; // 2
 */
export function settingsOf(config: StoreConfig, definition: ModeDefinition): any {
  return (config as unknown as Record<string, unknown>)[definition.field];
}
