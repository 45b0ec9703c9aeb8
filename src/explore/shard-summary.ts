import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ConfigError } from '../config/config-error.js';
import { explainOutcome } from '../report/verdict-reason.js';
import type { ExploreReport } from './explore-types.js';
import { failureSignature } from './failure-signature.js';
import type { Shard } from './shard.js';

/** The file a shard's results folder holds its summary in. */
export const SUMMARY_FILE = 'summary.json';

/** The `format` tag of a shard summary (merge refuses anything else). */
export const SHARD_SUMMARY_FORMAT = 'faultline-shard-summary/1';

/**
 * One failure as a summary lists it: enough to de-duplicate and rank without
 * opening the counterexample folder, which `dir` names relative to the summary.
 *
 * @example
 * const entry: SummaryFailure = { run: 7, dir: 'sl-async-seed1-run7', anomaly: 'lost-write', clientOps: 2, faults: 1, seed: 123, reason: '…', signature: '…' };
 */
export interface SummaryFailure {
  run: number;
  dir: string;
  anomaly: string;
  clientOps: number;
  faults: number;
  /** The shrunk scenario's seed. */
  seed: number;
  reason: string;
  signature: string;
}

/**
 * What one shard of an exploration did, as `summary.json` in its results folder.
 * `target` fixes what was explored (the generator constraints as JSON), so merge
 * can refuse shards of different explorations.
 *
 * @example
 * const summary = readShardSummary('results/shard-0/summary.json');
 * summary.shard; // { index: 0, count: 4 }
 */
export interface ShardSummary {
  format: typeof SHARD_SUMMARY_FORMAT;
  shard: Shard;
  seed: number;
  target: string;
  budget: { runs: number | null; timeSeconds: number | null; keepGoing: boolean };
  runs: number;
  /** Positions in the shard's run sequence that were run, as [from, to) ranges (run = index + position * count). */
  covered: Array<[number, number]>;
  unknown: number;
  elapsedMs: number;
  runsPerSecond: number;
  stoppedBy: ExploreReport['stoppedBy'];
  failures: SummaryFailure[];
}

/**
 * The summary of a sharded exploration's report (its failures saved under outDir).
 *
 * @example
 * writeShardSummary('out', shardSummaryOf(report, { target: '{"preset":"sl-async"}', budget: { runs: 400, timeSeconds: null, keepGoing: true } }));
 */
export function shardSummaryOf(report: ExploreReport, meta: { target: string; budget: ShardSummary['budget'] }): ShardSummary {
  if (report.shard === undefined || report.covered === undefined) throw new RangeError('shardSummaryOf: the report is not of a sharded exploration');
  return {
    format: SHARD_SUMMARY_FORMAT,
    shard: report.shard,
    seed: report.seed,
    target: meta.target,
    budget: meta.budget,
    runs: report.runs,
    covered: report.covered,
    unknown: report.unknown,
    elapsedMs: Math.round(report.elapsedMs),
    runsPerSecond: Math.round(report.runsPerSecond * 10) / 10,
    stoppedBy: report.stoppedBy,
    failures: report.failures.map((failure) => ({
      run: failure.run,
      dir: failure.dir === undefined ? '' : basename(failure.dir),
      anomaly: failure.anomaly,
      clientOps: failure.clientOps,
      faults: failure.faults,
      seed: failure.shrunk.scenario.seed,
      reason: explainOutcome(failure.shrunk).sentence,
      signature: failureSignature(failure.anomaly, failure.shrunk.scenario),
    })),
  };
}

/**
 * Writes `outDir/summary.json`; returns its path.
 *
 * @example
 * writeShardSummary('out/shard-0', summary); // 'out/shard-0/summary.json'
 */
export function writeShardSummary(outDir: string, summary: ShardSummary): string {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, SUMMARY_FILE);
  writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
  return file;
}

/**
 * Reads and checks a shard summary; a missing, malformed or foreign file is a
 * ConfigError naming the file and the field.
 *
 * @example
 * readShardSummary('results/shard-2/summary.json').failures.length;
 */
export function readShardSummary(file: string): ShardSummary {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(file, 'cannot be read (expected a shard summary written by explore --shard)');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, `is not valid JSON: ${(error as Error).message}`);
  }
  const field = (name: string) => `${file}: ${name}`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(file, 'must hold a JSON object');
  const summary = value as Record<string, unknown>;
  if (summary.format !== SHARD_SUMMARY_FORMAT) throw new ConfigError(field('format'), `must be "${SHARD_SUMMARY_FORMAT}"`, summary.format);
  const shard = summary.shard as Shard | undefined;
  const whole = (v: unknown, min = 0) => typeof v === 'number' && Number.isSafeInteger(v) && v >= min;
  if (typeof shard !== 'object' || shard === null || !whole(shard.count, 1) || !whole(shard.index) || shard.index >= shard.count) {
    throw new ConfigError(field('shard'), 'must be {index, count} with 0 <= index < count', shard);
  }
  if (!Number.isSafeInteger(summary.seed)) throw new ConfigError(field('seed'), 'must be an integer', summary.seed);
  if (typeof summary.target !== 'string') throw new ConfigError(field('target'), 'must be a string', summary.target);
  if (typeof summary.budget !== 'object' || summary.budget === null) throw new ConfigError(field('budget'), 'must be an object', summary.budget);
  for (const name of ['runs', 'unknown', 'elapsedMs'] as const) {
    if (!whole(summary[name])) throw new ConfigError(field(name), 'must be a whole number', summary[name]);
  }
  const covered = summary.covered;
  if (!Array.isArray(covered) || !covered.every((r) => Array.isArray(r) && r.length === 2 && whole(r[0]) && whole(r[1]) && r[0] < r[1])) {
    throw new ConfigError(field('covered'), 'must be a list of [from, to) ranges');
  }
  if (!Array.isArray(summary.failures)) throw new ConfigError(field('failures'), 'must be a list');
  summary.failures.forEach((failure: unknown, i) => {
    const f = failure as Partial<SummaryFailure> | null;
    if (typeof f !== 'object' || f === null) throw new ConfigError(field(`failures[${i}]`), 'must be an object');
    for (const name of ['run', 'clientOps', 'faults'] as const) if (!whole(f[name])) throw new ConfigError(field(`failures[${i}].${name}`), 'must be a whole number', f[name]);
    for (const name of ['dir', 'anomaly', 'signature'] as const) if (typeof f[name] !== 'string') throw new ConfigError(field(`failures[${i}].${name}`), 'must be a string', f[name]);
  });
  return value as ShardSummary;
}
