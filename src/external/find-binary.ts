import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { ExternalRunError } from './run-error.js';

/**
 * Checks that `bin` names an executable file, as a path (with a `/`) or a
 * command on PATH, and returns it unchanged; else throws an
 * {@link ExternalRunError} naming it.
 *
 * @example
 * checkBinary('node'); // 'node'
 * checkBinary('./nope'); // throws "--bin: ./nope does not exist"
 */
export function checkBinary(bin: string): string {
  if (bin.includes('/')) {
    const problem = executableProblem(bin);
    if (problem !== undefined) throw new ExternalRunError(`--bin: ${bin} ${problem}`);
    return bin;
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir !== '' && executableProblem(join(dir, bin)) === undefined) return bin;
  }
  throw new ExternalRunError(`--bin: ${bin} is not a path and no executable of that name is on PATH`);
}

function executableProblem(path: string): string | undefined {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    return 'does not exist';
  }
  if (!isFile) return 'is not a file';
  try {
    accessSync(path, constants.X_OK);
  } catch {
    return 'is not executable (chmod +x it, or give its interpreter: --bin node file.js)';
  }
  return undefined;
}

/**
 * The command line as each node runs it: nodes run in their own working folder,
 * so a relative binary path, and each argument that names an existing file or
 * folder relative to faultline's own folder, become absolute.
 *
 * @example
 * absoluteCommand('node', ['my-node.js', '--fast']); // { bin: 'node', args: ['/home/me/store/my-node.js', '--fast'] }
 */
export function absoluteCommand(bin: string, args: readonly string[]): { bin: string; args: string[] } {
  return {
    bin: bin.includes('/') ? resolve(bin) : bin,
    args: args.map((arg) => (!arg.startsWith('-') && existsSync(arg) ? resolve(arg) : arg)),
  };
}
