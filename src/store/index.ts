/**
 * The replicated key-value store: three modes (single-leader, multi-leader,
 * leaderless) that speak one client protocol, the registry that holds each
 * mode's definition (MODES), and the config that picks one of them.
 *
 * @example
 * import { createStore, validateStoreConfig } from './store/index.js';
 * const store = createStore(validateStoreConfig({ mode: 'leaderless', leaderless: { w: 3 } }));
 */
export {
  createStore,
  defaultStoreConfig,
  validateStoreConfig,
  settingsOf,
  STORE_MODES,
  type StoreConfig,
  type StoreMode,
  type SingleLeaderStoreConfig,
  type MultiLeaderStoreConfig,
  type LeaderlessStoreConfig,
} from './config.js';
export { MODES, findMode } from './modes.js';
export { storeTopology } from './topology.js';
export type { ModeDefinition, Mutation, StoreBounds, StoreConfigOf, StoreTopology } from './mode-definition.js';
export { ConfigError, requireInteger, requireNumber, requireOneOf } from '../config/config-error.js';
export { STORE_VERBS, type StoreVerb, type StoreDefinition, type ReplicaState, type ReplicaValue } from './definition.js';
export { isClientRequest, type ClientMessage, type ClientReply, type ClientRequest } from './protocol.js';
export {
  singleLeaderStore,
  defaultSingleLeaderConfig,
  validateSingleLeaderConfig,
  type SingleLeaderConfig,
  type SingleLeaderConfigInput,
} from './single-leader/index.js';
export {
  multiLeaderStore,
  defaultMultiLeaderConfig,
  validateMultiLeaderConfig,
  type MultiLeaderConfig,
  type MultiLeaderConfigInput,
  type MultiLeaderGroup,
} from './multi-leader/index.js';
export {
  leaderlessStore,
  defaultLeaderlessConfig,
  validateLeaderlessConfig,
  type LeaderlessConfig,
  type LeaderlessConfigInput,
} from './leaderless/index.js';
