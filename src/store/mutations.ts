/**
 * Deliberate bugs that can be switched on in the store, to check that faultline
 * catches bugs nobody wrote a test for. Each one is a real change in what the
 * nodes do, off by default, and never part of a preset's normal run: a config
 * names the ones it wants in its top-level `mutations` list.
 */
import { ConfigError } from '../config/config-error.js';

/**
 * The name of one deliberate store bug (see {@link MUTATIONS}).
 *
 * @example
 * const mutation: MutationName = 'ack-before-fsync';
 */
export type MutationName =
  | 'follower-out-of-order'
  | 'failover-least-up-to-date'
  | 'ack-before-fsync'
  | 'hints-dropped-on-restart'
  | 'merkle-without-version'
  | 'read-repair-writes-older';

/**
 * What a mutation breaks: the store mode whose nodes it changes, what the buggy
 * node does, and which promise that breaks (what a checker should report).
 *
 * @example
 * const about: Mutation = MUTATIONS['ack-before-fsync'];
 * about.mode; // 'single-leader'
 */
export interface Mutation {
  name: MutationName;
  /** The only store mode the bug lives in. */
  mode: 'single-leader' | 'leaderless';
  /** What the buggy node does, as one sentence. */
  bug: string;
  /** The promise it breaks, and what it takes to see it. */
  breaks: string;
}

/**
 * The catalogue of deliberate bugs, by name.
 *
 * @example
 * Object.keys(MUTATIONS); // ['follower-out-of-order', 'failover-least-up-to-date', ...]
 */
export const MUTATIONS: Readonly<Record<MutationName, Mutation>> = {
  'follower-out-of-order': {
    name: 'follower-out-of-order',
    mode: 'single-leader',
    bug: 'a follower applies the entries of one append message to its table newest first, so an older write to a key ends up on top',
    breaks: 'linearizability and convergence: once a lagging follower catches up in one batch it holds older values, and serves them (and judges cas against them) if it becomes leader',
  },
  'failover-least-up-to-date': {
    name: 'failover-least-up-to-date',
    mode: 'single-leader',
    bug: 'voters compare logs the wrong way round: they grant their vote only to candidates whose log is no more up to date than their own',
    breaks: 'durability: a replica that missed acknowledged writes wins the election and truncates them from the others',
  },
  'ack-before-fsync': {
    name: 'ack-before-fsync',
    mode: 'single-leader',
    bug: 'a follower acknowledges a replicated entry as soon as it is appended, and fsyncs it later, at its next group commit (fsyncIntervalMs)',
    breaks: 'durability: a power failure (crash-unsynced) of followers loses writes the leader already acknowledged on their word',
  },
  'hints-dropped-on-restart': {
    name: 'hints-dropped-on-restart',
    mode: 'leaderless',
    bug: 'a node writes its hinted-handoff hints to disk but does not read them back when it restarts, so a restart drops every hint it held',
    breaks: 'convergence and durability: a write acknowledged through hints never reaches the replica it was meant for',
  },
  'merkle-without-version': {
    name: 'merkle-without-version',
    mode: 'leaderless',
    bug: 'the anti-entropy Merkle tree hashes each key without its version (its state), so two copies of a key with different versions look equal',
    breaks: 'anti-entropy and convergence: replicas that hold different versions of a key are never repaired by it (only a key missing on one side is)',
  },
  'read-repair-writes-older': {
    name: 'read-repair-writes-older',
    mode: 'leaderless',
    bug: 'read repair resolves a read\'s answers the wrong way round and writes an older answer back, stamped as a new version, to every replica that answered',
    breaks: 'linearizability and durability: a read whose replicas disagree puts an older value back over an acknowledged newer one',
  },
};

/**
 * Every {@link MutationName}, in catalogue order.
 *
 * @example
 * MUTATION_NAMES.length; // 6
 */
export const MUTATION_NAMES: readonly MutationName[] = Object.keys(MUTATIONS) as MutationName[];

/**
 * Turns untrusted JSON into a list of mutations for a store of `mode`: absent is
 * none; anything but a list of catalogue names, a name listed twice, or a name
 * that belongs to another mode (which would silently do nothing) throws a
 * {@link ConfigError} naming the field, e.g. `mutations[1]`.
 *
 * @example
 * validateMutations(['ack-before-fsync'], 'single-leader'); // ['ack-before-fsync']
 * validateMutations(['ack-before-fsync'], 'leaderless');
 * // throws ConfigError 'mutations[0]: "ack-before-fsync" applies to single-leader stores only'
 */
export function validateMutations(value: unknown, mode: string, field = 'mutations'): MutationName[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ConfigError(field, 'must be a list of mutation names', value);
  const seen = new Set<MutationName>();
  value.forEach((name: unknown, i) => {
    const at = `${field}[${i}]`;
    if (typeof name !== 'string' || !(name in MUTATIONS)) {
      throw new ConfigError(at, `is not a known mutation (known: ${MUTATION_NAMES.join(', ')})`, name);
    }
    const mutation = MUTATIONS[name as MutationName];
    if (mutation.mode !== mode) throw new ConfigError(at, `applies to ${mutation.mode} stores only`, name);
    if (seen.has(mutation.name)) throw new ConfigError(at, 'is listed twice', name);
    seen.add(mutation.name);
  });
  return [...seen];
}

/**
 * The switches a node reads: which mutations are on. Built once per store;
 * empty (every bug off) by default.
 *
 * @example
 * const switches = new MutationSwitches(['ack-before-fsync']);
 * switches.on('ack-before-fsync'); // true
 */
export class MutationSwitches {
  private readonly enabled: ReadonlySet<MutationName>;

  constructor(names: readonly MutationName[] = []) {
    this.enabled = new Set(names);
  }

  /** True when the named bug is switched on. */
  on(name: MutationName): boolean {
    return this.enabled.has(name);
  }
}

/**
 * Every bug off: what a store gets when its config names no mutation.
 *
 * @example
 * NO_MUTATIONS.on('follower-out-of-order'); // false
 */
export const NO_MUTATIONS = new MutationSwitches();
