import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkLinearizable } from '../../src/checker/index.js';
import { readHistory, validateHistory, writeHistory } from '../../src/history/index.js';
import { kvModel } from '../../src/models/index.js';
import { modelOpCheck } from '../../src/models/op-check.js';
import { generateKvHistory } from './generate-kv.js';

/** What the scale benchmark measured. */
export interface ScaleFigures {
  ops: number;
  keys: number;
  processes: number;
  infoOps: number;
  /** History records (invokes and completions) read and validated per second. */
  readRecordsPerSec: number;
  readMs: number;
  checkMs: number;
  totalMs: number;
  peakRssMb: number;
  valid: string;
  pruned: number;
}

/**
 * Generates a large kv history (values unique per key, ~5% info), writes it as NDJSON,
 * then reads, validates and checks it as `faultline check` would, sampling peak RSS.
 *
 * @example
 * const figures = await benchScale({ ops: 1_000_000, keys: 1000, processes: 50 });
 */
export async function benchScale(c: { ops: number; keys: number; processes: number }): Promise<ScaleFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-scale-'));
  const file = path.join(dir, 'history.ndjson');
  try {
    let history = generateKvHistory({ ...c, infoRate: 0.05, seed: 7 });
    const infoOps = history.filter((op) => op.type === 'info').length;
    await writeHistory(file, history);
    history = [];
    globalThis.gc?.();
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    const started = performance.now();
    const model = kvModel({ init: null });
    const parsed = validateHistory(await readHistory(file), { checkOp: modelOpCheck(model) });
    const readMs = performance.now() - started;
    // Validated above, as `faultline check` does: the checker need not do it again.
    const result = checkLinearizable(parsed.ops, model, { validated: true });
    const totalMs = performance.now() - started;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return {
      ...c,
      infoOps,
      readRecordsPerSec: Math.round(parsed.ops.length / (readMs / 1000)),
      readMs,
      checkMs: totalMs - readMs,
      totalMs,
      peakRssMb: peakRss / 2 ** 20,
      valid: String(result.valid),
      pruned: result.detail.pruned,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
