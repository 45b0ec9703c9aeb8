import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ednValue, formatEdnOp, writeEdn } from '../../src/history/edn-writer.js';
import { formatNdjsonOp, writeNdjson } from '../../src/history/ndjson-writer.js';
import type { Op } from '../../src/history/op.js';
import { parseHistoryText, readHistory } from '../../src/history/read-history.js';
import { writeHistory } from '../../src/history/write-history.js';
import { anyOp, asReadOp } from './helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'faultline-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sample: Op[] = [
  { index: 0, time: 0, process: 1, type: 'invoke', f: 'write', key: 'x', value: ':x' },
  { index: 1, time: 7, process: 'nemesis', type: 'info', f: 'partition start', value: { n1: ['n2'] }, node: 'n1' },
  { index: 2, time: 9, process: 1, type: 'info', f: 'write', key: 3, value: null, error: 'timed-out' },
];

describe('writeNdjson', () => {
  it('writes one line per op with keys in a stable order, leaving out undefined fields', () => {
    expect(formatNdjsonOp({ index: 2, time: 9, process: 1, type: 'info', f: 'write', key: 3, value: null, error: 'timed-out', node: 'n1' })).toBe(
      '{"index":2,"time":9,"process":1,"type":"info","f":"write","key":3,"value":null,"node":"n1","error":"timed-out"}',
    );
    expect(writeNdjson(sample).split('\n')).toHaveLength(4);
    expect(writeNdjson([])).toBe('');
  });

  it('round-trips any ops through text', () => {
    fc.assert(
      fc.property(fc.array(anyOp, { maxLength: 8 }), (ops) => {
        const history = parseHistoryText(writeNdjson(ops), { format: 'ndjson' });
        expect(history.ops).toEqual(ops.map(asReadOp));
        expect(history.lines).toEqual(ops.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });
});

describe('writeEdn', () => {
  it('writes Jepsen EDN maps with keywords for type, f and the nemesis, strings as strings', () => {
    expect(writeEdn(sample).split('\n')).toEqual([
      '{:index 0, :time 0, :process 1, :type :invoke, :f :write, :key "x", :value ":x"}',
      '{:index 1, :time 7, :process :nemesis, :type :info, :f "partition start", :value {"n1" ["n2"]}, :node "n1"}',
      '{:index 2, :time 9, :process 1, :type :info, :f :write, :key 3, :value nil, :error "timed-out"}',
      '',
    ]);
  });

  it('escapes strings so they read back, and writes values JSON cannot hold as nil', () => {
    expect(ednValue('a"b\\c\nd\u0001\ud800')).toBe('"a\\"b\\\\c\\nd\\u0001\\ud800"');
    expect(ednValue('\ud83d\ude00')).toBe('"\ud83d\ude00"');
    expect(ednValue([NaN, Infinity, undefined, 5n, -1.5e-7, true])).toBe('[nil nil nil 5N -1.5e-7 true]');
  });

  it('round-trips any ops through text, in the format detected', () => {
    fc.assert(
      fc.property(fc.array(anyOp, { maxLength: 8 }), (ops) => {
        const history = parseHistoryText(writeEdn(ops));
        expect(history.ops).toEqual(ops.map(asReadOp));
        if (ops.length > 0) expect(history.format).toBe('edn');
      }),
      { numRuns: 300 },
    );
  });

  it('writes one map per line, each readable alone', () => {
    fc.assert(
      fc.property(anyOp, (op) => {
        expect(parseHistoryText(formatEdnOp(op), { format: 'edn' }).ops).toEqual([asReadOp(op)]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('writeHistory', () => {
  it('streams ops to a file that readHistory reads back, in both formats', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyOp, { maxLength: 6 }), fc.constantFrom('ndjson' as const, 'edn' as const), async (ops, format) => {
        const file = path.join(dir, `round-trip.${format}`);
        await writeHistory(file, ops, { format });
        const history = await readHistory(file, { format });
        expect(history.ops).toEqual(ops.map(asReadOp));
      }),
      { numRuns: 40 },
    );
  });

  it('takes an async iterable and writes many ops across chunks', async () => {
    const file = path.join(dir, 'many.ndjson');
    async function* generate(): AsyncGenerator<Op> {
      for (let i = 0; i < 20_000; i++) yield { index: i, time: i, process: i % 7, type: i % 2 === 0 ? 'invoke' : 'ok', f: 'write', value: 'v'.repeat(i % 13) };
    }
    await writeHistory(file, generate());
    const history = await readHistory(file);
    expect(history.ops).toHaveLength(20_000);
    expect(history.ops[19_999]).toEqual({ index: 19_999, time: 19_999, process: 19_999 % 7, type: 'ok', f: 'write', value: 'v'.repeat(19_999 % 13) });
    expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(true);
  });

  it('rejects when the file cannot be written', async () => {
    await expect(writeHistory(path.join(dir, 'no-such-dir', 'h.ndjson'), sample)).rejects.toThrow(/ENOENT/);
  });
});
