/**
 * The body of a search worker thread: claims partitions from the shared counter, up to
 * `cap` at a time, searches them in turns of SLICE_STEPS steps, and posts each one's
 * result; stops when told to or when none is left. It imports only the search and the
 * models, so that it starts fast.
 */
import { workerData } from 'node:worker_threads';
import { MODELS } from '../../models/index.js';
import { PartitionSearch } from './search.js';
import { NEXT, STOP, type SearchWorkerInput, type SearchWorkerResult } from './search-workers.js';

const SLICE_STEPS = 4096;
const input = workerData as SearchWorkerInput;
const control = new Int32Array(input.control);
const post = (result: SearchWorkerResult): void => input.port.postMessage(result);

try {
  const model = MODELS[input.recipe.name]!(input.recipe.options);
  const active: Array<{ index: number; search: PartitionSearch<unknown> }> = [];
  let exhausted = false;
  while (Atomics.load(control, STOP) === 0) {
    while (!exhausted && active.length < input.cap) {
      const index = Atomics.add(control, NEXT, 1);
      if (index >= input.ids.length) exhausted = true;
      else active.push({ index, search: new PartitionSearch(input.partitions[index]!, model, false) });
    }
    if (active.length === 0) break;
    for (let i = 0; i < active.length && Atomics.load(control, STOP) === 0; i++) {
      const { index, search } = active[i]!;
      const status = search.run(SLICE_STEPS);
      if (status === 'running') continue;
      post(status === 'ok' ? { partition: input.ids[index]!, status, order: search.order() } : { partition: input.ids[index]!, status });
      active.splice(i--, 1);
    }
  }
} catch (error) {
  post({ error: error instanceof Error ? error.message : String(error) });
} finally {
  input.port.close();
}
