import { HistoryError } from '../history/errors.js';
import { stringifyExact } from '../history/exact-json.js';
import { ConfigError } from '../config/config-error.js';
import { clipText } from '../report/clip.js';
import { EXIT, UsageError } from './exit-codes.js';
import { describePathSystemError, isPathSystemError } from './system-error.js';

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

  /** Human text: stdout normally, stderr under --json. Values beyond the report's bounds are clipped (see clipText). */
  human(input: string): void {
    const text = clipText(input);
    (this.jsonMode ? process.stderr : process.stdout).write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** The one JSON object, under --json only. */
  json(value: unknown): void {
    if (this.jsonMode) process.stdout.write(`${stringifyExact(value)}\n`);
  }
}

/**
 * Turns an expected failure (bad input, bad config, bad usage, a path the system
 * refuses) into one line on stderr, a JSON error object under --json, and exit code
 * 2. Anything else is a bug and is rethrown so that it is not mistaken for bad input
 * (the program reports it as an internal error, exit 4).
 *
 * @example
 * try { await run(); } catch (error) { reportInputError(error, out); }
 */
export function reportInputError(error: unknown, out: Output): void {
  const detail = inputErrorDetail(error);
  if (detail === undefined) throw error;
  // One line, even when the message quotes a parser's multi-line complaint.
  detail.message = String(detail.message).replace(/\s*[\r\n]+\s*/g, ' ');
  process.stderr.write(`faultline: ${detail.message}\n`);
  out.json({ error: detail });
  process.exitCode = EXIT.USAGE;
}

/** The JSON error object of an expected failure: `file`, `line` and `field` each only when known. */
function inputErrorDetail(error: unknown): Record<string, unknown> | undefined {
  if (error instanceof HistoryError) return { message: error.message, file: error.file, line: error.line, field: error.field };
  if (error instanceof ConfigError) {
    return {
      message: error.message,
      ...(error.file === undefined ? {} : { file: error.file }),
      ...(error.line === undefined ? {} : { line: error.line }),
      ...(error.field === '' ? {} : { field: error.field }),
    };
  }
  if (error instanceof UsageError) return { message: error.message };
  if (isPathSystemError(error)) return { message: describePathSystemError(error), file: error.path };
  return undefined;
}

/**
 * A subcommand's action: an Output that follows its `--json`, the exit code `run`
 * returns, and bad input reported as one line with exit 2 (see {@link reportInputError}).
 * `run` takes the command's arguments and options as commander passes them, then the Output.
 *
 * @example
 * program.command('check <file>').option('--json').action(commandAction(runCheck));
 */
export function commandAction<A extends unknown[]>(
  run: (...args: [...A, Output]) => Promise<number> | number,
): (...args: [...A, { opts(): { json?: unknown } }]) => Promise<void> {
  return async (...args) => {
    // Commander passes the Command last; its opts() are the flags the action received.
    const command = args[args.length - 1] as { opts(): { json?: unknown } };
    const out = new Output(Boolean(command.opts().json));
    try {
      process.exitCode = await run(...(args.slice(0, -1) as A), out);
    } catch (error) {
      reportInputError(error, out);
    }
  };
}
