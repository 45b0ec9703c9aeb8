import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { HistoryParser } from './_internals/history-parser.js';
import { historyBytes } from './_internals/history-bytes.js';
import { forEachLine } from './_internals/lines.js';
import { forEachStreamLine } from './_internals/stream-lines.js';
import { HistoryError } from './errors.js';
import { DEFAULT_HISTORY_LIMITS, tooLong, type HistoryLimits } from './limits.js';
import type { HistoryFormat, ParsedHistory } from './parsed-history.js';

/**
 * Options for {@link readHistory} and {@link parseHistoryText}.
 */
export interface ReadHistoryOptions extends Partial<HistoryLimits> {
  /** Skip detection and read as this format. */
  format?: HistoryFormat;
  /**
   * The name of the source in messages and in the result, for a stream or text
   * (default `<stream>` and `<text>`); a file path names itself.
   */
  file?: string;
  /**
   * Stops reading when it aborts (a time budget that runs out while a large file is still
   * being read): the promise rejects with a {@link ReadAbortedError}.
   */
  signal?: AbortSignal;
}

/**
 * Reading stopped because `signal` aborted; says how far it got.
 *
 * @example
 * await readHistory('big.ndjson', { signal: AbortSignal.timeout(1000) }).catch((e) => e instanceof ReadAbortedError);
 */
export class ReadAbortedError extends Error {
  constructor(readonly file: string, readonly linesRead: number) {
    super(`${file}: reading stopped after ${linesRead} line(s)`);
    this.name = 'ReadAbortedError';
  }
}

/**
 * Reads a history (NDJSON, Jepsen EDN or a Jepsen log, detected from its content
 * unless `opts.format` says) from a file, or from a stream such as standard input,
 * streaming it line by line: it never sits in memory as one string. gzip data (a
 * `.gz` file, a compressed pipe) is decompressed on the way, recognised by its magic
 * bytes, and the format is detected in the decompressed text. Every problem with the
 * input, including an unreadable file or gzip data cut short, is a
 * {@link HistoryError} naming the file, line and field, and so is a line or a value
 * beyond the bounds of {@link HistoryLimits} (a line is cut short as soon as it passes
 * the bound, so `/dev/zero` is an error, not a hang or a crash).
 *
 * @example
 * const h = await readHistory('histories/examples/cas-register-bad.ndjson');
 * console.log(h.format, h.ops.length, h.lines[0]);
 * const piped = await readHistory(process.stdin, { file: '<stdin>' });
 */
export async function readHistory(source: string | Readable, opts: ReadHistoryOptions = {}): Promise<ParsedHistory> {
  const file = typeof source === 'string' ? source : (opts.file ?? '<stream>');
  const limits = limitsOf(opts);
  const parser = new HistoryParser(file, opts.format, limits);
  const bytes = typeof source === 'string' ? createReadStream(source, { highWaterMark: 1 << 20 }) : source;
  // An abort stops the reading at once, even while it waits for input (a pipe that never ends).
  const abort = (): void => void bytes.destroy();
  opts.signal?.addEventListener('abort', abort, { once: true });
  let linesRead = 0;
  let ended: 'done' | 'stopped';
  try {
    ended = await forEachStreamLine(historyBytes(bytes, file), limits.maxLineLength, {
      line(text) {
        linesRead++;
        parser.push(text);
      },
      stop: () => opts.signal?.aborted === true,
      unreadable: (error) => (opts.signal?.aborted === true ? new ReadAbortedError(file, linesRead)
        : error instanceof HistoryError ? error : new HistoryError(file, undefined, 'file', `cannot read (${error.message})`)),
      tooLong: (lineNo) => new HistoryError(file, lineNo, 'syntax', tooLong(limits.maxLineLength, 'line')),
    });
  } finally {
    opts.signal?.removeEventListener('abort', abort);
  }
  if (ended === 'stopped' || opts.signal?.aborted === true) throw new ReadAbortedError(file, linesRead);
  return parser.finish();
}

/**
 * Parses a history held in memory, exactly as {@link readHistory} would read the same
 * bytes from a file (same detection, same line numbers). `opts.file` names the source
 * in error messages.
 *
 * @example
 * const h = parseHistoryText('{"process":0,"type":"invoke","f":"read","value":null}\n', { file: 'inline' });
 * h.ops[0]; // { index: 0, time: 0, process: 0, type: 'invoke', f: 'read', value: null }
 */
export function parseHistoryText(text: string, opts: ReadHistoryOptions = {}): ParsedHistory {
  const parser = new HistoryParser(opts.file ?? '<text>', opts.format, limitsOf(opts));
  forEachLine(text, (line) => parser.push(line));
  return parser.finish();
}

function limitsOf(opts: Partial<HistoryLimits>): HistoryLimits {
  return {
    maxLineLength: opts.maxLineLength ?? DEFAULT_HISTORY_LIMITS.maxLineLength,
    maxDepth: opts.maxDepth ?? DEFAULT_HISTORY_LIMITS.maxDepth,
  };
}
