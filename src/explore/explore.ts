import { ownModesOf, type ScenarioArbOptions } from '../gen/scenario-arb.js';
import { exploreRunner, type RunRecord } from './explore-run.js';
import type { ExploreFailure, ExploreOptions, ExploreReport } from './explore-types.js';
import { runScenario } from '../run/run-scenario.js';
import { saveOutcome } from './save.js';
import { shrinkScenario } from './shrink.js';
import { runWorkerPool } from './worker-pool.js';
import type { ModeDefinition } from '../store/mode-definition.js';
import { shardPosition, shardRun, shardRunCount, toRanges } from './shard.js';

export type { ExploreFailure, ExploreOptions, ExploreProgress, ExploreReport } from './explore-types.js';

/**
 * Explores random scenarios (a preset or config fixed, the rest generated)
 * until `runs` runs or `timeSeconds` pass; shrinks the earliest failure (each
 * failure, with keepGoing), saves it under outDir and reports. Run i's scenario
 * depends only on (seed, i), and the earliest failing run is the one shrunk, so
 * `workers: K` finds what one worker finds, only sooner.
 *
 * @example
 * const report = await explore({ preset: 'sl-async', runs: 500, seed: 1, outDir: 'out' });
 * for (const failure of report.failures) console.log(failure.dir, failure.anomaly, failure.clientOps);
 */
export async function explore(options: ExploreOptions = {}): Promise<ExploreReport> {
  checkOptions(options);
  const started = performance.now();
  const seed = options.seed ?? 1;
  const workers = options.workers ?? 1;
  const checkTimeoutMs = options.checkTimeoutMs ?? 10_000;
  const modes = [...new Set([...ownModesOf(options.scenario ?? {}), ...(options.modes ?? [])])];
  const constraints: ScenarioArbOptions = {
    ...options.scenario,
    ...(options.preset === undefined ? {} : { preset: options.preset }),
    ...(options.config === undefined ? {} : { config: options.config }),
    ...(options.client === undefined ? {} : { client: options.client }),
    ...(modes.length === 0 ? {} : { modes }),
  };
  const timeLimitMs = options.timeSeconds === undefined ? undefined : options.timeSeconds * 1000;
  // Positions are this shard's runs in order (run = shardRun(shard, position)); unsharded they are the runs.
  const shard = options.shard ?? { index: 0, count: 1 };
  const position = (record: RunRecord) => shardPosition(shard, record.run);
  const total = options.runs ?? (timeLimitMs === undefined ? 100 : Infinity);
  // The highest position that counts: the run limit, lowered to the first failure unless keepGoing.
  let lastRun = (total === Infinity ? Infinity : shardRunCount(shard, total)) - 1;
  const records: RunRecord[] = [];
  const tally = { runs: 0, failures: 0, unknown: 0 };
  const onRecord = (record: RunRecord): number | undefined => {
    if (position(record) > lastRun) return undefined;
    records.push(record);
    count(tally, record, 1);
    const stopHere = record.valid === false && !options.keepGoing;
    if (stopHere) {
      // Runs past the failure that other workers already finished no longer count.
      for (const other of records) if (position(other) > position(record) && position(other) <= lastRun) count(tally, other, -1);
      lastRun = position(record);
    }
    const elapsedMs = performance.now() - started;
    options.onProgress?.({ ...tally, elapsedMs, runsPerSecond: tally.runs / Math.max(elapsedMs / 1000, 1e-9) });
    return stopHere ? lastRun : undefined;
  };
  if (workers === 1) {
    const runner = exploreRunner(constraints, seed, checkTimeoutMs);
    const deadline = started + (timeLimitMs ?? Infinity);
    for (let i = 0; i <= lastRun && performance.now() < deadline; i++) onRecord(runner.run(shardRun(shard, i)).record);
  } else {
    await runWorkerPool({
      constraints, seed, checkTimeoutMs, workers, lastRun, onRecord, shard,
      ...(timeLimitMs === undefined ? {} : { timeLimitMs }),
      ...(options.workerExecArgv === undefined ? {} : { execArgv: options.workerExecArgv }),
    });
  }
  const counted = records.filter((record) => position(record) <= lastRun);
  const failing = counted.filter((record) => record.valid === false).sort((a, b) => a.run - b.run);
  const failures = (options.keepGoing ? failing : failing.slice(0, 1)).map((record) => settleFailure(record, options, checkTimeoutMs, modes));
  const elapsedMs = performance.now() - started;
  return {
    seed,
    runs: counted.length,
    failures,
    unknown: counted.filter((record) => record.valid === 'unknown').length,
    elapsedMs,
    runsPerSecond: counted.length / Math.max(elapsedMs / 1000, 1e-9),
    workers,
    stoppedBy: failing.length > 0 && !options.keepGoing ? 'failure' : counted.length < lastRun + 1 ? 'time' : 'runs',
    ...(options.shard === undefined ? {} : {
      shard: options.shard,
      covered: toRanges(counted.map(position).sort((a, b) => a - b)),
    }),
  };
}

/** Bad numbers are a caller's mistake, named before any run starts. */
function checkOptions(options: ExploreOptions): void {
  const bad = (name: string, value: number | undefined, ok: (v: number) => boolean, rule: string) => {
    if (value !== undefined && !ok(value)) throw new RangeError(`explore: ${name} must be ${rule}, got ${value}`);
  };
  bad('runs', options.runs, (v) => Number.isInteger(v) && v >= 0, 'a whole number >= 0');
  bad('timeSeconds', options.timeSeconds, (v) => v > 0, 'a number > 0');
  bad('workers', options.workers, (v) => Number.isInteger(v) && v >= 1, 'a whole number >= 1');
  bad('seed', options.seed, Number.isSafeInteger, 'an integer');
  const shard = options.shard;
  if (shard !== undefined && !(Number.isInteger(shard.count) && shard.count >= 1 && Number.isInteger(shard.index) && shard.index >= 0 && shard.index < shard.count)) {
    throw new RangeError(`explore: shard must be I/N with 0 <= I < N, got ${shard.index}/${shard.count}`);
  }
}

function count(tally: { runs: number; failures: number; unknown: number }, record: RunRecord, sign: 1 | -1): void {
  tally.runs += sign;
  if (record.valid === false) tally.failures += sign;
  if (record.valid === 'unknown') tally.unknown += sign;
}

/** Re-runs a failing run's scenario (deterministic: the same failure), shrinks it, saves it. */
function settleFailure(record: RunRecord, options: ExploreOptions, checkTimeoutMs: number, modes: readonly ModeDefinition[]): ExploreFailure {
  let original = runScenario(record.scenario!, { checkTimeoutMs, trace: { messages: false }, modes });
  let shrunk = original;
  let shrink: ExploreFailure['shrink'];
  if (options.shrink !== false && original.verdict.valid === false) {
    const { outcome, ...stats } = shrinkScenario(original, { ...options.shrink, modes });
    shrunk = outcome;
    shrink = stats;
  } else {
    shrunk = original = runScenario(record.scenario!, { checkTimeoutMs, modes });
  }
  const failure: ExploreFailure = {
    run: record.run,
    anomaly: shrunk.verdict.anomaly ?? record.anomaly ?? 'invalid',
    original: { scenario: original.scenario, verdict: original.verdict },
    shrunk,
    ...(shrink === undefined ? {} : { shrink }),
    clientOps: shrunk.scenario.ops?.length ?? shrunk.scenario.workload.ops,
    faults: shrunk.scenario.faults.length,
  };
  if (options.outDir !== undefined) {
    failure.dir = saveOutcome(options.outDir, shrunk, {
      id: `${shrunk.scenario.preset ?? shrunk.scenario.store.mode}-seed${options.seed ?? 1}-run${record.run}`,
      extra: { found: { run: record.run, baseSeed: options.seed ?? 1, originalVerdict: original.verdict.reason }, shrink },
    });
  }
  options.onFailure?.(failure);
  return failure;
}
