import fc from 'fast-check';
import type { StoreConfig } from '../store/config.js';
import type { ModeDefinition, StoreBounds } from '../store/mode-definition.js';
import { findMode, STORE_MODES, type StoreMode } from '../store/modes.js';
import { storeSetupArb } from './_internals/store-setup-arb.js';

/**
 * Options of {@link storeConfigArb}.
 */
export interface StoreConfigArbOptions {
  /** Modes to draw from: built-in names, or definitions of your own. Default: the three built-in ones. */
  modes?: readonly (StoreMode | ModeDefinition)[];
  /** Most store nodes of a one-group store (single-leader, leaderless). Default 5. */
  maxNodes?: number;
  /** Most multi-leader groups. Default 3. */
  maxGroups?: number;
  /** Most nodes per multi-leader group. Default 3. */
  maxNodesPerGroup?: number;
  /** scenarioArb only: draw the clients' policy too (true), or leave it at the default (false). Default true. */
  clientPolicy?: boolean;
}

/**
 * Store configs of every mode with every knob drawn, each one valid by
 * construction (it passes validateStoreConfig): quorum sizes fit the node
 * count, timeouts that must exceed others do, and options that need each other
 * come together. Each mode draws its settings with its own arbitrary (a mode
 * without one keeps its defaults).
 *
 * @example
 * fc.assert(fc.property(storeConfigArb({ modes: ['leaderless'] }), (config) => {
 *   validateStoreConfig(config); // never throws
 * }));
 */
export function storeConfigArb(constraints: StoreConfigArbOptions = {}): fc.Arbitrary<StoreConfig> {
  return storeSetupArb(modeDefinitions(constraints.modes ?? STORE_MODES), storeBounds(constraints), false).map((setup) => setup.store);
}

/**
 * The definitions of modes given by name or definition.
 *
 * @example
 * modeDefinitions(['leaderless', primaryBackupMode]).map((mode) => mode.field); // ['leaderless', 'primaryBackup']
 */
export function modeDefinitions(modes: readonly (string | ModeDefinition)[], own: readonly ModeDefinition[] = []): ModeDefinition[] {
  return modes.map((mode) => (typeof mode === 'string' ? findMode(mode, own, 'modes') : mode));
}

/**
 * The bounds a mode's arbitrary draws within, defaults filled in.
 *
 * @example
 * storeBounds({ maxNodes: 3 }); // { maxNodes: 3, maxGroups: 3, maxNodesPerGroup: 3 }
 */
export function storeBounds(constraints: StoreConfigArbOptions): StoreBounds {
  return { maxNodes: constraints.maxNodes ?? 5, maxGroups: constraints.maxGroups ?? 3, maxNodesPerGroup: constraints.maxNodesPerGroup ?? 3 };
}
