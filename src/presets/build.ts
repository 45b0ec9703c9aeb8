import { defaultClientPolicy, type ClientPolicyConfig } from '../client/policy.js';
import type { StoreConfig } from '../store/config.js';
import type { ModeDefinition } from '../store/mode-definition.js';
import { MODES, type StoreMode } from '../store/modes.js';

/** The settings type of a built-in mode. */
type SettingsOf<M extends StoreMode> = (typeof MODES)[M] extends ModeDefinition<infer Settings> ? Settings : never;

/**
 * A complete store config of a built-in mode: the mode's defaults with
 * `settings` on top (one level deep, as a preset states its differences).
 *
 * @example
 * presetStore('single-leader', { acks: 'async' }); // { mode: 'single-leader', singleLeader: { ..., acks: 'async' } }
 */
export function presetStore<M extends StoreMode>(mode: M, settings: Partial<SettingsOf<M>> = {}): Extract<StoreConfig, { mode: M }> {
  const definition: ModeDefinition = MODES[mode];
  return { mode, [definition.field]: { ...definition.defaults(), ...settings } } as Extract<StoreConfig, { mode: M }>;
}

/**
 * A complete client policy: the default policy with `parts` on top (each part
 * replaced whole).
 *
 * @example
 * presetClient({ idempotency: { enabled: false } }).idempotency.enabled; // false
 */
export function presetClient(parts: Partial<ClientPolicyConfig> = {}): ClientPolicyConfig {
  return { ...defaultClientPolicy(), ...parts };
}
