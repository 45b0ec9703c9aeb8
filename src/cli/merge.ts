import { Command } from 'commander';
import pc from 'picocolors';
import { mergeShards, type MergeReport } from '../explore/merge.js';
import { EXIT } from './exit-codes.js';
import { commandAction, type Output } from './output.js';

interface MergeFlags {
  out?: string;
  json?: boolean;
}

/**
 * `faultline merge DIR…`: one summary of the shards of an exploration (each DIR a
 * shard's results folder, or a folder of them): total runs, runs/s, failures
 * de-duplicated by anomaly and shrunk-scenario signature (the smallest kept),
 * unknowns. Exit codes as explore's; shards that overlap, are missing or belong
 * to another exploration exit 2 naming them.
 *
 * @example
 * registerMerge(program); // faultline merge results/shard-* --out results/merged --json
 */
export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('merge the results folders of explore --shard into one summary; de-duplicate failures')
    .argument('<dirs...>', 'results folders of explore --shard (each holding summary.json), or folders of them')
    .option('-o, --out <dir>', 'copy each kept counterexample to DIR/<id>/ and write DIR/merged.json')
    .option('--json', 'print one JSON object on stdout; human text goes to stderr')
    .action(commandAction(mergeCommand));
}

function mergeCommand(dirs: string[], flags: MergeFlags, out: Output): number {
  const report = mergeShards(dirs, flags.out === undefined ? {} : { outDir: flags.out });
  for (const line of mergeLines(report)) out.human(line);
  out.json(report);
  return report.failures.length > 0 ? EXIT.VIOLATION : report.unknown > 0 ? EXIT.UNKNOWN : EXIT.OK;
}

function mergeLines(report: MergeReport): string[] {
  const pace = `${report.runs} run(s) over ${report.shards} shard(s) in ${(report.elapsedMs / 1000).toFixed(1)} s (${report.runsPerSecond.toFixed(1)} runs/s side by side, seed ${report.seed})`;
  const unknown = report.unknown > 0 ? pc.yellow(`; ${report.unknown} run(s) unknown (a checker ran out of time)`) : '';
  if (report.failures.length === 0) return [`${pc.green('no violation found')} in ${pace}${unknown}`];
  const lines = [`${pc.red(`${report.failures.length} distinct failure(s)`)} (${report.found} found) in ${pace}${unknown}`];
  for (const failure of report.failures) {
    const also = failure.duplicates > 0 ? ` (and ${failure.duplicates} more run(s) with the same signature)` : '';
    lines.push(pc.red(`run ${failure.run}: ${failure.anomaly}, ${failure.clientOps} client op(s) and ${failure.faults} fault(s): ${failure.path}${also}`));
    lines.push(`  ${failure.signature}`);
    lines.push(`  ${failure.reason}`);
  }
  return lines;
}
