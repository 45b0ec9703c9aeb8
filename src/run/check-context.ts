/**
 * What a run gives its checkers besides the history: the final replica states,
 * the trace, when it ended, the time budget, and which nodes hold each key.
 */
import type { CheckContext } from '../checker/checker.js';
import { validateStoreConfig, type StoreConfig } from '../store/config.js';
import { leaderlessNodeIds } from '../store/leaderless/config.js';
import { HashRing } from '../store/shared/hash-ring.js';
import type { RunResult } from './simulate.js';

/**
 * The checkers' context for a run of a store configured as `store`.
 *
 * @example
 * const context = runCheckContext(run, scenario.store, 10_000);
 * convergenceChecker().check(run.history, context).valid;
 */
export function runCheckContext(run: RunResult, store: StoreConfig, timeoutMs: number): CheckContext {
  const context: CheckContext = { replicaStates: run.replicaStates, trace: run.trace, endTimeMs: run.stats.endTimeMs, timeoutMs };
  const replicasOf = replicasOfKey(store);
  if (replicasOf !== undefined) context.replicasOf = replicasOf;
  return context;
}

/** A leaderless key lives on its preference list only; other modes replicate every key everywhere (undefined). */
function replicasOfKey(input: StoreConfig): ((key: string) => string[]) | undefined {
  const store = validateStoreConfig(input);
  if (store.mode !== 'leaderless') return undefined;
  const config = store.leaderless;
  const ring = new HashRing(leaderlessNodeIds(config), config.vnodes);
  return (key) => ring.preferenceList(key, config.n);
}
