import fc from 'fast-check';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { forEachLine } from '../../../src/history/_internals/lines.js';
import { forEachStreamLine, type StreamLineHooks } from '../../../src/history/_internals/stream-lines.js';

function hooks(lines: string[], stopAfter = Infinity): StreamLineHooks {
  return {
    line: (text) => void lines.push(text),
    stop: () => lines.length >= stopAfter,
    unreadable: (error) => new Error(`unreadable: ${error.message}`),
    tooLong: (lineNo) => new Error(`line ${lineNo} too long`),
  };
}

/** The bytes of `text` cut at the given byte offsets (inside a character too). */
function chunked(text: string, cuts: number[]): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    if (point > start) chunks.push(bytes.subarray(start, point));
    start = Math.max(start, point);
  }
  return chunks;
}

describe('streaming lines', () => {
  it('breaks lines as forEachLine does, wherever the chunks are cut', async () => {
    const text = fc.array(fc.constantFrom('a', '{}', '\n', '\r', '\r\n', 'é', '日本', ' '), { maxLength: 60 }).map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 8 }), async (t, cuts) => {
        const expected: string[] = [];
        forEachLine(t, (line) => void expected.push(line));
        const lines: string[] = [];
        expect(await forEachStreamLine(Readable.from(chunked(t, cuts)), 1000, hooks(lines))).toBe('done');
        expect(lines).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('fails on a line still open past the bound, naming its number, before the stream ends', async () => {
    const endless = Readable.from((function* () {
      yield Buffer.from('{}\n');
      for (;;) yield Buffer.alloc(1 << 16, 0x20);
    })());
    await expect(forEachStreamLine(endless, 1 << 20, hooks([]))).rejects.toThrow('line 2 too long');
  });

  it('measures an open line in characters: multi-byte characters within the bound pass', async () => {
    const lines: string[] = [];
    const wide = 'é'.repeat(600);
    await forEachStreamLine(Readable.from(chunked(`${wide}\n`, [100, 700, 1100])), 1000, hooks(lines));
    expect(lines).toEqual([wide]);
  });

  it('stops when asked, and reports a stream that fails as unreadable', async () => {
    const lines: string[] = [];
    const many = Readable.from(Array.from({ length: 10 }, (_, i) => Buffer.from(`${i}\n`)));
    expect(await forEachStreamLine(many, 100, hooks(lines, 3))).toBe('stopped');
    expect(lines).toEqual(['0', '1', '2']);
    const broken = new Readable({ read() { this.destroy(new Error('EIO')); } });
    await expect(forEachStreamLine(broken, 100, hooks([]))).rejects.toThrow('unreadable: EIO');
  });
});
