/**
 * Deliberate bugs that can be switched on in the store, to check that faultline
 * catches bugs nobody wrote a test for. Each one is a real change in what the
 * nodes do, off by default, and never part of a preset's normal run: a config
 * names the ones it wants in its top-level `mutations` list. Each mode lists its
 * own (`ModeDefinition.mutations`); this is the catalogue of the built-in ones.
 */
import { ConfigError } from '../config/config-error.js';
import type { ModeDefinition, Mutation } from './mode-definition.js';
import { MODES, STORE_MODES, type StoreMode } from './modes.js';

export type { Mutation } from './mode-definition.js';

/** The bug names a mode definition declares. */
type BugOf<D> = D extends ModeDefinition<any, any, any, infer Bug> ? Bug : never;

/**
 * The name of one deliberate bug of a built-in mode (see {@link MUTATIONS}).
 */
export type MutationName = { [M in StoreMode]: BugOf<(typeof MODES)[M]> }[StoreMode];

/**
 * The catalogue of deliberate bugs of the built-in modes, by name, in registry order.
 *
 * @example
 * Object.keys(MUTATIONS); // ['follower-out-of-order', 'failover-least-up-to-date', ...]
 */
export const MUTATIONS: Readonly<Record<MutationName, Mutation<MutationName>>> = Object.fromEntries(
  STORE_MODES.flatMap((mode) => (MODES[mode] as ModeDefinition).mutations ?? []).map((mutation) => [mutation.name, mutation]),
) as Record<MutationName, Mutation<MutationName>>;

/**
 * Every {@link MutationName}, in catalogue order.
 *
 * @example
 * MUTATION_NAMES.length; // 6
 */
export const MUTATION_NAMES: readonly MutationName[] = Object.keys(MUTATIONS) as MutationName[];

/**
 * Turns untrusted JSON into a list of mutations for a store of `mode` (a
 * built-in mode's name, or a definition, whose own bugs then count too): absent
 * is none; anything but a list of known names, a name listed twice, or a name
 * that belongs to another mode (which would silently do nothing) throws a
 * {@link ConfigError} naming the field, e.g. `mutations[1]`.
 *
 * @example
 * validateMutations(['ack-before-fsync'], 'single-leader'); // ['ack-before-fsync']
 * validateMutations(['ack-before-fsync'], 'leaderless');
 * // throws ConfigError 'mutations[0]: "ack-before-fsync" applies to single-leader stores only'
 */
export function validateMutations(value: unknown, mode: string | ModeDefinition, field = 'mutations'): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ConfigError(field, 'must be a list of mutation names', value);
  const modeName = typeof mode === 'string' ? mode : mode.name;
  const own = typeof mode === 'string' || Object.hasOwn(MODES, mode.name) ? [] : (mode.mutations ?? []);
  const catalogue = new Map<string, Mutation>([...Object.values<Mutation>(MUTATIONS), ...own].map((m) => [m.name, m]));
  const seen = new Set<string>();
  value.forEach((name: unknown, i) => {
    const at = `${field}[${i}]`;
    const mutation = typeof name === 'string' ? catalogue.get(name) : undefined;
    if (mutation === undefined) throw new ConfigError(at, `is not a known mutation (known: ${[...catalogue.keys()].join(', ')})`, name);
    if (mutation.mode !== modeName) throw new ConfigError(at, `applies to ${mutation.mode} stores only`, name);
    if (seen.has(mutation.name)) throw new ConfigError(at, 'is listed twice', name);
    seen.add(mutation.name);
  });
  return [...seen];
}

export { MutationSwitches, NO_MUTATIONS } from './mutation-switches.js';
