import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusEntry } from './corpus-path.js';
import { median } from './stats.js';

/** The built `faultline` command (benchmarks run from dist/, after `npm run build`). */
const CLI = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));

/**
 * The milliseconds of `checks` checks of a corpus history in a row, in one fresh process.
 *
 * @example
 * warmupRun(entry, 6); // [15.3, 9.1, 3.2, 1.4, 1.0, 0.9]
 */
export function warmupRun(entry: CorpusEntry, checks: number): number[] {
  const child = fileURLToPath(new URL('./warmup-child.js', import.meta.url));
  const result = spawnSync(process.execPath, [child, entry.path, entry.model, JSON.stringify(entry.init), String(checks)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`warmup-child exited with ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout) as number[];
}

/** One history checked by a fresh `faultline check --json` process, as a user or CI runs it. */
export interface FreshTiming {
  /** The process's own figure: the check, from history read to verdict (`elapsedMs`). */
  elapsedMsMedian: number;
  /** Wall time of the whole process, start to exit, as a shell sees it. */
  wallMsMedian: number;
  verdict: string;
}

/**
 * Runs `faultline check --json` on a corpus history `runs` times, each in a new
 * process, and reports the medians of its elapsedMs and of the process's wall time.
 *
 * @example
 * const { elapsedMsMedian } = freshCheck(entry, 5);
 */
export function freshCheck(entry: CorpusEntry, runs: number): FreshTiming {
  const args = [CLI, 'check', '--json', '--model', entry.model, '--init', JSON.stringify(entry.init), entry.path];
  const elapsed: number[] = [];
  const wall: number[] = [];
  let verdict = '';
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
    wall.push(performance.now() - started);
    const json = JSON.parse(result.stdout) as { valid: unknown; elapsedMs: number };
    elapsed.push(json.elapsedMs);
    verdict = String(json.valid);
  }
  return { elapsedMsMedian: median(elapsed), wallMsMedian: median(wall), verdict };
}

/** What starting `faultline check` costs over starting Node itself. */
export interface StartupTiming {
  /** `node -e 0`. */
  bareNodeMs: number;
  /** `faultline check` on a 3-op history. */
  checkMs: number;
}

/**
 * Spawns `node -e 0` and `faultline check` on a 3-op history alternately, `runs`
 * times each (as hyperfine would, so both meet the same machine load), and reports
 * the median wall time of each.
 *
 * @example
 * const { bareNodeMs, checkMs } = startupBench(21);
 */
export function startupBench(runs: number): StartupTiming {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-startup-'));
  try {
    const file = path.join(dir, 'three-ops.ndjson');
    writeFileSync(file, [
      { index: 0, process: 0, type: 'invoke', f: 'write', value: 1 },
      { index: 1, process: 0, type: 'ok', f: 'write', value: 1 },
      { index: 2, process: 1, type: 'invoke', f: 'read', value: null },
    ].map((op) => JSON.stringify(op)).join('\n') + '\n');
    const bare: number[] = [];
    const check: number[] = [];
    for (let i = 0; i < runs; i++) {
      bare.push(timeSpawn(['-e', '0']));
      check.push(timeSpawn([CLI, 'check', file]));
    }
    return { bareNodeMs: median(bare), checkMs: median(check) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function timeSpawn(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}`);
  return performance.now() - started;
}
