/**
 * The one checker protocol: a checker is a pure function of a history and an
 * optional context, returning one {@link Verdict} type. Runs of the simulator
 * and recorded histories take the same checkers; a checker that needs context a
 * caller cannot give (a recorded history has no replica states) says so with an
 * 'unknown' verdict, never a pass.
 */
import type { Op } from '../history/op.js';
import type { TraceEvent } from '../sim/trace.js';
import type { ReplicaState } from '../store/definition.js';
import type { AnomalyClass } from './anomaly.js';

/** Three-valued, as in Porcupine and Jepsen: a budget that runs out, or missing evidence, gives `'unknown'`, never a guess. */
export type Validity = true | false | 'unknown';

/**
 * A checker's judgement: valid, invalid (naming one anomaly class) or unknown,
 * a one-line reason, the evidence as JSON data, and for a composed verdict each
 * checker's own verdict under its name.
 */
export interface Verdict<D = unknown> {
  valid: Validity;
  anomaly?: AnomalyClass;
  reason: string;
  detail?: D;
  checks?: Record<string, Verdict | Skipped>;
}

/**
 * A checker left out on purpose (it does not apply, or no checker has the name), with why.
 */
export interface Skipped {
  skipped: string;
}

/**
 * What a checker may use besides the history. Everything is optional: a run of
 * the simulator gives all of it, a recorded history none of it.
 */
export interface CheckContext {
  /** Each live replica's state at the end of the run. */
  replicaStates?: Record<string, ReplicaState>;
  /** What the nodes did: the simulator's trace. */
  trace?: readonly TraceEvent[];
  /** Wall-clock budget of a search, in ms (a search that exceeds it is 'unknown'). */
  timeoutMs?: number;
  /** Memory budget of a search, in bytes of resident memory (a search that passes it is 'unknown'). */
  maxMemoryBytes?: number;
  /** Virtual time at which the run ended, in ms. */
  endTimeMs?: number;
  /** The nodes meant to hold a key (a leaderless preference list); default: every node holds every key. */
  replicasOf?(key: string): string[];
  /**
   * True when the history has already passed validateHistory with the checkers'
   * model's op check (`modelOpCheck(model)`), as `faultline check` does before its
   * checkers run: the linearizable checker then does not validate it a second time.
   */
  historyValidated?: boolean;
}

/**
 * Every checker's name, in a fixed order: the names a scenario file's
 * `workload.checkers` and `faultline check --checkers` accept.
 *
 * @example
 * CHECKER_NAMES.includes('durability'); // true
 */
export const CHECKER_NAMES = [
  'linearizable', 'convergence', 'durability', 'anti-entropy', 'availability', 'sessions', 'stale-reads', 'counter', 'set',
] as const;

/**
 * One of {@link CHECKER_NAMES}.
 */
export type CheckerName = (typeof CHECKER_NAMES)[number];

/**
 * A checker: its name and a pure function of a history and context.
 *
 * @example
 * const verdict = durabilityChecker({ model: 'set' }).check(history.ops, {});
 */
export interface Checker {
  name: CheckerName;
  check(history: readonly Op[], context: CheckContext): Verdict;
}

/**
 * The checkers a model implies for a recorded history: linearizability, and for
 * a set its elements' fates and durability (Jepsen's set-full), for a counter its
 * bounds.
 *
 * @example
 * defaultCheckerNames('set'); // ['linearizable', 'set', 'durability']
 */
export function defaultCheckerNames(model: string): CheckerName[] {
  if (model === 'set') return ['linearizable', 'set', 'durability'];
  if (model === 'counter') return ['linearizable', 'counter'];
  return ['linearizable'];
}

/**
 * True when `name` is one of {@link CHECKER_NAMES}.
 *
 * @example
 * isCheckerName('sessions'); // true
 */
export function isCheckerName(name: unknown): name is CheckerName {
  return typeof name === 'string' && (CHECKER_NAMES as readonly string[]).includes(name);
}

/**
 * The 'unknown' verdict of a checker that lacks part of its context: the reason
 * names what is missing, so a recorded history is never passed unjudged.
 *
 * @example
 * missingContext('convergence', 'the final replica states');
 * // { valid: 'unknown', reason: 'convergence needs the final replica states, which a recorded history does not have' }
 */
export function missingContext(checker: CheckerName, what: string): Verdict {
  return { valid: 'unknown', reason: `${checker} needs ${what}, which a recorded history does not have` };
}
