import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { HistoryError } from '../errors.js';

/** gzip's magic bytes (RFC 1952), which every gzip stream starts with. */
const GZIP_MAGIC = [0x1f, 0x8b] as const;

/**
 * The bytes of a history source: the source's own, decompressed first when they
 * start with gzip's magic bytes (large Jepsen histories
 * are often kept as .gz, and a pipe may carry them compressed too). Deciding by the
 * bytes, not the file name, treats a file and standard input alike, and format
 * detection then sees the decompressed text.
 *
 * Errors of the source (a missing file, a directory) come out as they are; data that
 * gzip cannot decompress (corrupt, or cut short) is a HistoryError naming `file`, so a
 * truncated .gz is never read as a shorter history. Destroying the returned stream
 * destroys the source.
 *
 * @example
 * historyBytes(createReadStream('history.edn.gz'), 'history.edn.gz').on('data', (bytes) => console.log(bytes.length));
 */
export function historyBytes(source: Readable, file: string): Readable {
  return Readable.from(byteChunks(source, file), { objectMode: false });
}

async function* byteChunks(source: Readable, file: string): AsyncGenerator<Buffer> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  // Enough bytes to tell gzip from text; one chunk nearly always holds them.
  let head = Buffer.alloc(0);
  let ended = false;
  while (head.length < GZIP_MAGIC.length && !ended) {
    const next = await chunks.next();
    if (next.done) ended = true;
    else head = Buffer.concat([head, bytesOf(next.value)]);
  }
  async function* bytes(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    // for await hands `return` on to the source when the reader stops early.
    if (!ended) for await (const chunk of { [Symbol.asyncIterator]: () => chunks }) yield bytesOf(chunk);
  }
  yield* isGzip(head) ? gunzipped(bytes(), file) : bytes();
}

async function* gunzipped(compressed: AsyncGenerator<Buffer>, file: string): AsyncGenerator<Buffer> {
  const gunzip = createGunzip();
  // pipeline passes an error of the source on to gunzip, and destroys the source
  // when gunzip stops (an error, or a reader that stopped early).
  pipeline(Readable.from(compressed), gunzip, () => {});
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('Z_')) {
      throw new HistoryError(file, undefined, 'file', `cannot decompress the gzip data (${(error as Error).message})`);
    }
    throw error;
  }
}

function isGzip(head: Buffer): boolean {
  return head.length >= GZIP_MAGIC.length && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

function bytesOf(chunk: Buffer | string): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}
