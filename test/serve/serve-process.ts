import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve('dist/src/cli/main.js');

/** A `faultline` child that serves: its URL once it prints it, its output, and its exit. */
export interface ServingChild {
  child: ChildProcess;
  url: Promise<string>;
  stderr: () => string;
  exit: Promise<number | null>;
  /** Sends a signal and waits for the exit code; kills it if it has not gone within the bound. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `faultline ARGS`, resolving `url` at its "serving ... at http://..." line (rejecting if it exits first). */
export function spawnServing(args: string[]): ServingChild {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stdout!.resume();
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const match = /serving .* at (http:\/\/\S+\/)/.exec(err);
      if (match) resolve(match[1]!);
    });
    void exit.then((code) => reject(new Error(`faultline exited (${code}) before serving: ${err}`)));
  });
  url.catch(() => {});
  return {
    child, url, exit, stderr: () => err,
    stop: async (signal = 'SIGINT') => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      const bound = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const code = await exit;
      clearTimeout(bound);
      return code;
    },
  };
}
