#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { registerCheck } from './check.js';
import { registerExperiment } from './experiment.js';
import { registerExplore } from './explore.js';
import { registerGuard } from './guard.js';
import { registerMerge } from './merge.js';
import { registerPresets } from './presets.js';
import { registerReplay } from './replay.js';
import { registerRun } from './run.js';
import { registerShrink } from './shrink.js';
import { EXIT } from './exit-codes.js';
import { reportInternalError } from './internal-error.js';

const { version } = createRequire(import.meta.url)('../../../package.json') as { version: string };

/**
 * The `faultline` program with every subcommand registered.
 *
 * @example
 * await buildProgram().parseAsync(['check', 'h.ndjson'], { from: 'user' });
 */
export function buildProgram(): Command {
  const program = new Command('faultline')
    .description('Jepsen-style, property-based correctness checking for replicated stores')
    .version(version)
    .showHelpAfterError('(run faultline --help for usage)')
    .exitOverride();
  registerCheck(program);
  registerRun(program);
  registerExplore(program);
  registerReplay(program);
  registerShrink(program);
  registerPresets(program);
  registerMerge(program);
  registerGuard(program);
  registerExperiment(program);
  return program;
}

/** `--json` among the arguments: then even a usage error or a crash prints one JSON object. */
const jsonMode = process.argv.slice(2).includes('--json');

async function main(): Promise<void> {
  try {
    await buildProgram().parseAsync(process.argv);
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
