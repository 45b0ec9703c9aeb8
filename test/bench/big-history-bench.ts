import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BigCheckFigures } from './big-history-check.js';
import { writeBigHistory, type BigHistoryOptions } from './big-history.js';

/** One row of the big-history table. */
export interface BigHistoryRow extends BigCheckFigures {
  history: string;
  records: number;
  fileMb: number;
  path: string;
  /** For a planted stale read: whether the evidence blames exactly that read. */
  blamesPlanted?: boolean;
}

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'big-history-check.js');

/**
 * Generates each big history into a temporary file, then reads and checks it in a
 * fresh child process (its peak RSS is the child's own): the unique-values path on
 * every history, and the search alone, within `searchTimeoutMs`, where asked.
 *
 * @example
 * const rows = await benchBigHistories({ records: 10_000_000, searchTimeoutMs: 60_000 });
 */
export async function benchBigHistories(c: { records: number; searchTimeoutMs: number; onRow?: (row: BigHistoryRow) => void }): Promise<BigHistoryRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-big-'));
  const rows: BigHistoryRow[] = [];
  const cases: Array<{ name: string; model: 'register' | 'kv'; keys: number | undefined; staleRead: boolean; search: boolean }> = [
    { name: 'register, 1 key', model: 'register', keys: undefined, staleRead: false, search: true },
    { name: 'register, 1 key, stale read', model: 'register', keys: undefined, staleRead: true, search: false },
    { name: 'kv, 1000 keys', model: 'kv', keys: 1000, staleRead: false, search: false },
    { name: 'kv, 1000 keys, stale read', model: 'kv', keys: 1000, staleRead: true, search: false },
  ];
  try {
    for (const [n, k] of cases.entries()) {
      const file = path.join(dir, `history-${n}.ndjson`);
      const options: BigHistoryOptions = { records: c.records, keys: k.keys, processes: 100, infoRate: 0.05, seed: 7 + n, staleRead: k.staleRead };
      const facts = writeBigHistory(file, options);
      const fileMb = statSync(file).size / 2 ** 20;
      const measured = (algorithm: 'auto' | 'search'): BigHistoryRow => {
        const figures = runChild(file, k.model, algorithm, algorithm === 'search' ? c.searchTimeoutMs : undefined);
        return {
          history: k.name, records: facts.records, fileMb, path: algorithm === 'search' ? 'search only' : 'auto', ...figures,
          ...(facts.staleReadIndex === undefined ? {} : { blamesPlanted: figures.blockedIndex === facts.staleReadIndex }),
        };
      };
      for (const algorithm of k.search ? (['auto', 'search'] as const) : (['auto'] as const)) {
        const row = measured(algorithm);
        rows.push(row);
        c.onRow?.(row);
      }
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

function runChild(file: string, model: string, algorithm: string, timeoutMs: number | undefined): BigCheckFigures {
  const args = [CHILD, file, model, algorithm, ...(timeoutMs === undefined ? [] : [String(timeoutMs)])];
  // No flags: the child runs as `faultline check` would, with Node's default heap.
  const output = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(output) as BigCheckFigures;
}
