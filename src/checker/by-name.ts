/**
 * Checkers by name, for the names that arrive as JSON strings: a scenario
 * file's `workload.checkers` and `faultline check --checkers`. Code that knows
 * its checkers builds them with their factories directly.
 */
import type { Model } from '../models/model.js';
import { antiEntropyChecker } from './anti-entropy.js';
import { availabilityChecker } from './availability.js';
import { isCheckerName, type Checker, type CheckerName } from './checker.js';

export { defaultCheckerNames } from './checker.js';
import { convergenceChecker } from './convergence.js';
import { counterChecker } from './counter.js';
import { durabilityChecker } from './durability.js';
import { linearizableChecker } from './linearizable/check.js';
import { nilReadResultsUnknown } from './_internals/nil-read-results.js';
import { sessionsChecker } from './sessions.js';
import { setChecker } from './set.js';
import { staleReadsChecker } from './stale-reads.js';

/**
 * What a checker built by name may need of the history's workload: the model
 * (with its initial value) and the initial value on its own, when it is not the
 * model's default (null for registers, 0 for a counter).
 *
 * @example
 * const subject: CheckerSubject = { model: registerModel({ init: 0 }), initial: 0 };
 */
export interface CheckerSubject {
  model: Model<any>;
  initial?: unknown;
}

/** Models whose histories are registers with unique values (what sessions and stale-reads need). */
const REGISTER_MODELS: readonly string[] = ['register', 'cas-register', 'kv'];

/**
 * A factory per checker name, each building the checker for a subject.
 *
 * @example
 * CHECKERS.durability({ model: setModel() }).check(history.ops, {}).valid;
 */
export const CHECKERS: Readonly<Record<CheckerName, (subject: CheckerSubject) => Checker>> = {
  linearizable: ({ model }) => linearizableChecker({ model }),
  convergence: () => convergenceChecker(),
  durability: ({ model, initial }) => durabilityFor(model, initial),
  'anti-entropy': () => antiEntropyChecker(),
  availability: () => availabilityChecker(),
  sessions: ({ model, initial }) => registersOnly(model, sessionsChecker({ initial: initial ?? null })),
  'stale-reads': ({ model, initial }) => registersOnly(model, staleReadsChecker({ initial: initial ?? null })),
  counter: ({ initial }) => counterChecker(typeof initial === 'number' ? { initial } : {}),
  set: () => setChecker(),
};

/**
 * The checker of this name for the subject, or undefined for a name no checker has.
 *
 * @example
 * checkerNamed('set', { model: setModel() })?.name; // 'set'
 * checkerNamed('oops', { model: setModel() });      // undefined
 */
export function checkerNamed(name: string, subject: CheckerSubject): Checker | undefined {
  return isCheckerName(name) ? CHECKERS[name](subject) : undefined;
}


/** Durability judges registers, sets and counters; for another model it cannot say what a lost write is. */
function durabilityFor(model: Model<any>, initial: unknown): Checker {
  if (model.name === 'set' || model.name === 'counter') return durabilityChecker({ model: model.name });
  if (REGISTER_MODELS.includes(model.name)) return readingNil(model, durabilityChecker({ model: 'register', initial: initial ?? null }));
  return refusing('durability', `durability applies to registers, sets and counters, not to model ${model.name}`);
}

/** Session guarantees and stale reads need a read to name its write: registers of unique values. */
function registersOnly(model: Model<any>, checker: Checker): Checker {
  return REGISTER_MODELS.includes(model.name) ? readingNil(model, checker) : refusing(checker.name, `applies to register workloads, not to model ${model.name}`);
}

/** A register checker that reads a read of nil as the model does: under `unknown` it says nothing of the register. */
function readingNil(model: Model<any>, checker: Checker): Checker {
  if (model.nilReads !== 'unknown') return checker;
  return { name: checker.name, check: (history, context) => checker.check(nilReadResultsUnknown(history), context) };
}

/** A checker that cannot judge this model: composing it gives an unknown verdict with the reason. */
function refusing(name: CheckerName, reason: string): Checker {
  return {
    name,
    check() {
      throw new RangeError(reason);
    },
  };
}
