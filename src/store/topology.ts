import { settingsOf, validateStoreConfig, createStore, type StoreConfig } from './config.js';
import type { ModeDefinition, StoreTopology } from './mode-definition.js';
import { findMode } from './modes.js';

export type { StoreTopology } from './mode-definition.js';

/**
 * Where the nodes of the store a config describes are: their ids, the groups a
 * fault may cut off together (none for a one-group mode), and, where a key
 * lives on some nodes only, which. A mode without its own `topology` takes the
 * ids and groups of the store it builds. Validates the config (a bad one throws
 * a ConfigError naming the field).
 *
 * @example
 * storeTopology(defaultStoreConfig('multi-leader')).groups; // [['dc1-n1', 'dc1-n2'], ['dc2-n1', 'dc2-n2']]
 */
export function storeTopology(config: StoreConfig, modes: readonly ModeDefinition[] = []): StoreTopology {
  const valid = validateStoreConfig(config, modes);
  const definition = findMode(valid.mode, modes);
  if (definition.topology !== undefined) return definition.topology(settingsOf(valid, definition));
  const store = createStore(valid, modes);
  return { nodeIds: [...store.nodeIds], groups: (store.groups ?? []).map((group) => [...group]) };
}
