#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { EXIT } from './exit-codes.js';
import { reportInternalError } from './internal-error.js';

const { version } = createRequire(import.meta.url)('../../../package.json') as { version: string };

type Register = (program: Command) => void;

/**
 * Each subcommand's module, loaded only when needed: a subcommand imports what it uses
 * (the checker, the simulator, fast-check...), and a process that runs `check` should
 * not pay for loading the simulator. In the order `faultline --help` lists them.
 */
const SUBCOMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  check: async () => (await import('./check.js')).registerCheck,
  run: async () => (await import('./run.js')).registerRun,
  explore: async () => (await import('./explore.js')).registerExplore,
  replay: async () => (await import('./replay.js')).registerReplay,
  shrink: async () => (await import('./shrink.js')).registerShrink,
  presets: async () => (await import('./presets.js')).registerPresets,
  merge: async () => (await import('./merge.js')).registerMerge,
  guard: async () => (await import('./guard.js')).registerGuard,
  report: async () => (await import('./report.js')).registerReport,
  serve: async () => (await import('./serve.js')).registerServe,
  dr: async () => (await import('./dr.js')).registerDr,
  test: async () => (await import('./test.js')).registerTest,
  node: async () => (await import('./node.js')).registerNode,
  experiment: async () => (await import('./experiment.js')).registerExperiment,
};

/**
 * The `faultline` program with its subcommands registered: only `subcommand` when it
 * names one (its help and its errors read the same, since a subcommand's help shows
 * only itself), else every one (for `faultline --help`, a typo, or no argument).
 *
 * @example
 * await (await buildProgram('check')).parseAsync(['check', 'h.ndjson'], { from: 'user' });
 */
export async function buildProgram(subcommand?: string): Promise<Command> {
  const program = new Command('faultline')
    .description('Jepsen-style, property-based correctness checking for replicated stores')
    .version(version)
    .showHelpAfterError('(run faultline --help for usage)')
    .exitOverride();
  const only = subcommand !== undefined && Object.hasOwn(SUBCOMMANDS, subcommand) ? [subcommand] : Object.keys(SUBCOMMANDS);
  const registers = await Promise.all(only.map((name) => SUBCOMMANDS[name]!()));
  for (const register of registers) register(program);
  return program;
}

/** `--json` among the arguments: then even a usage error or a crash prints one JSON object. */
const jsonMode = process.argv.slice(2).includes('--json');

async function main(): Promise<void> {
  try {
    // The first argument is the subcommand, when there is one (the program takes no options of its own but --help and --version).
    await (await buildProgram(process.argv[2])).parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other parse problem is a usage error (exit 2).
      if (error.exitCode === 0) {
        process.exitCode = EXIT.OK;
        return;
      }
      if (jsonMode) process.stdout.write(`${JSON.stringify({ error: { message: error.message.replace(/^error: /, '') } })}\n`);
      process.exitCode = EXIT.USAGE;
      return;
    }
    reportInternalError(error, jsonMode);
  }
}

// A throw outside the command's own promise (a stream callback, a stack overflow in an
// event handler) must not end the process with Node's exit code 1, which reads as a verdict.
process.on('uncaughtException', (error) => {
  reportInternalError(error, jsonMode);
  process.exit(EXIT.INTERNAL);
});
process.on('unhandledRejection', (reason) => {
  reportInternalError(reason, jsonMode);
  process.exit(EXIT.INTERNAL);
});

await main();
