import { settingsOf, type StoreConfig } from '../../store/config.js';
import type { ModeDefinition } from '../../store/mode-definition.js';
import { findMode } from '../../store/modes.js';

/**
 * Smaller stores than `store`, as its mode's `smaller` offers them (one node
 * fewer, say); none for a mode without it. A mode nobody knows is a
 * ConfigError listing the known ones, not a silent "nothing smaller".
 * Candidates the store would refuse are left to the caller's validation.
 */
export function* smallerStores(store: StoreConfig, modes: readonly ModeDefinition[] = []): Generator<StoreConfig> {
  const definition = findMode(store.mode, modes, 'store.mode');
  if (definition.smaller === undefined) return;
  for (const settings of definition.smaller(settingsOf(store, definition))) {
    yield { ...store, [definition.field]: settings } as StoreConfig;
  }
}
