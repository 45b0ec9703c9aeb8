/**
 * The checkers each kind of workload is judged by, in the order their verdicts
 * are composed: the first that fails names the run's anomaly. Linearizability
 * comes first, as the strongest promise; the more specific checks after it say
 * which weaker promise broke as well (each verdict keeps every checker's own
 * result), and each needs something of the workload (unique values, a final state).
 */

/**
 * Registers whose written values are unique (register, cas-register, kv): a
 * read names the write it saw, which stale-reads and sessions rely on, and the
 * final replica states show which acknowledged writes survived.
 *
 * @example
 * registerWorkload.checkers; // the same names, in the same order
 */
export const REGISTER_CHECKERS: readonly string[] = Object.freeze([
  'linearizable', 'stale-reads', 'sessions', 'durability', 'convergence',
]);

/**
 * A grow-only set: linearizability, then durability (lost acknowledged adds),
 * then Jepsen's set semantics (elements never added), then convergence.
 *
 * @example
 * setWorkload.checkers; // the same names, in the same order
 */
export const SET_CHECKERS: readonly string[] = Object.freeze(['linearizable', 'durability', 'set', 'convergence']);

/**
 * A counter: linearizability, then the counter's bounds (a double-applied or
 * lost increment), then convergence.
 *
 * @example
 * counterWorkload.checkers; // the same names, in the same order
 */
export const COUNTER_CHECKERS: readonly string[] = Object.freeze(['linearizable', 'counter', 'convergence']);
