/**
 * Benchmarks of exploration: one big scenario run and checked, explore's
 * throughput with one and two workers, and the time to find and shrink the
 * anomaly of the classic weak presets.
 *
 * Run it alone with `node dist/test/bench/explore-bench.js` after a build
 * (worker threads need the compiled files).
 */
import { pathToFileURL } from 'node:url';
import { explore } from '../../src/explore/explore.js';
import { runScenario } from '../../src/run/run-scenario.js';
import type { Scenario } from '../../src/run/scenario.js';
import { PRESETS } from '../../src/presets/index.js';
import type { StoreConfig } from '../../src/store/config.js';
import { median, table } from './stats.js';

/**
 * Wall time to run and check one scenario of `ops` ops on a 5-node store with
 * a leader partition, a crash and lossy links; medians over `repeats` runs
 * (different seeds), after one warm-up.
 *
 * @example
 * const { medianMs } = benchScenarioRun({ ops: 1000, repeats: 7 });
 */
export function benchScenarioRun(options: { ops?: number; repeats?: number; preset?: string; fullTrace?: boolean } = {}): {
  preset: string; ops: number; medianMs: number; simulateMs: number; checkMs: number; valid: string;
} {
  const preset = options.preset ?? 'sl-majority';
  const ops = options.ops ?? 1000;
  const scenarioOf = (seed: number): Scenario => ({
    seed,
    preset,
    store: withFiveNodes(PRESETS[preset]!.store),
    // The preset's own workload: ABD promises linearizable reads and writes, not compare-and-set.
    workload: { workload: PRESETS[preset]!.workload.workload, ops, clients: 5, keys: 1, spacingMs: 20 },
    faults: [
      { kind: 'partition-leader', atMs: 400, durationMs: 800 },
      { kind: 'crash-one', atMs: 1500, durationMs: 600, targets: ['n3'] },
      { kind: 'loss', atMs: 2500, durationMs: 700, targets: ['n2', 'n4'], params: { probability: 0.2 } },
    ],
  });
  // As explore runs it: the trace keeps lifecycle, fault and custom events, not every message.
  const run = (seed: number) => runScenario(scenarioOf(seed), options.fullTrace ? {} : { trace: { messages: false } });
  for (let warmUp = 0; warmUp < 3; warmUp++) run(-1 - warmUp);
  const totals: number[] = [];
  const checks: number[] = [];
  let valid = '';
  for (let i = 1; i <= (options.repeats ?? 7); i++) {
    const started = performance.now();
    const outcome = run(i);
    totals.push(performance.now() - started);
    checks.push((outcome.verdict.checks?.linearizable as { detail?: { elapsedMs?: number } }).detail?.elapsedMs ?? 0);
    valid += String(outcome.verdict.valid)[0];
  }
  const medianMs = median(totals);
  return { preset, ops, medianMs, simulateMs: medianMs - median(checks), checkMs: median(checks), valid };
}

function withFiveNodes(store: StoreConfig): StoreConfig {
  if (store.mode === 'single-leader') return { ...store, singleLeader: { ...store.singleLeader, nodes: 5 } };
  if (store.mode === 'leaderless') return { ...store, leaderless: { ...store.leaderless, nodes: 5, n: 5, w: 3, r: 3 } };
  return store;
}

/**
 * Explore's throughput with `ops`-op scenarios of a safe preset (so no run
 * stops it early), with 1 and 2 workers: scenarios per second, and the speed-up.
 *
 * @example
 * const rows = await benchExploreThroughput({ ops: 200, runs: 200 });
 */
export async function benchExploreThroughput(options: { ops?: number; runs?: number; preset?: string } = {}): Promise<Array<{ workers: number; runs: number; seconds: number; scenariosPerSecond: number; speedup: number }>> {
  const scenario = { workload: { ops: options.ops ?? 200 } };
  const runs = options.runs ?? 200;
  const preset = options.preset ?? 'sl-majority';
  await explore({ preset, runs: 10, seed: 99, scenario, shrink: false });
  const rows = [];
  for (const workers of [1, 2]) {
    const report = await explore({ preset, runs, seed: 1, workers, scenario, shrink: false });
    rows.push({ workers, runs: report.runs, seconds: report.elapsedMs / 1000, scenariosPerSecond: report.runsPerSecond, speedup: 0 });
  }
  for (const row of rows) row.speedup = row.scenariosPerSecond / rows[0]!.scenariosPerSecond;
  return rows;
}

/**
 * For each weak preset: the time to find its first failure from seed 1 and
 * shrink it, the runs it took, and the shrunk scenario's size.
 *
 * @example
 * const rows = await benchFindAndShrink(['sl-async', 'll-weak']);
 */
export async function benchFindAndShrink(presets: readonly string[] = ['sl-async', 'sl-no-fencing', 'ml-lww', 'll-weak']): Promise<Array<{
  preset: string; seconds: number; runs: number; shrinkRuns: number; clientOps: number; faults: number; anomaly: string;
}>> {
  const rows = [];
  for (const preset of presets) {
    const started = performance.now();
    const report = await explore({ preset, runs: 5000, seed: 1 });
    const failure = report.failures[0];
    rows.push({
      preset,
      seconds: (performance.now() - started) / 1000,
      runs: report.runs,
      shrinkRuns: failure?.shrink?.runs ?? 0,
      clientOps: failure?.clientOps ?? Number.NaN,
      faults: failure?.faults ?? Number.NaN,
      anomaly: failure?.anomaly ?? 'none found',
    });
  }
  return rows;
}

/**
 * Runs the three benchmarks and prints their tables.
 *
 * @example
 * await printExploreBenchmarks();
 */
export async function printExploreBenchmarks(): Promise<void> {
  const rows = [false, true].flatMap((fullTrace) => ['sl-majority', 'll-abd'].map((preset) => ({ ...benchScenarioRun({ preset, fullTrace }), trace: fullTrace ? 'full' : 'no messages' })));
  console.log('\nOne scenario run and checked (1,000 ops, 5 nodes, 3 faults; median of 7)\n');
  console.log(table(['preset', 'trace', 'ops', 'median ms', 'simulate ms', 'check ms', 'verdicts'], rows.map((r) => [r.preset, r.trace, String(r.ops), r.medianMs, r.simulateMs, r.checkMs, r.valid])));
  const throughput = await benchExploreThroughput({ runs: 600 });
  console.log('\nExplore throughput (200-op scenarios of sl-majority)\n');
  console.log(table(['workers', 'runs', 'seconds', 'scenarios/s', 'speed-up'], throughput.map((r) => [String(r.workers), String(r.runs), r.seconds, r.scenariosPerSecond, r.speedup])));
  const found = await benchFindAndShrink();
  console.log('\nFind and shrink from seed 1\n');
  console.log(table(['preset', 'seconds', 'runs', 'shrink runs', 'client ops', 'faults', 'anomaly'], found.map((r) => [r.preset, r.seconds, String(r.runs), String(r.shrinkRuns), String(r.clientOps), String(r.faults), r.anomaly])));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await printExploreBenchmarks();
}
