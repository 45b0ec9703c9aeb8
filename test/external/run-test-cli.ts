import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const BIN = path.resolve('dist/src/cli/main.js');
export const FIXTURES = 'test/fixtures/maelstrom';

/** Runs `faultline test …` (the built bin) into a fresh folder; returns what it printed and the folder. */
export function runTest(args: string[]): { status: number | null; stdout: string; stderr: string; dir: string } {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'faultline-test-')), 'out');
  const result = spawnSync(process.execPath, [BIN, 'test', ...args, '--out', dir], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, dir };
}

/** Starts `faultline test …` without waiting for it. */
export function startTest(args: string[]): ReturnType<typeof spawn> {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'faultline-test-')), 'out');
  return spawn(process.execPath, [BIN, 'test', ...args, '--out', dir], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Pids of processes whose command line holds `marker`. */
export function processesWith(marker: string): number[] {
  const ps = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return ps.stdout.split('\n').filter((line) => line.includes(marker) && !line.includes('ps -eo')).map((line) => Number(line.trim().split(/\s+/)[0]));
}
