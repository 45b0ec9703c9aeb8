import { describe, expect, it } from 'vitest';
import { checkLinearizable } from '../../src/checker/index.js';
import { pruneIndeterminate } from '../../src/checker/linearizable/prune.js';
import { PartitionSearch } from '../../src/checker/linearizable/search.js';
import { startSearchWorkers } from '../../src/checker/linearizable/search-workers.js';
import { pairOperations, readHistory, validateHistory } from '../../src/history/index.js';
import type { Operation } from '../../src/history/operation.js';
import { MODELS } from '../../src/models/index.js';
import { modelOpCheck } from '../../src/models/op-check.js';
import { modelRecipe } from '../../src/models/recipe.js';
import { CORPUS_ABSENT_MESSAGE, corpusEntries, corpusRoot } from '../bench/corpus-path.js';
import { TS_WORKER_FLAGS } from '../explore/support/worker-flags.js';
import { HistoryBuilder } from './support/history.js';

// Histories with several partitions: the others are one register, which no worker shares.
const entries = corpusEntries().filter((entry) => entry.model === 'kv');
const absent = corpusRoot() === undefined;
if (absent) console.warn(`parallel corpus tests skipped: ${CORPUS_ABSENT_MESSAGE}`);

/** Workers from the first slice on, loading the TypeScript sources. */
const PARALLEL = { workers: 1, parallelAfterSteps: 0, workerExecArgv: TS_WORKER_FLAGS };

async function corpusHistory(entry: (typeof entries)[number]) {
  const model = MODELS[entry.model]!({ init: entry.init });
  const history = validateHistory(await readHistory(entry.path, { format: entry.format }), { checkOp: modelOpCheck(model) });
  return { model, ops: history.ops };
}

/** Waits (blocking, as the checker's own thread would not) until `done()` holds. */
function waitFor(done: () => boolean): void {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; !done(); waited += 10) {
    if (waited > 60_000) throw new Error('no result from the search workers within 60 s');
    Atomics.wait(sleeper, 0, 0, 10);
  }
}

describe.skipIf(absent)('partitions on worker threads: the same verdicts as on one thread', () => {
  for (const entry of entries) {
    // c50-bad has partitions no search finishes (why the checker stops at the first
    // illegal one): it is compared by verdict only.
    it.skipIf(entry.file === 'kv/c50-bad.txt')(`${entry.file}: a worker finds what the calling thread finds, partition by partition`, async () => {
      const { model, ops } = await corpusHistory(entry);
      const partitions = model.partition!(pairOperations(ops)).map((group) => pruneIndeterminate(group, model));
      const alone = partitions.map((group) => {
        const search = new PartitionSearch(group, model, false);
        while (search.run(100_000) === 'running');
        return search.status === 'ok' ? { status: 'ok', order: search.order() } : { status: 'illegal' };
      });
      // Every partition handed to one worker; this thread only collects.
      const handed = partitions.map((_, p) => p);
      const workers = startSearchWorkers(modelRecipe(model)!, partitions, handed, 1, TS_WORKER_FLAGS);
      const found: Array<{ status: string; order?: number[] }> = new Array(partitions.length);
      let count = 0;
      try {
        waitFor(() => {
          workers.collect((p, status, order) => {
            found[p] = status === 'ok' ? { status, order: order() } : { status };
            count++;
          });
          return count === partitions.length;
        });
      } finally {
        workers.stop();
      }
      expect(found).toEqual(alone);
      expect(alone.some((result) => result.status === 'illegal')).toBe(entry.expected === 'invalid');
    });

    it(`${entry.file}: checkLinearizable with a worker gives the verdict and linearization it gives alone`, async () => {
      const { model, ops } = await corpusHistory(entry);
      const alone = checkLinearizable(ops, model, { workers: 0 });
      const parallel = checkLinearizable(ops, model, PARALLEL);
      expect(parallel.valid).toBe(entry.expected === 'valid');
      expect(parallel.valid).toBe(alone.valid);
      expect(parallel.detail.linearization).toEqual(alone.detail.linearization);
      expect(parallel.detail.failures.length > 0).toBe(alone.detail.failures.length > 0);
    });
  }
});

/**
 * Key "hard": a put and 14 appends all concurrent, then a read of a text no order gives:
 * illegal, but only after every order of the appends is tried (14! of them), and the
 * put keeps the search from pruning any. Key "easy": 30 sequential writes and reads,
 * then a stale read: illegal within a few dozen steps, though it is the larger partition.
 */
function hardAndEasy(): HistoryBuilder {
  const history = new HistoryBuilder();
  history.invoke(0, 'put', 'p', 'hard');
  for (let p = 1; p <= 14; p++) history.invoke(p, 'append', `a${p}`, 'hard');
  history.complete(0, 'ok', 'put', 'p', 'hard');
  for (let p = 1; p <= 14; p++) history.complete(p, 'ok', 'append', `a${p}`, 'hard');
  history.invoke(15, 'get', null, 'hard').complete(15, 'ok', 'get', 'no order gives this', 'hard');
  for (let i = 0; i < 15; i++) {
    history.invoke(16, 'put', `v${i}`, 'easy').complete(16, 'ok', 'put', `v${i}`, 'easy');
    history.invoke(17, 'get', null, 'easy').complete(17, 'ok', 'get', `v${i}`, 'easy');
  }
  history.invoke(17, 'get', null, 'easy').complete(17, 'ok', 'get', 'v3', 'easy');
  return history;
}

describe('the search stops at the first illegal partition', () => {
  const model = MODELS.kv!({ init: '' });

  it('on one thread: the easy illegal key is reported and the hard one is left unfinished', () => {
    const verdict = checkLinearizable(hardAndEasy().ops, model, { workers: 0 });
    expect(verdict.valid).toBe(false);
    expect(verdict.detail.failures.map((failure) => failure.key)).toEqual(['easy']);
    expect(verdict.detail.unfinished).toEqual([0]);
    expect(verdict.detail.failures[0]!.blocked?.output.value).toBe('v3');
  });

  it('with a worker: the same, whichever thread had which key', () => {
    const verdict = checkLinearizable(hardAndEasy().ops, model, PARALLEL);
    expect(verdict.valid).toBe(false);
    expect(verdict.detail.failures.map((failure) => failure.key)).toEqual(['easy']);
    expect(verdict.detail.unfinished).toEqual([0]);
  });

  it('a model not made by MODELS is searched on the calling thread alone', () => {
    const own = { ...model };
    expect(modelRecipe(own)).toBeUndefined();
    const verdict = checkLinearizable(hardAndEasy().ops, own, PARALLEL);
    expect(verdict.valid).toBe(false);
    expect(verdict.detail.unfinished).toEqual([0]);
  });
});

describe('operations handed to workers keep their shape', () => {
  it('a worker reports a linearization in the positions of the partition it was given', () => {
    const model = MODELS.register!({ init: 0 });
    const ops: Operation[] = pairOperations(new HistoryBuilder().write(0, undefined, 1).read(1, undefined, 1).ops);
    const workers = startSearchWorkers(modelRecipe(model)!, [ops], [0], 1, TS_WORKER_FLAGS);
    let order: number[] | undefined;
    try {
      waitFor(() => {
        workers.collect((_, status, found) => {
          expect(status).toBe('ok');
          order = found();
        });
        return order !== undefined;
      });
    } finally {
      workers.stop();
    }
    expect(order).toEqual([0, 1]);
  });
});
