import { Worker } from 'node:worker_threads';
import type { ScenarioArbOptions } from '../gen/scenario-arb.js';
import type { RunRecord } from './explore-run.js';
import { toWorkerConstraints } from './worker-modes.js';
import type { Shard } from './shard.js';

/**
 * What each worker is started with. `control` holds one Int32: the highest run
 * index still wanted, lowered by the coordinator on a failure or a deadline.
 */
export interface WorkerInput {
  /** The constraints without functions (see toWorkerConstraints). */
  constraints: ScenarioArbOptions;
  /** Module URLs of the store modes of the caller's own, for the worker to load. */
  modeModules: string[];
  seed: number;
  checkTimeoutMs: number;
  index: number;
  count: number;
  control: SharedArrayBuffer;
  /** The shard whose runs the positions stand for. */
  shard: Shard;
}

/**
 * Options of {@link runWorkerPool}.
 */
export interface WorkerPoolOptions {
  constraints: ScenarioArbOptions;
  seed: number;
  checkTimeoutMs: number;
  workers: number;
  /** The highest run index to run (inclusive); with a shard, the highest position in its run sequence. */
  lastRun: number;
  /** Run only this shard's runs: worker w takes positions w, w+K, … of its sequence. Default: every run. */
  shard?: Shard;
  /** Each run's record as it arrives; return a new (lower) last run index to stop the others early. */
  onRecord(record: RunRecord): number | undefined;
  /** Wall-clock ms after which no new run starts. */
  timeLimitMs?: number;
  /** Node flags for the workers (e.g. a TypeScript loader when running from sources). */
  execArgv?: string[];
  /** When aborted, the workers are stopped at once: the run each was in is dropped, and the pool resolves. */
  signal?: AbortSignal;
}

/**
 * The highest run index allowed, as an Int32 (runs "until time runs out" use its maximum).
 *
 * @example
 * clampRunIndex(Infinity); // 2147483647
 */
export function clampRunIndex(index: number): number {
  return Math.max(-1, Math.min(0x7fffffff, index));
}

/**
 * Runs an exploration on worker threads: worker w takes runs w, w+K, w+2K...;
 * every record goes to `onRecord` in arrival order; the pool resolves once all
 * workers are done, with the final last run index. The coordinator, not the
 * workers, decides when to stop, through a shared Int32 the workers read
 * before each run, so a failure at run i stops everyone after i while every
 * run before i still completes.
 *
 * @example
 * const lastRun = await runWorkerPool({ constraints: { preset: 'll-weak' }, seed: 1, checkTimeoutMs: 5000, workers: 2, lastRun: 199, onRecord });
 */
export function runWorkerPool(options: WorkerPoolOptions): Promise<number> {
  const control = new SharedArrayBuffer(4);
  const stopMark = new Int32Array(control);
  Atomics.store(stopMark, 0, clampRunIndex(options.lastRun));
  const lower = (index: number) => Atomics.store(stopMark, 0, Math.min(Atomics.load(stopMark, 0), clampRunIndex(index)));
  const timer = options.timeLimitMs === undefined ? undefined : setTimeout(() => lower(-1), options.timeLimitMs);
  const { constraints, modeModules } = toWorkerConstraints(options.constraints);
  const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);
  const started: Worker[] = [];
  // An interrupted run is not worth waiting for: one run can take the whole checker budget.
  const stopAll = () => {
    lower(-1);
    for (const worker of started) void worker.terminate();
  };
  options.signal?.addEventListener('abort', stopAll, { once: true });
  const finished = Array.from({ length: options.workers }, (_, index) => new Promise<void>((resolve, reject) => {
    const input: WorkerInput = {
      constraints, modeModules, seed: options.seed, checkTimeoutMs: options.checkTimeoutMs,
      index, count: options.workers, control, shard: options.shard ?? { index: 0, count: 1 },
    };
    const worker = new Worker(workerUrl, { workerData: input, execArgv: options.execArgv ?? [] });
    started.push(worker);
    if (options.signal?.aborted) void worker.terminate();
    let done = false;
    worker.on('message', (message: RunRecord | { done: true }) => {
      if ('done' in message) {
        done = true;
        return void resolve();
      }
      const newLast = options.onRecord(message);
      if (newLast !== undefined) lower(newLast);
    });
    worker.on('error', (error) => {
      lower(-1);
      reject(error);
    });
    // Node delivers a worker's pending messages before 'exit', so `done` is final here.
    worker.on('exit', (code) => {
      if (done || options.signal?.aborted) resolve();
      else reject(new Error(`explore worker ${index} stopped before finishing (exit code ${code})`));
    });
  }));
  return Promise.all(finished)
    .then(() => Atomics.load(stopMark, 0))
    .finally(() => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', stopAll);
    });
}
