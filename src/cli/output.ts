import { HistoryError } from '../history/errors.js';
import { stringifyExact } from '../history/exact-json.js';
import { ConfigError } from '../config/config-error.js';
import { EXIT, UsageError } from './exit-codes.js';

/**
 * Where a command's words go: with `--json`, stdout carries exactly one JSON object and
 * human text moves to stderr; without it, results go to stdout and progress to stderr.
 *
 * @example
 * const out = new Output(opts.json);
 * out.human('valid');
 * out.json({ valid: true });
 */
export class Output {
  constructor(readonly jsonMode: boolean) {}

  /** Human text: stdout normally, stderr under --json. */
  human(text: string): void {
    (this.jsonMode ? process.stderr : process.stdout).write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** The one JSON object, under --json only. */
  json(value: unknown): void {
    if (this.jsonMode) process.stdout.write(`${stringifyExact(value)}\n`);
  }
}

/**
 * Turns an expected failure (bad input, bad config, bad usage) into one line on stderr,
 * a JSON error object under --json, and exit code 2. Anything else is a bug and is
 * rethrown so that it is not mistaken for bad input.
 *
 * @example
 * try { await run(); } catch (error) { reportInputError(error, out); }
 */
export function reportInputError(error: unknown, out: Output): void {
  if (!(error instanceof HistoryError || error instanceof ConfigError || error instanceof UsageError)) throw error;
  process.stderr.write(`faultline: ${error.message}\n`);
  const detail: Record<string, unknown> = { message: error.message };
  if (error instanceof HistoryError) Object.assign(detail, { file: error.file, line: error.line, field: error.field });
  if (error instanceof ConfigError) Object.assign(detail, { field: error.field });
  out.json({ error: detail });
  process.exitCode = EXIT.USAGE;
}
