import { checkLinearizable } from '../../src/checker/index.js';
import { readHistory, validateHistory } from '../../src/history/index.js';
import { MODELS } from '../../src/models/index.js';
import { modelOpCheck } from '../../src/models/op-check.js';
import { CORPUS_ABSENT_MESSAGE, corpusEntries } from './corpus-path.js';
import { median } from './stats.js';

/** One corpus history's timing. */
export interface CorpusTiming {
  file: string;
  expected: string;
  verdict: string;
  checkMsMedian: number;
  parseMs: number;
}

/**
 * Times the checker on every reference history (parsing excluded from the check time,
 * as Porcupine's benchmark does), `repeats` times each, and reports the medians.
 *
 * @example
 * const rows = await benchCorpus({ repeats: 5 });
 */
export async function benchCorpus(options: { repeats: number; filter?: RegExp }): Promise<CorpusTiming[]> {
  const entries = corpusEntries().filter((e) => !options.filter || options.filter.test(e.file));
  if (entries.length === 0) {
    console.error(`corpus benchmark skipped: ${CORPUS_ABSENT_MESSAGE}`);
    return [];
  }
  const rows: CorpusTiming[] = [];
  for (const entry of entries) {
    const model = MODELS[entry.model]!({ init: entry.init });
    const parseStart = performance.now();
    const history = validateHistory(await readHistory(entry.path, { format: entry.format }), {
      checkOp: modelOpCheck(model),
    });
    const parseMs = performance.now() - parseStart;
    const times: number[] = [];
    let verdict = '';
    for (let i = 0; i < options.repeats; i++) {
      const started = performance.now();
      const result = checkLinearizable(history.ops, model);
      times.push(performance.now() - started);
      verdict = String(result.valid);
    }
    rows.push({ file: entry.file, expected: entry.expected, verdict, checkMsMedian: median(times), parseMs });
  }
  return rows;
}
