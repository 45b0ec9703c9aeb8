import { cpSync, existsSync, mkdirSync, opendirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config/config-error.js';
import { describeShardRuns, type Shard } from './shard.js';
import { readShardSummary, SUMMARY_FILE, type ShardSummary, type SummaryFailure } from './shard-summary.js';

/**
 * One de-duplicated failure of a merge: the smallest counterexample of its
 * signature, where it is, and how many other runs found the same.
 *
 * @example
 * merged.failures[0]?.duplicates; // 3: three more runs shrank to the same signature
 */
export interface MergedFailure extends SummaryFailure {
  /** The counterexample folder (under `outDir` when the merge copied it there). */
  path: string;
  /** Other failing runs with the same signature (not kept: larger, or later at equal size). */
  duplicates: number;
}

/**
 * What a merge of shard results found.
 *
 * @example
 * const report = mergeShards(['results']);
 * console.log(report.runs, report.failures.length);
 */
export interface MergeReport {
  seed: number;
  /** Shards merged (the N of I/N). */
  shards: number;
  runs: number;
  unknown: number;
  /** Failures before de-duplication. */
  found: number;
  /** The earliest failing run of any shard: the one a single unsharded explore stops at. */
  firstFailingRun: number | null;
  failures: MergedFailure[];
  /** The longest shard's time: the wall-clock time of shards run side by side. */
  elapsedMs: number;
  /** Runs per second of the shards side by side (runs / the longest shard's time). */
  runsPerSecond: number;
}

/**
 * Options of {@link mergeShards}.
 *
 * @example
 * mergeShards(['results'], { outDir: 'merged' });
 */
export interface MergeOptions {
  /** Copy each kept counterexample folder to outDir/<its name> and write outDir/merged.json. */
  outDir?: string;
}

/**
 * Merges the results folders of an exploration's shards: each DIR is a shard's
 * folder (holding summary.json) or a folder of such folders. It reads one
 * summary at a time and keeps only the best failure per signature, so memory
 * grows with distinct findings and shard count, not with runs. Shards of
 * different explorations, a shard given twice (overlapping runs) and a missing
 * shard are ConfigErrors naming them.
 *
 * @example
 * const report = mergeShards(['results/shard-0', 'results/shard-1']);
 * report.failures.map((failure) => failure.signature);
 */
export function mergeShards(inputs: readonly string[], options: MergeOptions = {}): MergeReport {
  if (inputs.length === 0) throw new ConfigError('merge', 'needs at least one results folder');
  let first: { summary: ShardSummary; file: string } | undefined;
  const shardFiles = new Map<number, string>();
  const best = new Map<string, MergedFailure>();
  const totals = { runs: 0, unknown: 0, found: 0, elapsedMs: 0, firstFailingRun: null as number | null };
  for (const file of summaryFiles(inputs)) {
    const summary = readShardSummary(file);
    if (first === undefined) first = { summary, file };
    else sameExploration(first, { summary, file });
    const earlier = shardFiles.get(summary.shard.index);
    if (earlier !== undefined) {
      throw new ConfigError(`${file}: shard`, `overlaps ${earlier}: both ran shard ${shardName(summary.shard)} (${describeShardRuns(summary.shard)})`);
    }
    shardFiles.set(summary.shard.index, file);
    totals.runs += summary.runs;
    totals.unknown += summary.unknown;
    totals.elapsedMs = Math.max(totals.elapsedMs, summary.elapsedMs);
    for (const failure of summary.failures) {
      totals.found += 1;
      if (totals.firstFailingRun === null || failure.run < totals.firstFailingRun) totals.firstFailingRun = failure.run;
      const kept = best.get(failure.signature);
      const candidate: MergedFailure = { ...failure, path: join(file, '..', failure.dir), duplicates: 0 };
      if (kept === undefined) best.set(failure.signature, candidate);
      else if (smaller(candidate, kept)) best.set(failure.signature, { ...candidate, duplicates: kept.duplicates + 1 });
      else kept.duplicates += 1;
    }
  }
  if (first === undefined) throw new ConfigError(inputs[0]!, `holds no ${SUMMARY_FILE} (expected the results folder of explore --shard, or a folder of them)`);
  const count = first.summary.shard.count;
  const missing = Array.from({ length: count }, (_, index) => index).filter((index) => !shardFiles.has(index));
  if (missing.length > 0) {
    const runs = first.summary.budget.runs ?? undefined;
    const named = missing.map((index) => `${index}/${count} (${describeShardRuns({ index, count }, runs)})`).join('; ');
    throw new ConfigError(inputs.join(' '), `missing shard${missing.length > 1 ? 's' : ''} ${named}: their runs were never explored`);
  }
  const failures = [...best.values()].sort((a, b) => a.run - b.run);
  if (options.outDir !== undefined) {
    mkdirSync(options.outDir, { recursive: true });
    for (const failure of failures) {
      const target = join(options.outDir, failure.dir);
      if (!existsSync(failure.path)) throw new ConfigError(failure.path, 'is missing, though its shard summary lists it as a counterexample folder');
      cpSync(failure.path, target, { recursive: true });
      failure.path = target;
    }
  }
  const report: MergeReport = {
    seed: first.summary.seed,
    shards: count,
    runs: totals.runs,
    unknown: totals.unknown,
    found: totals.found,
    firstFailingRun: totals.firstFailingRun,
    failures,
    elapsedMs: totals.elapsedMs,
    runsPerSecond: Math.round((totals.runs / Math.max(totals.elapsedMs / 1000, 1e-3)) * 10) / 10,
  };
  if (options.outDir !== undefined) writeFileSync(join(options.outDir, 'merged.json'), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

/** `I/N`. */
function shardName(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/** Smallest first (client ops and faults together, then client ops), then the earliest run. */
function smaller(a: SummaryFailure, b: SummaryFailure): boolean {
  const size = (f: SummaryFailure) => [f.clientOps + f.faults, f.clientOps, f.run];
  const [x, y] = [size(a), size(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]!;
  return false;
}

/** Shards of one exploration share the seed, the shard count, what was explored and the budget. */
function sameExploration(a: { summary: ShardSummary; file: string }, b: { summary: ShardSummary; file: string }): void {
  const checks: Array<[string, unknown, unknown]> = [
    ['seed', a.summary.seed, b.summary.seed],
    ['shard', a.summary.shard.count, b.summary.shard.count],
    ['target', a.summary.target, b.summary.target],
    ['budget', JSON.stringify(a.summary.budget), JSON.stringify(b.summary.budget)],
  ];
  for (const [field, x, y] of checks) {
    if (x === y) continue;
    const what = field === 'shard'
      ? `is shard ${shardName(b.summary.shard)} but ${a.file} is shard ${shardName(a.summary.shard)}: shards of different splits overlap`
      : `differs from ${a.file} (${String(y)} vs ${String(x)}): not shards of one exploration`;
    throw new ConfigError(`${b.file}: ${field}`, what);
  }
}

/** Each input's summary file, or the summaries of the folders inside it, one at a time. */
function* summaryFiles(inputs: readonly string[]): Generator<string> {
  for (const input of inputs) {
    if (!existsSync(input) || !statSync(input).isDirectory()) throw new ConfigError(input, 'is not a folder (expected the results folder of explore --shard)');
    const own = join(input, SUMMARY_FILE);
    if (existsSync(own)) {
      yield own;
      continue;
    }
    let found = false;
    const dir = opendirSync(input);
    try {
      for (let entry = dir.readSync(); entry !== null; entry = dir.readSync()) {
        const file = join(input, entry.name, SUMMARY_FILE);
        if (entry.isDirectory() && existsSync(file)) {
          found = true;
          yield file;
        }
      }
    } finally {
      dir.closeSync();
    }
    if (!found) throw new ConfigError(input, `holds no ${SUMMARY_FILE}, nor folders that do (expected the results folder of explore --shard)`);
  }
}
