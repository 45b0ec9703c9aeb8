import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from './exit-codes.js';

/**
 * Reports an error nobody expected (a bug in faultline, not in the input): one line on
 * stderr with the message and the file holding the stack, one JSON object on stdout
 * under `--json`, and exit code 4, so that a crash is never read as a verdict (1 means
 * a violation was found). Returns the file the details went to, or undefined when even
 * that could not be written (the stack then goes to stderr).
 *
 * @example
 * process.on('uncaughtException', (error) => { reportInternalError(error, argv.includes('--json')); process.exit(EXIT.INTERNAL); });
 */
export function reportInternalError(error: unknown, jsonMode: boolean): string | undefined {
  const message = oneLine(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  const details = writeDetails(error);
  const where = details === undefined ? 'stack below' : `details in ${details}`;
  process.stderr.write(`faultline: internal error (not a verdict): ${message}; ${where}\n`);
  if (details === undefined) process.stderr.write(`${stackOf(error)}\n`);
  if (jsonMode) {
    process.stdout.write(`${JSON.stringify({ error: { message, internal: true, ...(details === undefined ? {} : { details }) } })}\n`);
  }
  process.exitCode = EXIT.INTERNAL;
  return details;
}

function writeDetails(error: unknown): string | undefined {
  const file = join(tmpdir(), `faultline-internal-error-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}.txt`);
  const text = [
    `faultline internal error at ${new Date().toISOString()}`,
    `command: ${process.argv.slice(2).map((arg) => JSON.stringify(arg)).join(' ')}`,
    `node ${process.version} on ${process.platform}/${process.arch}`,
    '',
    stackOf(error),
    '',
  ].join('\n');
  try {
    writeFileSync(file, text);
    return file;
  } catch {
    return undefined;
  }
}

function stackOf(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

function oneLine(text: string): string {
  const line = text.replace(/\s*\n\s*/g, ' ');
  // A message can quote input; keep the line readable.
  return line.length > 300 ? `${line.slice(0, 300)}...` : line;
}
