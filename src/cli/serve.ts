import { Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { replay } from '../explore/replay.js';
import { renderOutcomeReport } from '../report/html/outcome-report.js';
import type { RunningServer } from '../serve/server.js';
import { UsageError } from './exit-codes.js';
import { commandAction, Output } from './output.js';
import { parseCount } from './parse-flags.js';

interface ServeFlags {
  port?: string;
  host?: string;
}

/** The port `serve` and `explore --serve` take without --port. */
export const DEFAULT_PORT = 7878;

/** Exit codes after a signal, as shells report them: 128 + the signal's number. */
const EXIT_ON_SIGNAL = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * `faultline serve [DIR]`: a local web server listing the runs saved under DIR
 * (default out/), each opening its report. Binds 127.0.0.1 unless --host says
 * otherwise; serves only files under DIR. Runs until Ctrl-C (exit 130) or SIGTERM (143).
 *
 * @example
 * registerServe(program); // faultline serve out --port 7878
 */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the runs saved under DIR and their reports on a local web page, until Ctrl-C')
    .argument('[dir]', 'the folder of saved runs', 'out')
    .option('--port <n>', `the port (default ${DEFAULT_PORT}; 0 picks a free one)`)
    .option('--host <host>', 'the address to bind (default 127.0.0.1: this machine only)')
    .action(commandAction(serveCommand));
}

async function serveCommand(dir: string, flags: ServeFlags, _out: Output): Promise<number> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir}: no such folder`);
  const server = await serveRuns(dir, flags);
  process.stderr.write(`serving the runs in ${dir} at ${server.url} (Ctrl-C to stop)\n`);
  const signal = await untilSignal();
  await server.close();
  return EXIT_ON_SIGNAL[signal];
}

/**
 * Starts the server on DIR with the flags' port and host; a port in use or not
 * allowed is a UsageError (exit 2) saying so.
 *
 * @example
 * const server = await serveRuns('out', { port: '0' });
 */
export async function serveRuns(dir: string, flags: ServeFlags): Promise<RunningServer> {
  const port = flags.port === undefined ? DEFAULT_PORT : parseCount('--port', flags.port, 0, 65535);
  const host = flags.host ?? '127.0.0.1';
  // The server and its WebSocket library load only for the commands that serve.
  const { startServer } = await import('../serve/server.js');
  try {
    return await startServer({ root: dir, host, port, renderReport: reportOfSavedRun });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where = `${host}:${port}`;
    if (code === 'EADDRINUSE') throw new UsageError(`--port ${port}: ${where} is already in use (pick another with --port, or 0 for a free one)`);
    if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`--port ${port}: not allowed to listen on ${where} (ports below 1024 need privileges)`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') throw new UsageError(`--host ${host}: not an address of this machine`);
    throw error;
  }
}

/** A saved run's report, re-run from its scenario, for folders saved without one. */
function reportOfSavedRun(runDir: string): string | undefined {
  try {
    const { outcome } = replay(runDir);
    return renderOutcomeReport(outcome, { title: runDir, replay: `faultline replay ${runDir}` });
  } catch {
    return undefined;
  }
}

/**
 * Resolves with the first SIGINT or SIGTERM.
 *
 * @example
 * const signal = await untilSignal(); // 'SIGINT' after Ctrl-C
 */
export function untilSignal(): Promise<'SIGINT' | 'SIGTERM'> {
  return new Promise((resolve) => {
    const on = (signal: 'SIGINT' | 'SIGTERM') => () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(signal);
    };
    const onInt = on('SIGINT');
    const onTerm = on('SIGTERM');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
  });
}
