/**
 * One measured check of a big history, run in a child process of its own so that its
 * peak resident memory is its own: reads and validates the file as `faultline check`
 * does, checks it, and prints one JSON object with the figures.
 *
 * Usage: node big-history-check.js FILE register|kv auto|search [TIMEOUT_MS]
 */
import { checkLinearizable } from '../../src/checker/linearizable/check.js';
import { checkLinearizableColumns } from '../../src/checker/linearizable/check-columns.js';
import { pairOpColumns, readHistory, readOpColumns, validateHistory } from '../../src/history/index.js';
import { kvModel, registerModel } from '../../src/models/index.js';
import { modelOpCheck } from '../../src/models/op-check.js';
import type { LinearizableVerdict } from '../../src/checker/linearizable/check.js';

/** What one child measured. */
export interface BigCheckFigures {
  readS: number;
  checkS: number;
  peakRssMb: number;
  valid: string;
  algorithm: string;
  /** How the history was held: as columns (the default for plain NDJSON) or as one object per op. */
  reader: 'columns' | 'objects';
  /** The invoke index of the op the evidence blames, for an invalid verdict. */
  blockedIndex?: number;
  stoppedBy?: string;
}

// Below the default heap limit (about 4 GB), so a search that outgrows it ends in unknown rather than in a crash.
const MAX_MEMORY_BYTES = 3.5 * 2 ** 30;

async function main(): Promise<void> {
  const [file, modelName, algorithm, timeout] = process.argv.slice(2);
  // As `faultline check` reads an NDJSON file (nil reads as values).
  const model = modelName === 'kv' ? kvModel({ init: null, nilReads: 'value' }) : registerModel({ init: null, nilReads: 'value' });
  const timeoutMs = timeout === undefined ? {} : { timeoutMs: Number(timeout) };
  const started = performance.now();
  let read = started;
  let verdict: LinearizableVerdict | undefined;
  let reader: BigCheckFigures['reader'] = 'columns';
  if (algorithm !== 'search') {
    // The way `faultline check` takes: columns, checked without search.
    const columns = readOpColumns(file!);
    const operations = columns && pairOpColumns(columns);
    read = performance.now();
    verdict = operations && checkLinearizableColumns(operations, columns!.strings, model, { maxMemoryBytes: MAX_MEMORY_BYTES, ...timeoutMs });
  }
  if (verdict === undefined) {
    reader = 'objects';
    const history = validateHistory(await readHistory(file!), { checkOp: modelOpCheck(model) });
    read = performance.now();
    verdict = checkLinearizable(history.ops, model, {
      validated: true,
      algorithm: algorithm === 'search' ? 'search' : 'auto',
      maxMemoryBytes: MAX_MEMORY_BYTES,
      ...timeoutMs,
    });
  }
  const checked = performance.now();
  const blocked = verdict.detail.failures[0]?.blocked;
  const figures: BigCheckFigures = {
    readS: (read - started) / 1000,
    checkS: (checked - read) / 1000,
    // maxRSS is in kilobytes.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    valid: String(verdict.valid),
    algorithm: verdict.detail.algorithm,
    reader,
    ...(blocked ? { blockedIndex: blocked.invokeIndex } : {}),
    ...(verdict.detail.stoppedBy ? { stoppedBy: verdict.detail.stoppedBy } : {}),
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

await main();
