import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** What one CLI invocation produced. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

const BIN = path.resolve('dist/src/cli/main.js');

/** Runs the built `faultline` bin (npm test builds it first) with a time limit, and `stdin` on its standard input. */
export function runCli(args: string[], timeoutMs = 60_000, stdin: string | Uint8Array = ''): CliRun {
  // NO_COLOR: picocolors colours output when CI is set, and these tests read plain text.
  const env = { ...process.env, NO_COLOR: '1' };
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: timeoutMs, env, input: stdin });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes `text` to a fresh temporary file and returns its path. */
export function tempFile(name: string, text: string | Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-cli-'));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}
