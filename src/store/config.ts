import { requireObject } from '../config/config-checks.js';
import { defaultClientPolicy, validateClientPolicy, type ClientPolicyConfig } from '../client/policy.js';
import { ConfigError, requireOneOf } from '../config/config-error.js';
import type { StoreDefinition } from './definition.js';
import { leaderlessStore } from './leaderless/store.js';
import { multiLeaderStore } from './multi-leader/store.js';
import { singleLeaderStore } from './single-leader/store.js';
import { DEFAULT_LEADERLESS_CONFIG, type LeaderlessConfig } from './leaderless/config.js';
import { validateLeaderlessConfig } from './leaderless/validate-config.js';
import { defaultMultiLeaderConfig, type MultiLeaderConfig } from './multi-leader/config.js';
import { validateMultiLeaderConfig } from './multi-leader/validate.js';
import { MutationSwitches, validateMutations, type MutationName } from './mutations.js';
import { defaultSingleLeaderConfig, type SingleLeaderConfig } from './single-leader/config.js';
import { validateSingleLeaderConfig } from './single-leader/validate-config.js';

/**
 * The three ways the store replicates.
 *
 * @example
 * const mode: StoreMode = 'leaderless';
 */
export type StoreMode = 'single-leader' | 'multi-leader' | 'leaderless';

/**
 * Every {@link StoreMode}.
 *
 * @example
 * STORE_MODES.map(defaultStoreConfig);
 */
export const STORE_MODES: readonly StoreMode[] = ['single-leader', 'multi-leader', 'leaderless'];

/**
 * A whole store setup as JSON data: which mode, that mode's settings under its
 * own field (`singleLeader`, `multiLeader` or `leaderless`), and the policies of
 * the clients that use it (`client`). Discriminated on `mode`.
 *
 * @example
 * const config: StoreConfig = { ...defaultStoreConfig('leaderless'), leaderless: { ...DEFAULT_LEADERLESS_CONFIG, w: 3 } };
 */
export type StoreConfig = SingleLeaderStoreConfig | MultiLeaderStoreConfig | LeaderlessStoreConfig;

/**
 * What every mode's config may carry besides its own settings.
 *
 * @example
 * const extras: StoreConfigExtras = { mutations: ['ack-before-fsync'] };
 */
export interface StoreConfigExtras {
  /**
   * Deliberate bugs to switch on (src/store/mutations.ts), each of this mode.
   * Absent or empty: none, as in every preset. Left out of a validated config
   * when empty, so configs without mutations read as they always did.
   */
  mutations?: MutationName[];
}

/** @example const c: SingleLeaderStoreConfig = defaultStoreConfig('single-leader') as SingleLeaderStoreConfig; */
export interface SingleLeaderStoreConfig extends StoreConfigExtras {
  mode: 'single-leader';
  singleLeader: SingleLeaderConfig;
  client: ClientPolicyConfig;
}

/** @example const c: MultiLeaderStoreConfig = defaultStoreConfig('multi-leader') as MultiLeaderStoreConfig; */
export interface MultiLeaderStoreConfig extends StoreConfigExtras {
  mode: 'multi-leader';
  multiLeader: MultiLeaderConfig;
  client: ClientPolicyConfig;
}

/** @example const c: LeaderlessStoreConfig = defaultStoreConfig('leaderless') as LeaderlessStoreConfig; */
export interface LeaderlessStoreConfig extends StoreConfigExtras {
  mode: 'leaderless';
  leaderless: LeaderlessConfig;
  client: ClientPolicyConfig;
}

/** The field that holds each mode's own settings. */
const MODE_FIELD = { 'single-leader': 'singleLeader', 'multi-leader': 'multiLeader', leaderless: 'leaderless' } as const;

/**
 * A fresh copy of the default config of a mode, with the default client policy.
 *
 * @example
 * defaultStoreConfig('leaderless'); // { mode: 'leaderless', leaderless: { nodes: 3, n: 3, w: 2, ... }, client: {...} }
 */
export function defaultStoreConfig(mode: StoreMode): StoreConfig {
  const client = defaultClientPolicy();
  switch (mode) {
    case 'single-leader':
      return { mode, singleLeader: defaultSingleLeaderConfig(), client };
    case 'multi-leader':
      return { mode, multiLeader: defaultMultiLeaderConfig(), client };
    case 'leaderless':
      return { mode, leaderless: structuredClone(DEFAULT_LEADERLESS_CONFIG) as LeaderlessConfig, client };
  }
}

/**
 * Turns untrusted JSON into a store config. Fields left out take their defaults;
 * a wrong type, an unknown field or an impossible combination (W > N, a group with
 * no nodes, a breaker threshold above its window...) throws a {@link ConfigError}
 * naming the field's path, e.g. `leaderless.w` or `client.retry.maxRetries`.
 * `mutations` (deliberate bugs, for testing faultline itself) must name bugs of
 * the config's mode; it is kept only when it names at least one.
 *
 * @example
 * validateStoreConfig({ mode: 'leaderless', leaderless: { w: 1 } }).leaderless.r; // 2
 * validateStoreConfig({ mode: 'leaderless', leaderless: { w: 4 } });
 * // throws ConfigError "leaderless.w: 4 exceeds n = 3"
 */
export function validateStoreConfig(value: unknown): StoreConfig {
  requireObject('store', value);
  requireOneOf('mode', value.mode, STORE_MODES);
  const mode = value.mode;
  const modeField = MODE_FIELD[mode];
  const known = ['mode', modeField, 'client', 'mutations'];
  for (const field of Object.keys(value)) {
    if (!known.includes(field)) {
      throw new ConfigError(field, `is not a known field for mode '${mode}' (known: ${known.join(', ')})`);
    }
  }
  const client = validateClientPolicy(value.client, 'client');
  const mutations = validateMutations(value.mutations, mode);
  const extras: StoreConfigExtras = mutations.length === 0 ? {} : { mutations };
  const settings = value[modeField] ?? {};
  switch (mode) {
    case 'single-leader':
      return { mode, singleLeader: validateSingleLeaderConfig(settings, modeField), client, ...extras };
    case 'leaderless':
      return { mode, leaderless: validateLeaderlessConfig(settings, modeField), client, ...extras };
    case 'multi-leader':
      return { mode, multiLeader: validateMultiLeaderConfig(settings, modeField), client, ...extras };
  }
}

/**
 * Builds the store a config describes (validating it first: a bad config throws
 * a ConfigError naming the field).
 *
 * @example
 * const store = createStore(defaultStoreConfig('leaderless'));
 * for (const id of store.nodeIds) world.addNode(id, store.factory, { kind: 'store' });
 */
export function createStore(config: StoreConfig): StoreDefinition {
  const valid = validateStoreConfig(config);
  const mutations = new MutationSwitches(valid.mutations);
  switch (valid.mode) {
    case 'single-leader':
      return singleLeaderStore(valid.singleLeader, mutations) as StoreDefinition;
    case 'multi-leader':
      return multiLeaderStore(valid.multiLeader) as StoreDefinition;
    case 'leaderless':
      return leaderlessStore(valid.leaderless, mutations) as StoreDefinition;
  }
}
