import { BYZANTINE_PRESETS } from './byzantine.js';
import { CLIENT_PRESETS } from './client.js';
import { LEADERLESS_PRESETS } from './leaderless.js';
import { MULTI_LEADER_PRESETS } from './multi-leader.js';
import type { Preset } from './preset.js';
import { SINGLE_LEADER_PRESETS } from './single-leader.js';
import { STANDBY_PRESETS } from './standby.js';
import { SPARES_PRESETS } from './spares.js';

export type { Preset } from './preset.js';

/**
 * The named catalogue of store configurations, by name, in catalogue order
 * (single-leader, multi-leader, leaderless, clients, byzantine, standbys, spares). The entries are shared:
 * use {@link findPreset} for a copy to change. Their store configs are
 * complete, so they pass validateStoreConfig as they are.
 *
 * @example
 * const preset = PRESETS['ll-weak']!;
 * simulate({ seed: 1, store: preset.store, clients: { count: 2, policy: preset.client }, ops });
 */
export const PRESETS: Readonly<Record<string, Preset>> = Object.freeze(
  // No prototype: `--preset toString` must find nothing.
  Object.assign(
    Object.create(null) as Record<string, Preset>,
    Object.fromEntries(
      [...SINGLE_LEADER_PRESETS, ...MULTI_LEADER_PRESETS, ...LEADERLESS_PRESETS, ...CLIENT_PRESETS, ...BYZANTINE_PRESETS, ...STANDBY_PRESETS, ...SPARES_PRESETS].map((preset) => [preset.name, preset]),
    ),
  ),
);

/**
 * The preset names in catalogue order (for `faultline presets` and errors).
 *
 * @example
 * presetNames().includes('sl-majority'); // true
 */
export function presetNames(): string[] {
  return Object.keys(PRESETS);
}

/**
 * A preset by name, as a deep copy the caller may change, or undefined.
 *
 * @example
 * findPreset('ll-abd')?.store.mode; // 'leaderless'
 */
export function findPreset(name: string): Preset | undefined {
  const preset = PRESETS[name];
  return preset === undefined ? undefined : structuredClone(preset);
}
