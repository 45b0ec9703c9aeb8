import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { HistoryError } from '../../src/history/errors.js';
import { parseHistoryText, readHistory } from '../../src/history/read-history.js';
import { jepsenLogLine } from './helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'faultline-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileWith(name: string, text: string | Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function historyErrorOf(promise: Promise<unknown>): Promise<HistoryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HistoryError);
  return error as HistoryError;
}

describe('readHistory', () => {
  it('reads each format from a file, detecting it', async () => {
    const ndjson = fileWith('a.ndjson', '{"process":0,"type":"invoke","f":"read"}\r\n{"process":0,"type":"ok","f":"read","value":1}\r\n');
    const edn = fileWith('a.edn', '[{:process 0 :type :invoke :f :read}\n {:process 0 :type :ok :f :read :value 1}]');
    const log = fileWith('a.log', `preamble\n${jepsenLogLine(0, 'invoke', 'read', 'nil')}\n${jepsenLogLine(0, 'ok', 'read', '1')}\n`);
    for (const [file, format, lines] of [[ndjson, 'ndjson', [1, 2]], [edn, 'edn', [1, 2]], [log, 'jepsen-log', [2, 3]]] as const) {
      const history = await readHistory(file);
      expect(history).toMatchObject({ file, format, lines });
      expect(history.ops.map((op) => [op.type, op.value])).toEqual([['invoke', null], ['ok', 1]]);
    }
  });

  it('names the file and line of bad input', async () => {
    const file = fileWith('bad.ndjson', '{"process":0,"type":"invoke","f":"read"}\n\n{"process":0,"type":"okay","f":"read"}\n');
    const error = await historyErrorOf(readHistory(file));
    expect(error.message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:3: type: `));
  });

  it('turns an unreadable file into a HistoryError about the file', async () => {
    const missing = await historyErrorOf(readHistory(path.join(dir, 'missing.ndjson')));
    expect([missing.field, missing.line]).toEqual(['file', undefined]);
    expect(missing.problem).toMatch(/ENOENT/);
    expect((await historyErrorOf(readHistory(dir))).field).toBe('file');
  });

  it('reads the same ops and lines from a file as from the same text in memory', async () => {
    const lineArb = fc.constantFrom(
      '{"process":1,"type":"invoke","f":"write","value":"a\\u2028b"}',
      '{"process":1,"type":"ok","f":"write","value":2}',
      '',
      '  ',
    );
    const breakArb = fc.constantFrom('\n', '\r\n', '\r');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(lineArb, breakArb), { maxLength: 12 }), async (parts) => {
        const text = parts.map(([line, lineBreak]) => line + lineBreak).join('');
        const file = fileWith('same.ndjson', text);
        const fromFile = await readHistory(file, { format: 'ndjson' });
        const fromText = parseHistoryText(text, { file, format: 'ndjson' });
        expect(fromFile).toEqual(fromText);
      }),
      { numRuns: 40 },
    );
  });
});

/** `bytes` as a stream cut into chunks at the given sizes (the rest in one chunk). */
function chunked(bytes: Uint8Array, sizes: number[]): Readable {
  const chunks: Buffer[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= bytes.length) break;
    chunks.push(Buffer.from(bytes.subarray(at, at + size)));
    at += size;
  }
  if (at < bytes.length) chunks.push(Buffer.from(bytes.subarray(at)));
  return Readable.from(chunks, { objectMode: false });
}

describe('readHistory: gzip and streams', () => {
  const edn = '; a Jepsen history\n[{:index 0 :process 0 :type :invoke :f :read :value nil}\n {:index 1 :process 0 :type :ok :f :read :value "é ✓"}]\n';

  it('decompresses gzip, recognised by its bytes, and detects the format in the text inside', async () => {
    const gz = fileWith('h.edn.gz', gzipSync(edn));
    const history = await readHistory(gz);
    expect(history).toEqual({ ...parseHistoryText(edn, { file: gz }), file: gz });
    expect(history.format).toBe('edn');
    // The bytes decide, not the name: a .gz that holds plain text is read as text.
    expect((await readHistory(fileWith('plain.gz', edn))).ops).toEqual(history.ops);
    // Concatenated gzip members, as `cat a.gz b.gz` makes, are one text.
    const halves = Buffer.concat([gzipSync(edn.slice(0, 40)), gzipSync(edn.slice(40))]);
    expect((await readHistory(fileWith('two.gz', halves))).ops).toEqual(history.ops);
  });

  it('reads a stream, compressed or not, cut into chunks anywhere (a chunk of one byte, a character split in two)', async () => {
    const text = Buffer.from(edn);
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 40 }), async (compress, sizes) => {
        const bytes = compress ? gzipSync(text) : text;
        const history = await readHistory(chunked(bytes, sizes), { file: '<stdin>' });
        expect(history).toEqual(parseHistoryText(edn, { file: '<stdin>' }));
      }),
      { numRuns: 60 },
    );
    expect((await readHistory(Readable.from([]))).file).toBe('<stream>');
  });

  it('reads gzip of nothing, and nothing, as an empty history', async () => {
    expect((await readHistory(fileWith('empty.gz', gzipSync('')))).ops).toEqual([]);
    expect((await readHistory(chunked(new Uint8Array(0), []))).ops).toEqual([]);
    // One byte that could start gzip, then the end: text, and of no known shape.
    expect((await historyErrorOf(readHistory(chunked(new Uint8Array([0x1f]), [])))).field).toBe('format');
  });

  it('rejects gzip data cut short or corrupt with a HistoryError about the file, never a shorter history', async () => {
    const whole = gzipSync(edn.repeat(50));
    const cut = fileWith('cut.edn.gz', whole.subarray(0, whole.length - 20));
    const error = await historyErrorOf(readHistory(cut));
    expect([error.file, error.line, error.field]).toEqual([cut, undefined, 'file']);
    expect(error.message).toMatch(/: file: cannot decompress the gzip data \(unexpected end of file\)$/);
    const corrupt = Buffer.from(whole);
    corrupt.fill(0x55, 20, 60);
    expect((await historyErrorOf(readHistory(chunked(corrupt, [1, 1, 5]), { file: '<stdin>' }))).message).toMatch(/^<stdin>: file: cannot decompress the gzip data/);
  });

  it('stops at the first bad line of a gzip file, naming the line in the decompressed text', async () => {
    const bad = gzipSync(`${edn}{:process 0 :type :done :f :read}\n${edn}`);
    const error = await historyErrorOf(readHistory(fileWith('bad.edn.gz', bad)));
    expect([error.line, error.field]).toEqual([4, 'type']);
  });
});
