import { defaultClientPolicy, type ClientPolicyConfig } from '../client/policy.js';
import { DEFAULT_LEADERLESS_CONFIG, type LeaderlessConfig } from '../store/leaderless/config.js';
import { defaultMultiLeaderConfig, type MultiLeaderConfig } from '../store/multi-leader/config.js';
import { defaultSingleLeaderConfig, type SingleLeaderConfig } from '../store/single-leader/config.js';
import type { LeaderlessStoreConfig, MultiLeaderStoreConfig, SingleLeaderStoreConfig } from '../store/config.js';

/**
 * A complete single-leader store config: the defaults with `settings` on top.
 *
 * @example
 * singleLeader({ acks: 'async' }).singleLeader.acks; // 'async'
 */
export function singleLeader(settings: Partial<SingleLeaderConfig>, client: Partial<ClientPolicyConfig> = {}): SingleLeaderStoreConfig {
  return { mode: 'single-leader', singleLeader: { ...defaultSingleLeaderConfig(), ...settings }, client: { ...defaultClientPolicy(), ...client } };
}

/**
 * A complete multi-leader store config: the defaults with `settings` on top.
 *
 * @example
 * multiLeader({ conflictResolution: 'siblings' }).multiLeader.groups.length; // 2
 */
export function multiLeader(settings: Partial<MultiLeaderConfig>): MultiLeaderStoreConfig {
  return { mode: 'multi-leader', multiLeader: { ...defaultMultiLeaderConfig(), ...settings }, client: defaultClientPolicy() };
}

/**
 * A complete leaderless store config: the defaults with `settings` on top.
 *
 * @example
 * leaderless({ w: 1, r: 1 }).leaderless.n; // 3
 */
export function leaderless(settings: Partial<LeaderlessConfig>): LeaderlessStoreConfig {
  const base = structuredClone(DEFAULT_LEADERLESS_CONFIG) as LeaderlessConfig;
  return { mode: 'leaderless', leaderless: { ...base, ...settings }, client: defaultClientPolicy() };
}
