import type { Mutation } from '../mode-definition.js';

/**
 * The deliberate bugs of the single-leader store (see src/store/mutations.ts
 * for what they are for), each a real change in what its nodes do.
 *
 * @example
 * SINGLE_LEADER_MUTATIONS.map((mutation) => mutation.name); // ['follower-out-of-order', ...]
 */
export const SINGLE_LEADER_MUTATIONS = [
  {
    name: 'follower-out-of-order',
    mode: 'single-leader',
    bug: 'a follower applies the entries of one append message to its table newest first, so an older write to a key ends up on top',
    breaks: 'linearizability and convergence: once a lagging follower catches up in one batch it holds older values, and serves them (and judges cas against them) if it becomes leader',
  },
  {
    name: 'failover-least-up-to-date',
    mode: 'single-leader',
    bug: 'voters compare logs the wrong way round: they grant their vote only to candidates whose log is no more up to date than their own',
    breaks: 'durability: a replica that missed acknowledged writes wins the election and truncates them from the others',
  },
  {
    name: 'ack-before-fsync',
    mode: 'single-leader',
    bug: 'a follower acknowledges a replicated entry as soon as it is appended, and fsyncs it later, at its next group commit (fsyncIntervalMs)',
    breaks: 'durability: a power failure (crash-unsynced) of followers loses writes the leader already acknowledged on their word',
  },
] as const satisfies readonly Mutation[];

/** The name of one single-leader bug. */
export type SingleLeaderMutationName = (typeof SINGLE_LEADER_MUTATIONS)[number]['name'];
