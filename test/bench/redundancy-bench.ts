/**
 * Redundancy levels and disaster-recovery strategies, measured: RTO and RPO as
 * p50/p99 over many runs of each, with their cost, and whether the textbook
 * ordering came out of the runs. `npm run bench -- redundancy`.
 */
import { measureDrStrategies, measureSparesLevels, measureStandbyLevels } from '../../src/dr/measure-many.js';
import type { Percentiles, RecoverySummary } from '../../src/dr/summary.js';
import { table } from './stats.js';

const pair = (p: Percentiles): string => `${p.p50 ?? 'never'} / ${p.p99 ?? 'never'}`;

function rows(summaries: readonly RecoverySummary[]): string[][] {
  return summaries.map((s) => [s.name, pair(s.rtoMs), pair(s.rpoWrites), pair(s.rpoMs), String(s.unrecovered), String(s.cost.nodeSeconds), String(s.cost.bytesReplicated), String(s.cost.bytesShipped)]);
}

const HEADERS = ['level', 'RTO ms p50 / p99', 'RPO writes p50 / p99', 'RPO ms p50 / p99', 'unrecovered', 'node-s/run', 'bytes replicated/run', 'bytes shipped/run'];

function timed<T>(what: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = what();
  return { value, ms: performance.now() - start };
}

/**
 * Prints the three tables and the ordering checks.
 *
 * @example
 * benchRedundancy({ runs: 200, seed: 1 });
 */
export function benchRedundancy(options: { runs: number; seed: number }): void {
  const { runs, seed } = options;
  const standbys = timed(() => measureStandbyLevels(runs, seed));
  const spares = timed(() => measureSparesLevels(runs, seed));
  const strategies = timed(() => measureDrStrategies(runs, seed));
  const [cold, warm, hot] = standbys.value;
  const [, n1one, n1two, n2two] = spares.value;
  const [backup, pilot, warmStandby, active] = strategies.value;

  console.log(`\nStandby levels of the single-leader store: loss of the primary, ${runs} runs each from seed ${seed} (${(standbys.ms / (3 * runs)).toFixed(1)} ms wall per run)\n`);
  console.log(table(HEADERS, rows(standbys.value)));
  console.log(`\nN+k spares of the leaderless store (4 members, 16 ranges, 2 copies each), ${runs} runs each (${(spares.ms / (4 * runs)).toFixed(1)} ms wall per run)\n`);
  console.log(table(HEADERS, rows(spares.value)));
  console.log(`\nDisaster recovery: loss of the serving region, ${runs} runs each (${(strategies.ms / (4 * runs)).toFixed(1)} ms wall per run)\n`);
  console.log(table(HEADERS.map((h) => (h === 'level' ? 'strategy' : h)), rows(strategies.value)));

  const checks: Array<[string, boolean]> = [
    ['RTO p50: cold > warm > hot', cold!.rtoMs.p50! > warm!.rtoMs.p50! && warm!.rtoMs.p50! > hot!.rtoMs.p50!],
    ['RPO p50: cold > warm >= hot = 0 (p99)', cold!.rpoWrites.p50! > warm!.rpoWrites.p50! && hot!.rpoWrites.p99 === 0],
    ['N+1 survives one failure', n1one!.unrecovered === 0],
    ['N+1 does not survive two, N+2 does', n1two!.unrecovered === runs && n2two!.unrecovered === 0],
    ['DR RTO p50 falls backup > pilot > warm > active-active', backup!.rtoMs.p50! > pilot!.rtoMs.p50! && pilot!.rtoMs.p50! > warmStandby!.rtoMs.p50! && warmStandby!.rtoMs.p50! > active!.rtoMs.p50!],
    ['DR RPO p50 falls backup > pilot >= warm >= active-active', backup!.rpoWrites.p50! > pilot!.rpoWrites.p50! && pilot!.rpoWrites.p50! >= warmStandby!.rpoWrites.p50! && warmStandby!.rpoWrites.p50! >= active!.rpoWrites.p50!],
    ['DR node-seconds rise backup < pilot < warm <= active-active', backup!.cost.nodeSeconds < pilot!.cost.nodeSeconds && pilot!.cost.nodeSeconds < warmStandby!.cost.nodeSeconds && warmStandby!.cost.nodeSeconds <= active!.cost.nodeSeconds],
    ['DR bytes shipped rise backup < pilot < warm < active-active', backup!.cost.bytesShipped < pilot!.cost.bytesShipped && pilot!.cost.bytesShipped < warmStandby!.cost.bytesShipped && warmStandby!.cost.bytesShipped < active!.cost.bytesShipped],
  ];
  console.log('\nTextbook orderings\n');
  console.log(table(['ordering', 'holds'], checks.map(([name, holds]) => [name, holds ? 'yes' : 'NO'])));
}
