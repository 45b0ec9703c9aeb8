import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * One saved run as the run list shows it: where it is, its verdict, what store it
 * ran (preset or mode), its anomaly, ops, faults and when it was saved.
 *
 * @example
 * listRuns('out')[0]; // { path: 'sl-async-seed1-run28', valid: false, anomaly: 'lost-write', target: 'sl-async', ops: 2, faults: 1, ... }
 */
export interface RunSummary {
  /** The folder, relative to the served root, with forward slashes. */
  path: string;
  valid: boolean | 'unknown' | null;
  anomaly: string | null;
  /** The preset, else the store mode. */
  target: string | null;
  ops: number | null;
  faults: number | null;
  /** When results.json was written, ISO 8601. */
  savedAt: string;
  /** report.html is on disk (else the server renders it on request). */
  hasReport: boolean;
}

/** Saved runs sit at most this deep below the root (out/<run>, out/<shard>/<run>, out/guard/<x>/<run>). */
const MAX_DEPTH = 3;

/**
 * The runs saved under `root` (folders holding scenario.json and results.json, at
 * most three levels down, hidden folders skipped), newest first. A folder whose
 * files cannot be read is listed with what could be read.
 *
 * @example
 * listRuns('out').map((run) => run.path);
 */
export function listRuns(root: string): RunSummary[] {
  const runs: RunSummary[] = [];
  const walk = (dir: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (entries.some((e) => e.name === 'scenario.json') && entries.some((e) => e.name === 'results.json')) {
      runs.push(summaryOf(root, dir));
      return;
    }
    if (depth >= MAX_DEPTH) return;
    for (const entry of entries) if (entry.isDirectory() && !entry.name.startsWith('.')) walk(path.join(dir, entry.name), depth + 1);
  };
  walk(root, 0);
  return runs.sort((a, b) => b.savedAt.localeCompare(a.savedAt) || a.path.localeCompare(b.path));
}

function summaryOf(root: string, dir: string): RunSummary {
  const results = readJson(path.join(dir, 'results.json')) as { verdict?: { valid?: unknown; anomaly?: unknown }; clientOps?: unknown; faults?: unknown } | undefined;
  const scenario = readJson(path.join(dir, 'scenario.json')) as { preset?: unknown; store?: { mode?: unknown } } | undefined;
  const valid = results?.verdict?.valid;
  return {
    path: path.relative(root, dir).split(path.sep).join('/'),
    valid: valid === true || valid === false || valid === 'unknown' ? valid : null,
    anomaly: typeof results?.verdict?.anomaly === 'string' ? results.verdict.anomaly : null,
    target: typeof scenario?.preset === 'string' ? scenario.preset : typeof scenario?.store?.mode === 'string' ? scenario.store.mode : null,
    ops: typeof results?.clientOps === 'number' ? results.clientOps : null,
    faults: typeof results?.faults === 'number' ? results.faults : null,
    savedAt: statSync(path.join(dir, 'results.json')).mtime.toISOString(),
    hasReport: existsSync(path.join(dir, 'report.html')),
  };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
