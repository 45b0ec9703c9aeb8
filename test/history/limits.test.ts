import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryError, parseHistoryText, readHistory } from '../../src/history/index.js';
import { nestedDeeperThan } from '../../src/history/limits.js';

const nest = (n: number, inner = '1'): string => `${'['.repeat(n)}${inner}${']'.repeat(n)}`;
const ndjsonOp = (value: string): string => `{"process":0,"type":"invoke","f":"write","value":${value}}`;
const ednOp = (value: string): string => `{:process 0, :type :invoke, :f :write, :value ${value}}`;
const logOp = (value: string): string => `INFO  jepsen.util - 0\t:invoke\t:write\t${value}`;

function errorOf(run: () => unknown): HistoryError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(HistoryError);
    return error as HistoryError;
  }
  throw new Error('expected a HistoryError');
}

describe('nesting bound', () => {
  it('nestedDeeperThan counts arrays and objects, not scalars', () => {
    expect(nestedDeeperThan(1, 0)).toBe(false);
    expect(nestedDeeperThan([], 0)).toBe(true);
    expect(nestedDeeperThan([[1]], 2)).toBe(false);
    expect(nestedDeeperThan([[1]], 1)).toBe(true);
    expect(nestedDeeperThan({ a: [{ b: 1 }] }, 2)).toBe(true);
    expect(nestedDeeperThan(JSON.parse(nest(100_000)), 256)).toBe(true);
  });

  it.each([
    ['ndjson', ndjsonOp, 'value'],
    ['edn', ednOp, 'syntax'],
    ['jepsen-log', logOp, 'value'],
  ] as const)('%s: a value at the bound reads, one level more is an error naming line and field', (format, op, field) => {
    const text = (depth: number): string => `${op('0')}\n${op(nest(depth))}\n`;
    const ok = parseHistoryText(text(8), { format, maxDepth: 8, file: 'h' });
    expect(ok.ops).toHaveLength(2);
    const error = errorOf(() => parseHistoryText(text(9), { format, maxDepth: 8, file: 'h' }));
    expect(error.message).toBe(`h:2: ${field}: nested deeper than 8 levels (the limit on nesting)`);
  });

  it('the default bound stops a value nested 100,000 deep in every format', () => {
    for (const op of [ndjsonOp, ednOp, logOp]) {
      const error = errorOf(() => parseHistoryText(`${op(nest(100_000))}\n`, { file: 'h' }));
      expect(error.problem).toBe('nested deeper than 256 levels (the limit on nesting)');
    }
  });
});

describe('line length bound', () => {
  it('in memory: a line beyond the bound is an error at that line, in every format', () => {
    for (const op of [ndjsonOp, ednOp, logOp]) {
      const long = op(`"${'x'.repeat(200)}"`);
      const error = errorOf(() => parseHistoryText(`${op('1')}\n${long}\n`, { file: 'h', maxLineLength: 100 }));
      expect(error.message).toBe('h:2: syntax: line longer than 100 characters (the limit on one line)');
    }
  });

  it('an EDN op spread over many short lines is bounded as a whole', () => {
    const text = `{:process 0, :type :invoke, :f :write, :value\n[${'1\n'.repeat(100)}]}\n`;
    const error = errorOf(() => parseHistoryText(text, { file: 'h', maxLineLength: 100 }));
    expect(error.message).toBe('h:1: syntax: op longer than 100 characters (the limit on one op)');
  });

  it('streaming: a line longer than the bound and than a read chunk stops the read at that line', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'faultline-limits-')), 'long.ndjson');
    // 3 MiB on line 3: several of the reader's 1 MiB chunks, so readline alone would keep gathering it.
    writeFileSync(file, `${ndjsonOp('1')}\n${ndjsonOp('2')}\n${ndjsonOp(`"${'x'.repeat(3 << 20)}"`)}\n`);
    await expect(readHistory(file, { maxLineLength: 2 << 20 })).rejects.toThrow(
      `${file}:3: syntax: line longer than ${2 << 20} characters (the limit on one line)`,
    );
    const read = await readHistory(file, { maxLineLength: 4 << 20 });
    expect(read.ops).toHaveLength(3);
  });
});
