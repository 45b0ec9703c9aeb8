/**
 * The checkers each kind of workload is judged by, in the order their verdicts
 * are composed: the first that fails names the run's anomaly. Linearizability
 * comes first, as the strongest promise; the more specific checks after it say
 * which weaker promise broke as well (each verdict keeps every checker's own
 * result), and each needs something of the workload (unique values, a final state).
 */
import { convergenceChecker } from '../../src/checker/convergence.js';
import { counterChecker } from '../../src/checker/counter.js';
import { durabilityChecker } from '../../src/checker/durability.js';
import type { Checker } from '../../src/checker/checker.js';
import { linearizableChecker } from '../../src/checker/linearizable/check.js';
import { sessionsChecker } from '../../src/checker/sessions.js';
import { setChecker } from '../../src/checker/set.js';
import { staleReadsChecker } from '../../src/checker/stale-reads.js';
import type { Model } from '../../src/models/model.js';

/**
 * Registers whose written values are unique (register, cas-register, kv): a
 * read names the write it saw, which stale-reads and sessions rely on, and the
 * final replica states show which acknowledged writes survived.
 *
 * @example
 * registerCheckers(registerModel()).map((checker) => checker.name);
 * // ['linearizable', 'stale-reads', 'sessions', 'durability', 'convergence']
 */
export function registerCheckers(model: Model<any>): readonly Checker[] {
  return Object.freeze([
    linearizableChecker({ model }), staleReadsChecker(), sessionsChecker(), durabilityChecker({ model: 'register' }), convergenceChecker(),
  ]);
}

/**
 * A grow-only set: linearizability, then durability (lost acknowledged adds),
 * then Jepsen's set semantics (elements never added), then convergence.
 *
 * @example
 * setCheckers(setModel()).map((checker) => checker.name); // ['linearizable', 'durability', 'set', 'convergence']
 */
export function setCheckers(model: Model<any>): readonly Checker[] {
  return Object.freeze([linearizableChecker({ model }), durabilityChecker({ model: 'set' }), setChecker(), convergenceChecker()]);
}

/**
 * A counter: linearizability, then the counter's bounds (a double-applied or
 * lost increment), then convergence.
 *
 * @example
 * counterCheckers(counterModel()).map((checker) => checker.name); // ['linearizable', 'counter', 'convergence']
 */
export function counterCheckers(model: Model<any>): readonly Checker[] {
  return Object.freeze([linearizableChecker({ model }), counterChecker(), convergenceChecker()]);
}
