import { ownModesOf, type ScenarioArbOptions } from '../gen/scenario-arb.js';
import { exploreRunner, type RunRecord } from './explore-run.js';
import type { ExploreFailure, ExploreOptions, ExploreReport, ShrinkState } from './explore-types.js';
import { runScenario } from '../run/run-scenario.js';
import { saveOutcome } from './save.js';
import { shrinkSteps } from './shrink.js';
import { runWorkerPool } from './worker-pool.js';
import type { ModeDefinition } from '../store/mode-definition.js';
import { shardPosition, shardRun, shardRunCount, toRanges } from './shard.js';

export type { ExploreFailure, ExploreOptions, ExploreProgress, ExploreReport, ShrinkState, StopReason } from './explore-types.js';
export { SHRINK_STATES, STOP_REASONS } from './explore-types.js';

/**
 * Explores random scenarios (a preset or config fixed, the rest generated)
 * until `runs` runs or `timeSeconds` pass; shrinks the earliest failure (each
 * failure, with keepGoing, as soon as it is found), saves it under outDir and
 * reports. Run i's scenario depends only on (seed, i), and the earliest failing
 * run is the one shrunk, so `workers: K` finds what one worker finds, only sooner.
 *
 * `timeSeconds` bounds the whole call, shrinking included. When `signal` aborts,
 * no new run starts and the failures found so far are shrunk within `graceMs`
 * (each marked by its `shrinkState`), saved and reported with `stoppedBy: 'interrupt'`.
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
  const deadline = started + (timeLimitMs ?? Infinity);
  let interruptedAt: number | undefined;
  const onAbort = () => void (interruptedAt ??= performance.now());
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  // When shrinking and saving must be over: the time budget, or the grace period after an interrupt.
  const stopAt = () => Math.min(deadline, interruptedAt === undefined ? Infinity : interruptedAt + (options.graceMs ?? 3000));
  const settle = (record: RunRecord) => settleFailure(record, options, checkTimeoutMs, modes, stopAt);
  // Positions are this shard's runs in order (run = shardRun(shard, position)); unsharded they are the runs.
  const shard = options.shard ?? { index: 0, count: 1 };
  const position = (record: RunRecord) => shardPosition(shard, record.run);
  const total = options.runs ?? (timeLimitMs === undefined ? 100 : Infinity);
  // The highest position that counts: the run limit, lowered to the first failure unless keepGoing.
  let lastRun = (total === Infinity ? Infinity : shardRunCount(shard, total)) - 1;
  const records: RunRecord[] = [];
  const tally = { runs: 0, failures: 0, unknown: 0 };
  // With keepGoing each failure is shrunk and saved as it is found, one after another.
  const settled = new Map<number, ExploreFailure>();
  let settling = Promise.resolve();
  const onRecord = (record: RunRecord): number | undefined => {
    if (position(record) > lastRun) return undefined;
    records.push(record);
    count(tally, record, 1);
    if (record.valid === false && options.keepGoing) {
      settling = settling.then(async () => void settled.set(record.run, await settle(record)));
    }
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
  try {
    if (workers === 1) {
      const runner = exploreRunner(constraints, seed, checkTimeoutMs);
      const breather = breathing();
      for (let i = 0; i <= lastRun && performance.now() < deadline && interruptedAt === undefined; i++) {
        onRecord(runner.run(shardRun(shard, i)).record);
        await settling;
        await breather();
      }
    } else {
      await runWorkerPool({
        constraints, seed, checkTimeoutMs, workers, lastRun, onRecord, shard,
        ...(timeLimitMs === undefined ? {} : { timeLimitMs }),
        ...(options.workerExecArgv === undefined ? {} : { execArgv: options.workerExecArgv }),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
    }
    await settling;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  const counted = records.filter((record) => position(record) <= lastRun);
  const failing = counted.filter((record) => record.valid === false).sort((a, b) => a.run - b.run);
  const failures: ExploreFailure[] = [];
  for (const record of options.keepGoing ? failing : failing.slice(0, 1)) failures.push(settled.get(record.run) ?? await settle(record));
  const elapsedMs = performance.now() - started;
  return {
    seed,
    runs: counted.length,
    failures,
    unknown: counted.filter((record) => record.valid === 'unknown').length,
    elapsedMs,
    runsPerSecond: counted.length / Math.max(elapsedMs / 1000, 1e-9),
    workers,
    stoppedBy: interruptedAt !== undefined ? 'interrupt'
      : failing.length > 0 && !options.keepGoing ? 'failure' : counted.length < lastRun + 1 ? 'time' : 'runs',
    ...(options.shard === undefined ? {} : {
      shard: options.shard,
      covered: toRanges(counted.map(position).sort((a, b) => a - b)),
    }),
  };
}

/**
 * A turn of the event loop every 50 ms of work: runs and shrinking are
 * synchronous, and Ctrl-C (like a worker's message) is only seen between turns.
 */
function breathing(): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < 50) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    last = performance.now();
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
  bad('graceMs', options.graceMs, (v) => v >= 0, 'a number >= 0');
}

function count(tally: { runs: number; failures: number; unknown: number }, record: RunRecord, sign: 1 | -1): void {
  tally.runs += sign;
  if (record.valid === false) tally.failures += sign;
  if (record.valid === 'unknown') tally.unknown += sign;
}

/**
 * Re-runs a failing run's scenario (deterministic: the same failure), shrinks it
 * until `stopAt` at the latest, saves it.
 */
async function settleFailure(
  record: RunRecord,
  options: ExploreOptions,
  checkTimeoutMs: number,
  modes: readonly ModeDefinition[],
  stopAt: () => number,
): Promise<ExploreFailure> {
  // Out of time, the failure is saved as the exploration ran it (its trace without messages), with no
  // further run; with shrinking off, it is run once more, fully traced for its report.
  const outOfTime = performance.now() >= stopAt();
  const shrinking = options.shrink !== false && !outOfTime;
  const found = record.outcome;
  delete record.outcome;
  // The exploration's run is traced as shrinking wants it, so shrinking starts from it too.
  let original = (outOfTime || shrinking) && found !== undefined
    ? found
    : runScenario(record.scenario!, { checkTimeoutMs, modes, ...(shrinking ? { trace: { messages: false } } : {}) });
  let shrunk = original;
  let shrink: ExploreFailure['shrink'];
  let shrinkState: ShrinkState = 'unshrunk';
  if (shrinking && original.verdict.valid === false) {
    const steps = shrinkSteps(original, { ...options.shrink, modes }, stopAt);
    const breather = breathing();
    let step = steps.next();
    for (; !step.done; step = steps.next()) await breather();
    const { outcome, ...stats } = step.value;
    shrunk = outcome;
    shrink = stats;
    shrinkState = stats.exhausted ? 'partly-shrunk' : 'shrunk';
  } else if (shrinking) {
    shrunk = original = runScenario(record.scenario!, { checkTimeoutMs, modes });
  }
  const failure: ExploreFailure = {
    run: record.run,
    anomaly: shrunk.verdict.anomaly ?? record.anomaly ?? 'invalid',
    original: { scenario: original.scenario, verdict: original.verdict },
    shrunk,
    ...(shrink === undefined ? {} : { shrink }),
    shrinkState,
    clientOps: shrunk.scenario.ops?.length ?? shrunk.scenario.workload.ops,
    faults: shrunk.scenario.faults.length,
  };
  if (options.outDir !== undefined) {
    failure.dir = saveOutcome(options.outDir, shrunk, {
      id: `${shrunk.scenario.preset ?? shrunk.scenario.store.mode}-seed${options.seed ?? 1}-run${record.run}`,
      extra: { found: { run: record.run, baseSeed: options.seed ?? 1, originalVerdict: original.verdict.reason }, shrinkState, shrink },
      modes,
      noRerun: outOfTime,
    });
  }
  options.onFailure?.(failure);
  return failure;
}
