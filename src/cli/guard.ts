import { Command } from 'commander';
import pc from 'picocolors';
import { explore, type ExploreReport } from '../explore/explore.js';
import { replayRegressions, type RegressionCheck } from '../explore/guard.js';
import { PRESETS } from '../presets/index.js';
import type { ScenarioArbOptions } from '../gen/scenario-arb.js';
import { EXIT } from './exit-codes.js';
import { commandAction, Output } from './output.js';
import { parseCount } from './parse-flags.js';
import { scenarioConstraints, seedFrom, storeModes, withScenarioOptions, type ScenarioFlags } from './run.js';

interface GuardFlags extends ScenarioFlags {
  dir?: string;
  exploreRuns?: string;
  out?: string;
  json?: boolean;
}

/**
 * `faultline guard`: the CI regression guard. Replays every saved counterexample
 * under --dir (each must reproduce byte for byte and keep its verdict; a now-clean
 * one is reported as fixed, a drifted one as changed), then explores a budget of
 * new runs (the preset, config or store given, else every safe preset). One
 * summary and one exit code: 1 when the exploration found a violation, else 2 when
 * a saved counterexample was fixed or changed, else 3 when runs were unknown, else 0.
 *
 * @example
 * registerGuard(program); // faultline guard --dir histories/regressions --explore-runs 300
 */
export function registerGuard(program: Command): void {
  withScenarioOptions(program.command('guard').description('replay every saved counterexample, then explore a budget: one summary and exit code for CI'))
    .option('-d, --dir <dir>', 'the folder of saved counterexamples (default: histories/regressions)')
    .option('--explore-runs <n>', 'runs to explore after the replays, per preset (default 100; 0 skips exploring)')
    .option('-o, --out <dir>', 'save new failures under DIR/<id>/ (default: out/guard)')
    .option('--json', 'print one JSON object on stdout; human text goes to stderr')
    .action(commandAction(guardCommand));
}

async function guardCommand(flags: GuardFlags, out: Output): Promise<number> {
  const modes = await storeModes(flags.store);
  const dir = flags.dir ?? 'histories/regressions';
  const runs = flags.exploreRuns === undefined ? 100 : parseCount('--explore-runs', flags.exploreRuns);
  const seed = flags.seed === undefined ? 1 : seedFrom(flags.seed);
  const targets = exploreTargets(flags, modes);
  const checks = replayRegressions(dir, { modes });
  for (const check of checks) out.human(checkLine(check));
  const explored: Array<{ target: string; report: ExploreReport }> = [];
  if (runs > 0) {
    for (const [target, scenario] of targets) {
      const report = await explore({ scenario, seed, runs, outDir: flags.out ?? 'out/guard' });
      explored.push({ target, report });
      out.human(exploreLine(target, report));
    }
  }
  const count = (state: RegressionCheck['state']) => checks.filter((check) => check.state === state).length;
  const failures = explored.flatMap(({ target, report }) => report.failures.map((failure) => ({ target, run: failure.run, anomaly: failure.anomaly, dir: failure.dir ?? null })));
  const unknown = explored.reduce((sum, { report }) => sum + report.unknown, 0);
  const code = failures.length > 0 ? EXIT.VIOLATION : count('fixed') + count('changed') > 0 ? EXIT.USAGE : unknown > 0 ? EXIT.UNKNOWN : EXIT.OK;
  out.human(`guard: ${checks.length} saved counterexample(s): ${count('reproduced')} reproduced, ${count('fixed')} fixed, ${count('changed')} changed; ` +
    `explored ${explored.reduce((sum, { report }) => sum + report.runs, 0)} run(s): ${failures.length} failure(s), ${unknown} unknown; exit ${code}`);
  out.json({
    dir,
    replayed: checks,
    reproduced: count('reproduced'),
    fixed: count('fixed'),
    changed: count('changed'),
    explored: explored.map(({ target, report }) => ({ target, seed: report.seed, runs: report.runs, failures: report.failures.length, unknown: report.unknown })),
    failures,
    unknown,
    exitCode: code,
  });
  return code;
}

/** The preset, config or store given; without one, every preset that promises no violation. */
function exploreTargets(flags: GuardFlags, modes: Awaited<ReturnType<typeof storeModes>>): Array<[string, ScenarioArbOptions]> {
  if (flags.preset !== undefined || flags.config !== undefined || modes.length > 0) {
    const scenario = scenarioConstraints(flags, modes);
    return [[flags.preset ?? flags.config ?? modes.map((mode) => mode.name).join(', '), scenario]];
  }
  return Object.values(PRESETS).filter((preset) => preset.safe).map((preset) => [preset.name, scenarioConstraints({ ...flags, preset: preset.name }, modes)]);
}

function checkLine(check: RegressionCheck): string {
  const word = check.state === 'reproduced' ? pc.green('reproduced') : check.state === 'fixed' ? pc.yellow('fixed') : pc.red('changed');
  return `${word} ${check.dir}: ${check.detail}`;
}

function exploreLine(target: string, report: ExploreReport): string {
  const found = report.failures.length === 0 ? pc.green('no violation') : pc.red(`${report.failures[0]!.anomaly} at run ${report.failures[0]!.run}, saved to ${report.failures[0]!.dir}`);
  return `explored ${target}: ${report.runs} run(s) from seed ${report.seed}: ${found}${report.unknown > 0 ? pc.yellow(`, ${report.unknown} unknown`) : ''}`;
}
