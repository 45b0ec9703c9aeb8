import { ConfigError } from '../config/config-error.js';
import { leaderlessMode } from './leaderless/mode.js';
import type { ModeDefinition } from './mode-definition.js';
import { multiLeaderMode } from './multi-leader/mode.js';
import { singleLeaderMode } from './single-leader/mode.js';

/**
 * The built-in store modes, in catalogue order.
 *
 * @example
 * STORE_MODES.map(defaultStoreConfig);
 */
export const STORE_MODES = ['single-leader', 'multi-leader', 'leaderless'] as const;

/**
 * One of the built-in {@link STORE_MODES}.
 */
export type StoreMode = (typeof STORE_MODES)[number];

/**
 * The registry of built-in modes: everything the rest of faultline needs of a
 * mode (config field, defaults, validation, construction, deliberate bugs,
 * arbitrary, shrinking, topology) sits in its entry. A new built-in mode is its
 * own folder under src/store/ (with its mode.ts) plus one line here and its
 * name in STORE_MODES.
 *
 * @example
 * MODES.leaderless.field; // 'leaderless'
 */
export const MODES: {
  readonly 'single-leader': typeof singleLeaderMode;
  readonly 'multi-leader': typeof multiLeaderMode;
  readonly leaderless: typeof leaderlessMode;
} = {
  'single-leader': singleLeaderMode,
  'multi-leader': multiLeaderMode,
  leaderless: leaderlessMode,
} satisfies Record<StoreMode, ModeDefinition>;

/**
 * The definition of the mode `name`: one of `own` (a store of the caller's),
 * else a built-in one. Anything else throws a ConfigError on `field` that lists
 * every mode known here.
 *
 * @example
 * findMode('leaderless').field; // 'leaderless'
 * findMode('primary-backup', [primaryBackupMode]) === primaryBackupMode; // true
 * findMode('raft'); // throws ConfigError "mode: must be one of single-leader, multi-leader, leaderless ..."
 */
export function findMode(name: unknown, own: readonly ModeDefinition[] = [], field = 'mode'): ModeDefinition {
  const mine = own.find((mode) => mode.name === name);
  if (mine !== undefined) return mine;
  if (typeof name === 'string' && Object.hasOwn(MODES, name)) return MODES[name as StoreMode];
  const known = [...STORE_MODES, ...own.map((mode) => mode.name)];
  throw new ConfigError(
    field,
    `must be one of ${known.join(', ')} (a store of your own: pass its ModeDefinition in \`modes\`, or --store <file.js>)`,
    name,
  );
}
