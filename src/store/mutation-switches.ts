import type { MutationName } from './mutations.js';

/**
 * The switches a node reads: which deliberate bugs are on. Built once per store;
 * empty (every bug off) by default. Kept apart from the catalogue so node code
 * depends on the switches alone, not on the registry of modes that lists them.
 *
 * @example
 * const switches = new MutationSwitches(['ack-before-fsync']);
 * switches.on('ack-before-fsync'); // true
 */
export class MutationSwitches<Name extends string = MutationName> {
  private readonly enabled: ReadonlySet<string>;

  constructor(names: readonly string[] = []) {
    this.enabled = new Set(names);
  }

  /** True when the named bug is switched on. */
  on(name: Name): boolean {
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
