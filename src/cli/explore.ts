import cliProgress from 'cli-progress';
import { Command } from 'commander';
import pc from 'picocolors';
import { explore, type ExploreFailure, type ExploreProgress, type ExploreReport } from '../explore/explore.js';
import { renderCounterexample } from '../report/counterexample.js';
import { explainOutcome } from '../report/verdict-reason.js';
import { EXIT } from './exit-codes.js';
import { commandAction, Output } from './output.js';
import { parseCount, parsePath, parseSeconds } from './parse-flags.js';
import { parseShard } from '../explore/shard.js';
import { shardSummaryOf, writeShardSummary } from '../explore/shard-summary.js';
import { UsageError } from './exit-codes.js';
import { exploreLive } from './explore-live.js';
import { scenarioConstraints, seedFrom, storeModes, withScenarioOptions, type ScenarioFlags } from './run.js';

/** More worker threads than this only queue for the cores, each with its own copy of the simulator. */
const MAX_WORKERS = 64;

interface ExploreFlags extends ScenarioFlags {
  runs?: string;
  time?: string;
  workers?: string;
  keepGoing?: boolean;
  shard?: string;
  out?: string;
  serve?: boolean;
  port?: string;
  host?: string;
  json?: boolean;
}

/**
 * `faultline explore`: random scenarios until N runs or SECONDS pass; the first
 * failure (each, with --keep-going) is shrunk, saved under DIR/<id>/ and explained.
 * Exit 1 when a violation was found, 3 when some runs were unknown and none failed,
 * 0 when nothing was found.
 *
 * @example
 * registerExplore(program); // faultline explore --preset ll-weak --runs 500 --seed 1 --workers 2
 */
export function registerExplore(program: Command): void {
  withScenarioOptions(program.command('explore').description('explore random scenarios; shrink, save and explain the first failure'))
    .option('-n, --runs <n>', 'stop after this many runs (default 100 without --time)')
    .option('-t, --time <seconds>', 'wall-clock budget of the whole command, shrinking included (whichever of --runs and --time comes first)')
    .option('-j, --workers <k>', `worker threads, at most ${MAX_WORKERS}; the findings are the same as with one (default 1)`)
    .option('-k, --keep-going', 'keep exploring after a failure; each one is shrunk and saved as soon as it is found')
    .option('--shard <I/N>', 'run only shard I of N (0-based: run i belongs to shard i mod N); --runs is the total across shards, --time per shard; writes DIR/summary.json for merge')
    .option('-o, --out <dir>', 'save each shrunk failure as DIR/<id>/ (default: out)')
    .option('--serve', 'serve DIR\'s runs on a local web page that shows the progress live; keeps serving after the end until Ctrl-C')
    .option('--port <n>', 'with --serve: the port (default 7878; 0 picks a free one)')
    .option('--host <host>', 'with --serve: the address to bind (default 127.0.0.1)')
    .option('--json', 'print one JSON object on stdout; human text goes to stderr')
    .action(commandAction(exploreCommand));
}

async function exploreCommand(flags: ExploreFlags, out: Output): Promise<number> {
  const modes = await storeModes(flags.store);
  const scenario = scenarioConstraints(flags, modes);
  const seed = seedFrom(flags.seed);
  const runs = flags.runs === undefined ? undefined : parseCount('--runs', flags.runs, 1);
  const timeSeconds = flags.time === undefined ? undefined : parseSeconds('--time', flags.time);
  const workers = flags.workers === undefined ? 1 : parseCount('--workers', flags.workers, 1, MAX_WORKERS);
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  if (shard === null) throw new UsageError(`--shard: expected I/N with 0 <= I < N (e.g. 0/4), got ${JSON.stringify(flags.shard)}`);
  // Every shard must draw from the same base seed; a fresh one per shard would explore other runs.
  if (shard !== undefined && flags.seed === undefined) throw new UsageError('--shard: needs --seed, the base seed every shard shares');
  const outDir = flags.out === undefined ? 'out' : parsePath('--out', flags.out);
  const generated = modes.length === 0 ? 'generated stores' : `generated ${modes.map((mode) => mode.name).join(', ')} stores`;
  const what = scenario.preset ?? (scenario.config ? `a ${scenario.config.mode} config` : generated);
  const part = shard === undefined ? '' : `, shard ${shard.index}/${shard.count}`;
  if (!flags.serve && (flags.port ?? flags.host) !== undefined) throw new UsageError('--port and --host go with --serve');
  // Listening before the first word is printed: a Ctrl-C at any moment from here on ends the
  // exploration with its summary and exit 130, never the default death by signal.
  let stopProgress = (): void => {};
  const interrupt = onInterrupt(() => stopProgress());
  process.stderr.write(`exploring ${what} from seed ${seed}${part}${workers > 1 ? ` with ${workers} workers` : ''}\n`);
  const live = flags.serve ? await exploreLive(outDir, flags) : undefined;
  const progress = progressLine(runs);
  stopProgress = progress.stop;
  let report: ExploreReport;
  try {
    report = await explore({
      scenario, seed, workers, outDir, keepGoing: Boolean(flags.keepGoing),
      ...(runs === undefined ? {} : { runs }),
      ...(timeSeconds === undefined ? {} : { timeSeconds }),
      ...(shard === undefined ? {} : { shard }),
      onProgress: live === undefined ? progress.update : (p) => { progress.update(p); live.progress(p); },
      ...(live === undefined ? {} : { onFailure: live.failure, shrink: live.shrink }),
      signal: interrupt.signal,
      graceMs: INTERRUPT_GRACE_MS,
    });
  } finally {
    progress.stop();
    interrupt.dispose();
  }
  if (shard !== undefined) {
    const budget = { runs: runs ?? null, timeSeconds: timeSeconds ?? null, keepGoing: Boolean(flags.keepGoing) };
    const file = writeShardSummary(outDir, shardSummaryOf(report, { target: targetOf(scenario), budget }));
    process.stderr.write(`shard summary written to ${file}\n`);
  }
  for (const line of summaryLines(report)) out.human(line);
  for (const failure of report.failures) out.human(failureText(failure));
  out.json(reportJson(report));
  await live?.finish(interrupt.received !== undefined);
  if (interrupt.received !== undefined) return interrupt.received === 'SIGINT' ? EXIT_ON_SIGNAL.SIGINT : EXIT_ON_SIGNAL.SIGTERM;
  if (report.failures.length > 0) return EXIT.VIOLATION;
  return report.unknown > 0 ? EXIT.UNKNOWN : EXIT.OK;
}

/** What was explored, as stable JSON: merge refuses shards whose targets differ. Stores of your own by name. */
function targetOf(constraints: object): string {
  return JSON.stringify(constraints, (key, value: unknown) =>
    key === 'modes' && Array.isArray(value) ? value.map((mode: { name?: string } | string) => (typeof mode === 'string' ? mode : mode.name)) : value);
}


/** Exit codes after an interrupt, as shells report a process a signal ended: 128 + the signal's number. */
const EXIT_ON_SIGNAL = { SIGINT: 130, SIGTERM: 143 } as const;

/** How long failures found before Ctrl-C may still be shrunk before they are saved as they are. */
const INTERRUPT_GRACE_MS = 3000;

/**
 * Ctrl-C (SIGINT) or SIGTERM ends the exploration through an AbortSignal, so
 * what was found is still shrunk briefly, saved and reported. A second signal
 * stops at once, with the terminal restored first.
 */
function onInterrupt(restoreTerminal: () => void): { signal: AbortSignal; received: NodeJS.Signals | undefined; dispose(): void } {
  const controller = new AbortController();
  const state = {
    signal: controller.signal,
    received: undefined as NodeJS.Signals | undefined,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
  const handler = (signal: NodeJS.Signals) => {
    if (state.received !== undefined) {
      restoreTerminal();
      process.exit(signal === 'SIGINT' ? EXIT_ON_SIGNAL.SIGINT : EXIT_ON_SIGNAL.SIGTERM);
    }
    state.received = signal;
    process.stderr.write(`\n${signal === 'SIGINT' ? 'interrupted' : 'terminated'}: saving what was found (up to ${INTERRUPT_GRACE_MS / 1000} s more to shrink; again to stop at once)\n`);
    controller.abort();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return state;
}

/**
 * A live line on stderr (runs, runs/s, failures), only when stderr is a terminal.
 * The bar hides the cursor and turns off line wrap while it runs; stopping it
 * (any number of times) gives both back.
 */
function progressLine(total: number | undefined): { update: (p: ExploreProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar({
    stream: process.stderr,
    format: `runs {value}${total === undefined ? '' : '/{total}'} | {rate} runs/s | {failures} failure(s) | {unknown} unknown`,
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total ?? 0, 0, { rate: '0', failures: 0, unknown: 0 });
  let running = true;
  return {
    update: (p) => {
      if (running) bar.update(p.runs, { rate: p.runsPerSecond.toFixed(1), failures: p.failures, unknown: p.unknown });
    },
    stop: () => {
      if (running) bar.stop();
      running = false;
      // Show the cursor (DECTCEM) and turn line wrap back on (DECAWM), whatever the bar did.
      process.stderr.write('\x1b[?25h\x1b[?7h');
    },
  };
}

function summaryLines(report: ExploreReport): string[] {
  const seconds = (report.elapsedMs / 1000).toFixed(1);
  const pace = `${report.runs} run(s) in ${seconds} s (${report.runsPerSecond.toFixed(1)} runs/s, ${report.workers} worker(s), seed ${report.seed})`;
  const unknown = report.unknown > 0 ? pc.yellow(`; ${report.unknown} run(s) unknown (a checker ran out of time)`) : '';
  const interrupted = report.stoppedBy === 'interrupt' ? `${pc.yellow('interrupted')}: ` : '';
  if (report.failures.length === 0) return [`${interrupted}${pc.green('no violation found')} in ${pace}${unknown}`];
  return [`${interrupted}${pc.red(`${report.failures.length} failure(s)`)} in ${pace}${unknown}`];
}

function failureText(failure: ExploreFailure): string {
  const where = failure.dir === undefined ? '' : `, saved to ${failure.dir}`;
  const size = `${failure.clientOps} client op(s) and ${failure.faults} fault(s)`;
  const shrunk = failure.shrinkState === 'shrunk' ? `shrunk to ${size}`
    : failure.shrinkState === 'partly-shrunk' ? `partly shrunk (out of time) to ${size}` : `not shrunk (out of time): ${size}`;
  const header = pc.red(`run ${failure.run}: ${failure.anomaly}, ${shrunk}${where}`);
  const replay = failure.dir === undefined ? {} : { replay: `faultline replay ${failure.dir}` };
  return `\n${header}\n\n${renderCounterexample(failure.shrunk, replay)}`;
}

function reportJson(report: ExploreReport): Record<string, unknown> {
  return {
    seed: report.seed,
    runs: report.runs,
    failures: report.failures.map((failure) => ({
      run: failure.run,
      dir: failure.dir ?? null,
      anomaly: failure.anomaly,
      clientOps: failure.clientOps,
      faults: failure.faults,
      shrinkState: failure.shrinkState,
      reason: explainOutcome(failure.shrunk).sentence,
      seed: failure.shrunk.scenario.seed,
      ...(failure.shrink === undefined ? {} : { shrinkRuns: failure.shrink.runs, shrinkMs: Math.round(failure.shrink.elapsedMs) }),
    })),
    unknown: report.unknown,
    elapsedMs: Math.round(report.elapsedMs),
    runsPerSecond: Math.round(report.runsPerSecond * 10) / 10,
    workers: report.workers,
    stoppedBy: report.stoppedBy,
    ...(report.shard === undefined ? {} : { shard: report.shard, covered: report.covered }),
  };
}
