/**
 * One measured check of a big history, run in a child process of its own so that its
 * peak resident memory is its own: reads and validates the file as `faultline check`
 * does, checks it, and prints one JSON object with the figures.
 *
 * Usage: node big-history-check.js FILE register|kv auto|search [TIMEOUT_MS]
 */
import { checkLinearizable } from '../../src/checker/linearizable/check.js';
import { readHistory, validateHistory } from '../../src/history/index.js';
import { kvModel, registerModel } from '../../src/models/index.js';
import { modelOpCheck } from '../../src/models/op-check.js';

/** What one child measured. */
export interface BigCheckFigures {
  readS: number;
  checkS: number;
  peakRssMb: number;
  valid: string;
  algorithm: string;
  /** The invoke index of the op the evidence blames, for an invalid verdict. */
  blockedIndex?: number;
  stoppedBy?: string;
}

async function main(): Promise<void> {
  const [file, modelName, algorithm, timeout] = process.argv.slice(2);
  const model = modelName === 'kv' ? kvModel({ init: null }) : registerModel({ init: null });
  const started = performance.now();
  const history = validateHistory(await readHistory(file!), { checkOp: modelOpCheck(model) });
  const read = performance.now();
  const verdict = checkLinearizable(history.ops, model, {
    validated: true,
    algorithm: algorithm === 'search' ? 'search' : 'auto',
    // Below the default heap limit (about 4 GB), so a search that outgrows it ends in
    // unknown rather than in a crash.
    maxMemoryBytes: 3.5 * 2 ** 30,
    ...(timeout === undefined ? {} : { timeoutMs: Number(timeout) }),
  });
  const checked = performance.now();
  const blocked = verdict.detail.failures[0]?.blocked;
  const figures: BigCheckFigures = {
    readS: (read - started) / 1000,
    checkS: (checked - read) / 1000,
    // maxRSS is in kilobytes.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    valid: String(verdict.valid),
    algorithm: verdict.detail.algorithm,
    ...(blocked ? { blockedIndex: blocked.invokeIndex } : {}),
    ...(verdict.detail.stoppedBy ? { stoppedBy: verdict.detail.stoppedBy } : {}),
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

await main();
