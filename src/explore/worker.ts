/**
 * The body of one exploration worker thread: runs i ≡ index (mod count), in
 * order, until the shared stop mark says no further run is wanted; posts one
 * RunRecord per run, then `{ done: true }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { exploreRunner } from './explore-run.js';
import type { WorkerInput } from './worker-pool.js';
import { fromWorkerConstraints } from './worker-modes.js';
import { shardRun } from './shard.js';

const input = workerData as WorkerInput;
const stopMark = new Int32Array(input.control);
const runner = exploreRunner(await fromWorkerConstraints(input.constraints, input.modeModules), input.seed, input.checkTimeoutMs);
for (let i = input.index; i <= Atomics.load(stopMark, 0); i += input.count) {
  parentPort!.postMessage(runner.run(shardRun(input.shard, i)).record);
}
parentPort!.postMessage({ done: true });
