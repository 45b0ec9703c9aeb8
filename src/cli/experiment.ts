import { Command } from 'commander';
import pc from 'picocolors';
import { experimentReport } from '../experiment/experiment-report.js';
import { readExperimentFile } from '../experiment/read-experiment.js';
import { runExperiment } from '../experiment/run-experiment.js';
import { exitFor } from './exit-codes.js';
import { commandAction, Output } from './output.js';
import { MAX_SEED } from '../explore/validate-scenario.js';
import { parseCount } from './parse-flags.js';

interface ExperimentFlags {
  seed?: string;
  json?: boolean;
}

/**
 * `faultline experiment <file>`: a chaos experiment. Runs a baseline, the
 * injection of one fault and a recovery window in one simulation, and judges
 * the file's steady-state hypothesis in every window. Exit 0 when it held in
 * every phase, 1 when it was violated or the injection aborted, 2 for a bad
 * file, 3 when a window could not be judged.
 *
 * @example
 * registerExperiment(program); // faultline experiment examples/experiments/follower-crash-holds.yaml --json
 */
export function registerExperiment(program: Command): void {
  program
    .command('experiment')
    .description('run a chaos experiment file (YAML or JSON): baseline, injection, recovery, each judged against a steady-state hypothesis')
    .argument('<file>', 'the experiment file')
    .option('-s, --seed <n>', `fixes every random choice, an integer in [0, ${MAX_SEED}] (default: the file's seed, else 1)`)
    .option('--json', 'print one JSON object on stdout; human text goes to stderr')
    .action(commandAction(runExperimentCommand));
}

async function runExperimentCommand(file: string, flags: ExperimentFlags, out: Output): Promise<number> {
  const seed = flags.seed === undefined ? undefined : parseCount('--seed', flags.seed, 0, MAX_SEED);
  const read = readExperimentFile(file);
  const experiment = seed === undefined ? read : { ...read, seed };
  const result = runExperiment(experiment);
  const lines = experimentReport(experiment, result);
  const last = lines.pop()!;
  out.human(lines.join('\n'));
  out.human(result.held === true ? pc.green(last) : result.held === false ? pc.red(last) : pc.yellow(last));
  out.json(result);
  return exitFor(result.held);
}
