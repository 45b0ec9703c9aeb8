import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';

const BIN = path.resolve('dist/src/cli/main.js');
const children: ChildProcess[] = [];

afterEach(() => {
  // Whatever happened in the test, no explorer is left running.
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Starts `faultline explore ...` and collects its output until it exits. */
function startExplore(args: string[]) {
  const child = spawn(process.execPath, [BIN, 'explore', ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, exited, stderr: () => stderr };
}

/** Polls (the test's own timeout bounds it) until `ready` holds. */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await sleep(50);
}

describe('faultline explore: Ctrl-C and SIGTERM', () => {
  it.each([['SIGINT', 130], ['SIGTERM', 143]] as const)(
    '%s saves the failures found, prints the summary and the seed, exits %i',
    async (signal, code) => {
      const out = path.join(mkdtempSync(path.join(tmpdir(), 'faultline-interrupt-')), 'out');
      const explorer = startExplore(['--preset', 'sl-async', '--keep-going', '--runs', '100000', '--seed', '1', '--out', out, '--json']);
      // --keep-going saves each failure as it is found: wait for the first on disk.
      await until(() => existsSync(out) && readdirSync(out).some((dir) => existsSync(path.join(out, dir, 'results.json'))));
      explorer.child.kill(signal);
      const result = await explorer.exited;
      expect(result.code, result.stderr).toBe(code);
      const report = JSON.parse(result.stdout);
      expect(report.stoppedBy).toBe('interrupt');
      expect(report.seed).toBe(1);
      expect(report.runs).toBeLessThan(100_000);
      expect(report.failures.length).toBeGreaterThanOrEqual(1);
      for (const failure of report.failures) {
        expect(['shrunk', 'partly-shrunk', 'unshrunk']).toContain(failure.shrinkState);
        expect(readdirSync(failure.dir).sort()).toEqual(['counterexample.txt', 'history.ndjson', 'report.html', 'results.json', 'scenario.json']);
      }
      expect(readdirSync(out)).toHaveLength(report.failures.length);
      expect(result.stderr).toMatch(/interrupted|terminated/);
      expect(result.stderr).toMatch(/seed 1\)/);
    },
    120_000,
  );

  it('Ctrl-C before any failure: the summary with the seed, nothing saved, exit 130', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'faultline-interrupt-')), 'out');
    const explorer = startExplore(['--preset', 'sl-majority', '--runs', '100000', '--seed', '5', '--workers', '2', '--out', out]);
    await until(() => explorer.stderr().includes('exploring'));
    explorer.child.kill('SIGINT');
    const result = await explorer.exited;
    expect(result.code, result.stderr).toBe(130);
    expect(result.stdout).toMatch(/^interrupted: no violation found in \d+ run\(s\) in .*seed 5\)/m);
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  // `script` gives the explorer a terminal (so the progress bar runs), and the
  // ETX byte written to it is a real Ctrl-C, sent by the terminal's line discipline.
  // The explorer replaces script's shell (`exec`): a shell left waiting would take
  // the same SIGINT, and dash (a common /bin/sh) dies of it before reporting. With
  // -e, script exits with the explorer's own status.
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('Ctrl-C in a terminal gives back the cursor and line wrap the progress bar took', async () => {
    const command = `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} explore --preset sl-majority --runs 100000 --seed 5 --out ${JSON.stringify(mkdtempSync(path.join(tmpdir(), 'faultline-tty-')))}`;
    const terminal = spawn('script', ['-qfec', command, '/dev/null'], { env: { ...process.env, NO_COLOR: '1', SHELL: '/bin/sh' }, stdio: ['pipe', 'pipe', 'pipe'] });
    children.push(terminal);
    let screen = '';
    terminal.stdout!.on('data', (chunk) => (screen += chunk));
    const closed = new Promise<number | null>((resolve) => terminal.on('close', (code) => resolve(code)));
    await until(() => /runs [1-9]\d*\/100000/.test(screen));
    terminal.stdin!.write('\x03');
    const code = await closed;
    expect(code, screen).toBe(130);
    expect(screen).toMatch(/interrupted: no violation found in \d+ run\(s\).*seed 5\)/);
    // The last word on each setting is "on": cursor shown (?25h) after it was hidden (?25l), wrap on (?7h) after off (?7l).
    expect(screen.lastIndexOf('\x1b[?25h')).toBeGreaterThan(screen.lastIndexOf('\x1b[?25l'));
    expect(screen.lastIndexOf('\x1b[?7h')).toBeGreaterThan(screen.lastIndexOf('\x1b[?7l'));
  }, 120_000);
});
