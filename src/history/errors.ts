/**
 * The one error every bad-input path of the history module throws. Its message is a
 * single line, `file:line: field: what is wrong`, so a CLI can print it as is and an
 * editor can jump to the spot.
 *
 * @example
 * throw new HistoryError('h.ndjson', 3, 'type', 'unknown type "done"');
 * // message: 'h.ndjson:3: type: unknown type "done"'
 */
export class HistoryError extends Error {
  override readonly name = 'HistoryError';
  /** What is wrong, without the location prefix. */
  readonly problem: string;

  constructor(
    readonly file: string,
    /** 1-based line, or undefined when the problem has no single line (e.g. unreadable file). */
    readonly line: number | undefined,
    /** The op field at fault ('type', 'index', 'process', 'f', 'value', ...), or 'syntax', 'file', 'format'. */
    readonly field: string,
    problem: string,
  ) {
    const oneLine = escapeControlChars(problem);
    super(`${line === undefined ? file : `${file}:${line}`}: ${field}: ${oneLine}`);
    this.problem = oneLine;
  }
}

/** Where an op came from, for error messages. */
export interface SourceLocation {
  file: string;
  line: number | undefined;
}

/**
 * Throws a {@link HistoryError} at `where`; typed `never` so callers can use it in
 * expressions.
 *
 * @example
 * const n = typeof raw === 'number' ? raw : failAt({ file: 'h', line: 2 }, 'index', 'not a number');
 */
export function failAt(where: SourceLocation, field: string, problem: string): never {
  throw new HistoryError(where.file, where.line, field, problem);
}

/**
 * Renders a piece of user input for a message: JSON-ish, one line, cut to `maxLength`
 * characters so a megabyte-long bad value does not become a megabyte-long message.
 *
 * @example
 * describeInput('done'); // '"done"'
 * describeInput(undefined); // 'nothing'
 */
export function describeInput(value: unknown, maxLength = 40): string {
  let text: string;
  if (value === undefined) return 'nothing';
  // JSON has no Infinity or NaN (it writes null): name them.
  if (typeof value === 'bigint' || (typeof value === 'number' && !Number.isFinite(value))) text = `${value}`;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.length > maxLength ? `${text.slice(0, maxLength)}...` : text;
}

function escapeControlChars(text: string): string {
  // A message must stay on one line even when it quotes input with newlines in it.
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
