import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { formatEdnOp } from './edn-writer.js';
import { formatNdjsonOp } from './ndjson-writer.js';
import type { Op } from './op.js';

/**
 * Options for {@link writeHistory}.
 */
export interface WriteHistoryOptions {
  /** Default 'ndjson'. */
  format?: 'ndjson' | 'edn';
}

/** Lines are gathered into chunks of about this size before each write. */
const CHUNK_CHARS = 1 << 16;

/**
 * Streams ops to a file, one per line, as NDJSON or Jepsen EDN, waiting whenever the
 * file falls behind, so a history of millions of ops never sits in memory as text.
 * `ops` may be an async iterable (e.g. a simulator run yielding ops as they happen).
 *
 * @example
 * await writeHistory('out.ndjson', history.ops);
 * await writeHistory('out.edn', history.ops, { format: 'edn' });
 */
export async function writeHistory(file: string, ops: Iterable<Op> | AsyncIterable<Op>, opts: WriteHistoryOptions = {}): Promise<void> {
  const format = opts.format === 'edn' ? formatEdnOp : formatNdjsonOp;
  const out = createWriteStream(file, { encoding: 'utf8' });
  const failure = once(out, 'error').then(([error]) => Promise.reject(error as Error));
  failure.catch(() => {});
  let chunk = '';
  try {
    for await (const op of ops) {
      chunk += `${format(op)}\n`;
      if (chunk.length < CHUNK_CHARS) continue;
      if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failure]);
      chunk = '';
    }
    out.end(chunk);
    await finished(out);
  } catch (error) {
    out.destroy();
    throw error;
  }
}
