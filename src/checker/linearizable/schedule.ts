import { availableParallelism } from 'node:os';
import type { Operation } from '../../history/operation.js';
import type { Model } from '../../models/model.js';
import { modelRecipe } from '../../models/recipe.js';
import type { BudgetEnd } from './check.js';
import { startSearchWorkers, type SearchWorkers } from './search-workers.js';
import { PartitionSearch } from './search.js';

/** How {@link searchPartitions} spreads the partitions. */
export interface ScheduleOptions {
  /** Keep searching after one partition is found illegal. */
  allPartitions: boolean;
  /** Worker threads besides the calling one (default: one per further core). */
  workers?: number;
  /**
   * Search on the calling thread alone for this many steps before starting workers
   * (default 200,000). Counted in steps, not ms, so the choice does not depend on the
   * machine's load, and small searches never pay for starting a worker.
   */
  parallelAfterSteps?: number;
  /** Node flags for the workers (a TypeScript loader when running from sources). */
  workerExecArgv?: string[];
  /** Search only these partitions (by position); the others were decided without search. Default: all. */
  only?: readonly number[];
}

/** What the search of every partition came to. */
export interface SearchOutcome {
  /** Illegal partitions, in partition order. */
  illegal: number[];
  stoppedBy: BudgetEnd | undefined;
  /** For each partition found linearizable, its linearization (operation ids). */
  orders: number[][];
  /** Partitions left unfinished: an illegal one was found first, or a budget ran out. */
  unfinished: number[];
}

/** Steps between two reads of the budgets and of the workers' results. */
export const SLICE_STEPS = 4096;

/**
 * Searches every partition, stopping at the first illegal one unless `allPartitions`.
 * The partitions take turns in slices of SLICE_STEPS steps, smallest first, so an easy
 * illegal partition is found before a hard valid one is finished (Porcupine gets the
 * same from one goroutine per partition and a kill switch). When the work outlasts
 * `parallelAfterSteps` and several partitions are left, worker threads take some of them
 * (see search-workers.ts); the verdict is the same either way, since each partition's
 * search is the same wherever it runs.
 *
 * @example
 * const outcome = searchPartitions(partitions, model, budget, { allPartitions: false });
 */
export function searchPartitions(
  partitions: Operation[][],
  model: Model<any>,
  budget: { over(): BudgetEnd | undefined },
  options: ScheduleOptions,
): SearchOutcome {
  let stepsDone = 0;
  const byCost = [...(options.only ?? partitions.map((_, p) => p))].sort((a, b) => partitions[a]!.length - partitions[b]!.length || a - b);
  // Made when first searched: most end before every partition has had a turn.
  const searches = new Map<number, PartitionSearch<unknown> | undefined>(byCost.map((p) => [p, undefined]));
  const searchOf = (p: number): PartitionSearch<unknown> => {
    let search = searches.get(p);
    if (search === undefined) searches.set(p, (search = new PartitionSearch(partitions[p]!, model, false)));
    return search;
  };
  const orders: number[][] = new Array(partitions.length);
  const illegal: number[] = [];
  const finish = (p: number, status: 'ok' | 'illegal', order: () => number[]): void => {
    if (!searches.delete(p)) return;
    if (status === 'ok') orders[p] = order().map((i) => partitions[p]![i]!.id);
    else illegal.push(p);
  };
  const done = (stoppedBy: BudgetEnd | undefined): SearchOutcome => {
    workers?.stop();
    return { illegal: illegal.sort((a, b) => a - b), stoppedBy, orders, unfinished: [...searches.keys()].sort((a, b) => a - b) };
  };
  const workerCount = Math.min(options.workers ?? availableParallelism() - 1, byCost.length - 1);
  const recipe = modelRecipe(model);
  let workers: SearchWorkers | undefined;
  let mine = byCost;
  while (searches.size > 0) {
    const left = byCost.filter((p) => searches.has(p));
    if (workers === undefined && recipe !== undefined && workerCount > 0 && left.length > 1 &&
      stepsDone >= (options.parallelAfterSteps ?? PARALLEL_AFTER_STEPS)) {
      // Keep the partitions furthest along; the workers start the others from scratch.
      const keep = Math.ceil(left.length / (workerCount + 1));
      const byProgress = [...left].sort((a, b) => (searches.get(b)?.steps ?? 0) - (searches.get(a)?.steps ?? 0) || a - b);
      const kept = new Set(byProgress.slice(0, keep));
      const handed = left.filter((p) => !kept.has(p));
      workers = startSearchWorkers(recipe, partitions, handed, Math.min(workerCount, handed.length), options.workerExecArgv);
      mine = left.filter((p) => kept.has(p));
    } else if (workers !== undefined) {
      // Mine are done: take one no worker has claimed, else help with one they have
      // (the same search, so whichever finishes first gives the same answer).
      mine = mine.filter((p) => searches.has(p));
      if (mine.length === 0) {
        const claimed = workers.claim();
        mine = claimed === undefined ? left.slice(0, 1) : [claimed];
      }
    }
    // One round: a slice for each partition this thread searches.
    for (const p of mine) {
      if (!searches.has(p)) continue;
      const search = searchOf(p);
      const before = search.steps;
      const status = search.run(SLICE_STEPS);
      stepsDone += search.steps - before;
      if (status !== 'running') finish(p, status, () => search.order());
      workers?.collect(finish);
      if (illegal.length > 0 && !options.allPartitions) return done(undefined);
      const stoppedBy = budget.over();
      if (stoppedBy !== undefined) return done(stoppedBy);
    }
  }
  return done(undefined);
}

/** Searching on one thread for this many steps first spares small histories the cost of starting workers. */
const PARALLEL_AFTER_STEPS = 200_000;
