/**
 * What a run gives its checkers besides the history: the final replica states,
 * the trace, when it ended, the time budget, and which nodes hold each key.
 */
import type { CheckContext } from '../checker/checker.js';
import type { StoreConfig } from '../store/config.js';
import type { ModeDefinition } from '../store/mode-definition.js';
import { storeTopology } from '../store/topology.js';
import type { RunResult } from './simulate.js';

/**
 * The checkers' context for a run of a store configured as `store` (of a
 * built-in mode, or of one of `modes`).
 *
 * @example
 * const context = runCheckContext(run, scenario.store, 10_000);
 * convergenceChecker().check(run.history, context).valid;
 */
export function runCheckContext(run: RunResult, store: StoreConfig, timeoutMs: number, modes: readonly ModeDefinition[] = []): CheckContext {
  const context: CheckContext = { replicaStates: run.replicaStates, trace: run.trace, endTimeMs: run.stats.endTimeMs, timeoutMs };
  // Where a key lives on some nodes only (leaderless), convergence compares those replicas alone.
  const { replicasOf } = storeTopology(store, modes);
  if (replicasOf !== undefined) context.replicasOf = replicasOf;
  return context;
}
