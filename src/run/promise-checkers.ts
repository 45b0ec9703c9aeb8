/**
 * The checkers beyond linearizability, as registry entries: each takes what a
 * run produced (history, trace, final replica states) and the scenario's store
 * config, and hands the pure checker of src/checker exactly the data it needs.
 */
import { checkAntiEntropy } from '../checker/anti-entropy.js';
import { checkAvailability } from '../checker/availability.js';
import { antiEntropyUsage, checkConvergence, settleWindow } from '../checker/convergence.js';
import { checkCounter } from '../checker/counter.js';
import { checkDurability, type DurabilityOptions } from '../checker/durability.js';
import { checkSessions } from '../checker/sessions.js';
import { checkSet } from '../checker/set.js';
import { checkStaleReads } from '../checker/stale-reads.js';
import { validateStoreConfig, type StoreConfig } from '../store/config.js';
import { leaderlessNodeIds } from '../store/leaderless/config.js';
import { HashRing } from '../store/shared/hash-ring.js';
import type { CheckInput, Checker, CheckVerdict } from './checkers.js';

/** Models whose histories are registers with unique values (what sessions and stale-reads need). */
const REGISTER_MODELS = new Set(['register', 'cas-register', 'kv']);

/**
 * Registry entries by the names workloads list: convergence, durability,
 * anti-entropy, availability, sessions, stale-reads, counter and set.
 *
 * @example
 * PROMISE_CHECKERS.convergence!({ scenario, run, workload, timeoutMs: 5000 }).valid;
 */
export const PROMISE_CHECKERS: Record<string, Checker> = {
  convergence: ({ scenario, run }) =>
    checkConvergence(run.replicaStates, {
      ...replicasOption(scenario.store),
      settleTimeMs: settleWindow(run.history, run.trace, run.stats.endTimeMs).settleTimeMs,
      antiEntropy: antiEntropyUsage(run.trace),
    }),
  durability: ({ run, workload }) => checkDurability(run.history, { ...durabilityModel(workload.model, workload.init), finalStates: run.replicaStates }),
  'anti-entropy': ({ run }) => checkAntiEntropy(run.trace),
  availability: ({ run }) => checkAvailability(run.history, run.trace),
  sessions: (input) => registersOnly(input, () => checkSessions(input.run.history, { initial: input.workload.init ?? null })),
  'stale-reads': (input) => registersOnly(input, () => checkStaleReads(input.run.history, { initial: input.workload.init ?? null })),
  counter: ({ run, workload }) =>
    checkCounter(run.history, { initial: typeof workload.init === 'number' ? workload.init : 0, finalStates: run.replicaStates }),
  set: ({ run }) => checkSet(run.history, { finalStates: run.replicaStates }),
};

/** A leaderless key lives on its preference list only; other modes replicate every key everywhere. */
function replicasOption(input: StoreConfig): { replicasOf?: (key: string) => string[] } {
  if (input.mode !== 'leaderless') return {};
  const store = validateStoreConfig(input);
  if (store.mode !== 'leaderless') return {};
  const config = store.leaderless;
  const ring = new HashRing(leaderlessNodeIds(config), config.vnodes);
  return { replicasOf: (key) => ring.preferenceList(key, config.n) };
}

function durabilityModel(model: string, init: unknown): DurabilityOptions {
  if (model === 'set' || model === 'counter') return { model };
  if (!REGISTER_MODELS.has(model)) throw new RangeError(`durability applies to registers, sets and counters, not to model ${model}`);
  return { model: 'register', initial: init ?? null };
}

/** Session guarantees and stale reads need a read to name its write: registers of unique values. */
function registersOnly({ workload }: CheckInput, check: () => CheckVerdict): CheckVerdict {
  if (!REGISTER_MODELS.has(workload.model)) {
    throw new RangeError(`applies to register workloads, not to '${workload.name}' (model ${workload.model})`);
  }
  return check();
}
