import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { HistoryParser } from './_internals/history-parser.js';
import { forEachLine } from './_internals/lines.js';
import { HistoryError } from './errors.js';
import type { HistoryFormat, ParsedHistory } from './parsed-history.js';

/**
 * Options for {@link readHistory} and {@link parseHistoryText}.
 */
export interface ReadHistoryOptions {
  /** Skip detection and read as this format. */
  format?: HistoryFormat;
}

/**
 * Reads a history file (NDJSON, Jepsen EDN or a Jepsen log, detected from its content
 * unless `opts.format` says), streaming it line by line: the file never sits in memory
 * as one string. Every problem with the input, including an unreadable file, is a
 * {@link HistoryError} naming the file, line and field.
 *
 * @example
 * const h = await readHistory('histories/examples/cas-register-bad.ndjson');
 * console.log(h.format, h.ops.length, h.lines[0]);
 */
export async function readHistory(file: string, opts: ReadHistoryOptions = {}): Promise<ParsedHistory> {
  const parser = new HistoryParser(file, opts.format);
  const input = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const lines = createInterface({ input, crlfDelay: Infinity });
  // 'line' events rather than for-await: the async iterator costs a promise per line.
  return new Promise<ParsedHistory>((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown): void => {
      if (failed) return;
      failed = true;
      lines.close();
      input.destroy();
      reject(error);
    };
    lines.on('line', (line) => {
      if (failed) return;
      try {
        parser.push(line);
      } catch (error) {
        fail(error);
      }
    });
    // readline re-emits the stream's errors (a missing file, a directory) on itself.
    const unreadable = (error: Error): void => fail(new HistoryError(file, undefined, 'file', `cannot read (${error.message})`));
    input.on('error', unreadable);
    lines.on('error', unreadable);
    lines.on('close', () => {
      if (failed) return;
      try {
        resolve(parser.finish());
      } catch (error) {
        fail(error);
      }
    });
  });
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
export function parseHistoryText(text: string, opts: ReadHistoryOptions & { file?: string } = {}): ParsedHistory {
  const parser = new HistoryParser(opts.file ?? '<text>', opts.format);
  forEachLine(text, (line) => parser.push(line));
  return parser.finish();
}
