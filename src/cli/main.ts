#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { registerCheck } from './check.js';
import { registerExplore } from './explore.js';
import { registerGuard } from './guard.js';
import { registerMerge } from './merge.js';
import { registerPresets } from './presets.js';
import { registerReplay } from './replay.js';
import { registerRun } from './run.js';
import { registerShrink } from './shrink.js';
import { EXIT } from './exit-codes.js';

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
  return program;
}

async function main(): Promise<void> {
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other parse problem is a usage error (exit 2).
      process.exitCode = error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
      return;
    }
    throw error;
  }
}

await main();
