import type { Mutation } from '../mode-definition.js';

/**
 * The deliberate bugs of the leaderless store (see src/store/mutations.ts for
 * what they are for), each a real change in what its nodes do.
 *
 * @example
 * LEADERLESS_MUTATIONS.map((mutation) => mutation.name); // ['hints-dropped-on-restart', ...]
 */
export const LEADERLESS_MUTATIONS = [
  {
    name: 'hints-dropped-on-restart',
    mode: 'leaderless',
    bug: 'a node writes its hinted-handoff hints to disk but does not read them back when it restarts, so a restart drops every hint it held',
    breaks: 'convergence and durability: a write acknowledged through hints never reaches the replica it was meant for',
  },
  {
    name: 'merkle-without-version',
    mode: 'leaderless',
    bug: 'the anti-entropy Merkle tree hashes each key without its version (its state), so two copies of a key with different versions look equal',
    breaks: 'anti-entropy and convergence: replicas that hold different versions of a key are never repaired by it (only a key missing on one side is)',
  },
  {
    name: 'read-repair-writes-older',
    mode: 'leaderless',
    bug: 'read repair resolves a read\'s answers the wrong way round and writes an older answer back, stamped as a new version, to every replica that answered',
    breaks: 'linearizability and durability: a read whose replicas disagree puts an older value back over an acknowledged newer one',
  },
] as const satisfies readonly Mutation[];

/** The name of one leaderless bug. */
export type LeaderlessMutationName = (typeof LEADERLESS_MUTATIONS)[number]['name'];
