import { Command } from 'commander';
import { measureDrStrategies } from '../dr/measure-many.js';
import type { Percentiles, RecoverySummary } from '../dr/summary.js';
import { EXIT } from './exit-codes.js';
import { commandAction, type Output } from './output.js';
import { parseCount } from './parse-flags.js';
import { MAX_SEED } from '../explore/validate-scenario.js';

interface DrFlags {
  runs?: string;
  seed?: string;
  json?: boolean;
}

/**
 * `faultline dr`: runs each disaster-recovery strategy (backup-restore,
 * pilot-light, warm-standby, active-active) under the same region-loss
 * schedule and prints what was measured: RTO and RPO as p50/p99, and the cost.
 *
 * @example
 * registerDr(program); // faultline dr --runs 200 --seed 1 --json
 */
export function registerDr(program: Command): void {
  program
    .command('dr')
    .description('measure RTO, RPO and cost of each disaster-recovery strategy under the same region loss')
    .option('--runs <n>', 'runs per strategy (default 200)')
    .option('--seed <n>', 'seed of the first run; run i uses seed + i (default 1)')
    .option('--json', 'print one JSON object on stdout; human text goes to stderr')
    .action(commandAction(drCommand));
}

function drCommand(flags: DrFlags, out: Output): number {
  const runs = flags.runs === undefined ? 200 : parseCount('--runs', flags.runs, 1, 100_000);
  const seed = flags.seed === undefined ? 1 : parseCount('--seed', flags.seed, 0, MAX_SEED);
  const summaries = measureDrStrategies(runs, seed);
  out.human(drTable(summaries, runs, seed));
  out.json({ strategies: summaries.map(strategyJson), runs, seed });
  return EXIT.OK;
}

function strategyJson(summary: RecoverySummary): Record<string, unknown> {
  return {
    name: summary.name,
    rtoMs: summary.rtoMs,
    rpoWrites: summary.rpoWrites,
    rpoMs: summary.rpoMs,
    unrecovered: summary.unrecovered,
    cost: { nodeSeconds: summary.cost.nodeSeconds, bytesShipped: summary.cost.bytesShipped },
  };
}

/**
 * The measured table, one strategy per row, as Markdown (it reads as text too).
 *
 * @example
 * drTable(measureDrStrategies(10, 1), 10, 1);
 */
export function drTable(summaries: readonly RecoverySummary[], runs: number, seed: number): string {
  const pair = (p: Percentiles) => `${show(p.p50)} / ${show(p.p99)}`;
  const lines = [
    `region loss, ${runs} run(s) per strategy from seed ${seed}`,
    '',
    '| strategy | RTO ms p50 / p99 | RPO writes p50 / p99 | RPO ms p50 / p99 | node-seconds per run | bytes shipped per run |',
    '| --- | --- | --- | --- | --- | --- |',
    ...summaries.map((s) => `| ${s.name} | ${pair(s.rtoMs)} | ${pair(s.rpoWrites)} | ${pair(s.rpoMs)} | ${s.cost.nodeSeconds} | ${s.cost.bytesShipped} |`),
  ];
  const unrecovered = summaries.filter((s) => s.unrecovered > 0);
  for (const s of unrecovered) lines.push(`${s.name}: ${s.unrecovered} run(s) did not recover before the run ended ("never" above)`);
  return lines.join('\n');
}

function show(value: number | null): string {
  return value === null ? 'never' : String(value);
}
