import { isAscii } from 'node:buffer';
import type { Readable } from 'node:stream';
import { forEachLine } from './lines.js';

/** How {@link forEachStreamLine} reports what it cannot do itself. */
export interface StreamLineHooks {
  /** Called with each line, in order. An error it throws stops reading and propagates. */
  line(text: string): void;
  /** Checked before each chunk: true stops reading; the returned promise resolves to 'stopped'. */
  stop(): boolean;
  /** The error to throw when the stream itself fails (a missing file, a directory). */
  unreadable(error: Error): Error;
  /** The error to throw when a line is still open past `maxLineLength` characters. */
  tooLong(lineNo: number): Error;
}

/**
 * Streams the lines of a byte stream, broken exactly as node:readline breaks them
 * (\r\n, \n or a lone \r; text after the last break is a line), so that line numbers
 * agree with {@link forEachLine} on the same bytes.
 *
 * It is the reader's hot path, so it works a chunk at a time: each chunk is cut after
 * its last line break (a byte search: UTF-8 never uses the bytes of \n and \r inside a
 * character), decoded in one call, and split with indexOf. Only the tail after the cut
 * is carried over, and a line still open past the bound is an error as soon as it is
 * known to be too long (so /dev/zero is an error, not a hang).
 *
 * @example
 * await forEachStreamLine(createReadStream(file), 1 << 20, hooks); // 'done' | 'stopped'
 */
export async function forEachStreamLine(input: Readable, maxLineLength: number, hooks: StreamLineHooks): Promise<'done' | 'stopped'> {
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  let carry: Buffer = Buffer.alloc(0);
  let lineNo = 0;
  const visit = (text: string): void => {
    lineNo++;
    hooks.line(text);
  };
  try {
    for (;;) {
      if (hooks.stop()) return 'stopped';
      const next = await nextChunk(chunks, hooks);
      if (next === undefined) break;
      const data = carry.length === 0 ? next : Buffer.concat([carry, next]);
      const cut = lastBreak(data);
      if (cut >= 0) splitLines(decode(data.subarray(0, cut + 1)), visit);
      carry = data.subarray(cut + 1);
      if (openTooLong(carry, maxLineLength)) throw hooks.tooLong(lineNo + 1);
    }
    if (carry.length > 0) splitLines(decode(carry), visit);
    return 'done';
  } finally {
    input.destroy();
  }
}

async function nextChunk(chunks: AsyncIterator<Buffer | string>, hooks: StreamLineHooks): Promise<Buffer | undefined> {
  let step: IteratorResult<Buffer | string>;
  try {
    step = await chunks.next();
  } catch (error) {
    throw hooks.unreadable(error as Error);
  }
  if (step.done === true) return undefined;
  return typeof step.value === 'string' ? Buffer.from(step.value, 'utf8') : step.value;
}

/**
 * The position of the last byte that certainly ends a line: a \n, or a \r that is
 * not the chunk's last byte (a \r at the end may be the first half of a \r\n).
 */
function lastBreak(data: Buffer): number {
  const newline = data.lastIndexOf(NEWLINE);
  const end = data.length - 1;
  const searchFrom = end - 1;
  if (searchFrom <= newline) return newline;
  const ret = data.lastIndexOf(RETURN, searchFrom);
  return Math.max(newline, ret);
}

/** UTF-8 text; pure ASCII (most histories) is copied as Latin-1, which is the same text without the decoding. */
function decode(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** Calls `visit` for each line of `text`, which ends with a line break. */
function splitLines(text: string, visit: (line: string) => void): void {
  if (text.indexOf('\r') !== -1) {
    forEachLine(text, (line) => visit(line));
    return;
  }
  let start = 0;
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
    visit(text.slice(start, end));
    start = end + 1;
  }
  if (start < text.length) visit(text.slice(start));
}

/** True when the open line's text is longer than the bound (checked in characters, as complete lines are). */
function openTooLong(carry: Buffer, maxLineLength: number): boolean {
  // A character takes 1 to 4 bytes: decode only when the bytes alone cannot tell.
  if (carry.length <= maxLineLength) return false;
  if (carry.length > 4 * maxLineLength) return true;
  return carry.toString('utf8').length > maxLineLength;
}

const NEWLINE = 0x0a;
const RETURN = 0x0d;
