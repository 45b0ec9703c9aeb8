import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Operation } from '../../history/operation.js';
import type { ModelRecipe } from '../../models/recipe.js';

/** What a search worker is started with (see search-worker.ts). */
export interface SearchWorkerInput {
  recipe: ModelRecipe;
  /** The partitions the workers share, each as its operations. */
  partitions: Operation[][];
  /** Each one's position among the caller's partitions. */
  ids: number[];
  /** How many partitions one worker searches at a time (in turns). */
  cap: number;
  /** Int32 slots: STOP (non-zero: stop now) and NEXT (the next partition to claim). */
  control: SharedArrayBuffer;
  port: MessagePort;
}

/** A worker's report on one partition. */
export type SearchWorkerResult =
  | { partition: number; status: 'ok'; order: number[] }
  | { partition: number; status: 'illegal' }
  | { error: string };

export const STOP = 0;
export const NEXT = 1;

/** The running workers of one search, seen from the thread that started them. */
export interface SearchWorkers {
  /** Hands each result reported since the last call to `finish`. */
  collect(finish: (partition: number, status: 'ok' | 'illegal', order: () => number[]) => void): void;
  /** Claims a partition no worker has claimed yet, for the caller to search. */
  claim(): number | undefined;
  /** Stops every worker (they end without keeping the process alive). */
  stop(): void;
}

/**
 * Starts `count` worker threads on the partitions `handed` (positions in `partitions`).
 * The caller never blocks on them: it reads their results between its own slices of
 * search (receiveMessageOnPort), and the workers read a shared stop flag between
 * theirs, so the first illegal partition stops everyone within a slice. Workers are
 * unref'd: a verdict reached never waits for a worker to end.
 *
 * @example
 * const workers = startSearchWorkers(recipe, partitions, [3, 4, 5], 1, undefined);
 */
export function startSearchWorkers(
  recipe: ModelRecipe,
  partitions: readonly Operation[][],
  handed: readonly number[],
  count: number,
  execArgv: string[] | undefined,
): SearchWorkers {
  const control = new Int32Array(new SharedArrayBuffer(8));
  const url = new URL(import.meta.url.endsWith('.ts') ? './search-worker.ts' : './search-worker.js', import.meta.url);
  const cap = Math.ceil(handed.length / count);
  const started = Array.from({ length: count }, () => {
    const { port1, port2 } = new MessageChannel();
    const input: SearchWorkerInput = {
      recipe, partitions: handed.map((p) => partitions[p]!), ids: [...handed], cap, control: control.buffer as SharedArrayBuffer, port: port2,
    };
    const worker = new Worker(url, { workerData: input, transferList: [port2], ...(execArgv ? { execArgv } : {}) });
    worker.unref();
    // A worker that fails to start or dies claims nothing more; the caller searches what is
    // unclaimed, and helps with what is claimed, so no result is waited for in vain.
    worker.on('error', () => {});
    return { worker, port: port1 };
  });
  return {
    collect(finish) {
      for (const { port } of started) {
        for (let message = receiveMessageOnPort(port); message !== undefined; message = receiveMessageOnPort(port)) {
          const result = message.message as SearchWorkerResult;
          if ('error' in result) throw new Error(`a search worker failed: ${result.error}`);
          finish(result.partition, result.status, () => (result.status === 'ok' ? result.order : []));
        }
      }
    },
    claim() {
      const next = Atomics.add(control, NEXT, 1);
      return next < handed.length ? handed[next] : undefined;
    },
    stop() {
      Atomics.store(control, STOP, 1);
      for (const { worker, port } of started) {
        port.close();
        void worker.terminate();
      }
    },
  };
}
