import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/history/detect-format.js';
import { pairOperations } from '../../src/history/pair.js';
import { readHistory } from '../../src/history/read-history.js';
import { validateHistory } from '../../src/history/validate-history.js';
import { corpusEntries } from '../bench/corpus-path.js';
import { CORPUS_MISSING, CORPUS_ROOT } from './helpers.js';

describe.skipIf(CORPUS_MISSING)(`Porcupine corpus at ${CORPUS_ROOT}`, () => {
  it('reads, validates and pairs every file, in the format EXPECTED.tsv names', async () => {
    const entries = corpusEntries();
    expect(entries.length).toBeGreaterThan(100);
    for (const { file, format } of entries) {
      const fullPath = path.join(CORPUS_ROOT, file);
      const text = readFileSync(fullPath, 'utf8');
      expect(detectFormat(text), file).toBe(format);
      const parsed = await readHistory(fullPath);
      expect(parsed.format).toBe(format);
      const opLines = format === 'jepsen-log' ? text.split('\n').filter((l) => /jepsen\.util - \d+\s+:/.test(l)).length : text.trim().split('\n').length;
      expect(parsed.ops.length, file).toBe(opLines);
      const history = validateHistory(parsed);
      expect(pairOperations(history.ops).length, file).toBeGreaterThan(0);
    }
  });

  it('reads etcd_000.log as the README describes', async () => {
    const history = await readHistory(path.join(CORPUS_ROOT, 'jepsen/etcd_000.log'));
    expect(history.ops[0]).toEqual({ index: 0, time: 0, process: 0, type: 'invoke', f: 'read', value: null });
    expect(history.ops[18]).toEqual({ index: 18, time: 18, process: 2, type: 'invoke', f: 'cas', value: [3, 0] });
    expect(history.ops[28]).toEqual({ index: 28, time: 28, process: 1, type: 'fail', f: 'cas', value: [0, 3] });
    const infos = history.ops.filter((op) => op.type === 'info');
    expect(infos.length).toBeGreaterThan(0);
    for (const info of infos) expect(info).toMatchObject({ value: null, error: 'timed-out' });
    expect(history.lines.slice(0, 3)).toEqual([1, 2, 3]);
  });

  it('reads c01-ok.txt op maps with their lines', async () => {
    const history = await readHistory(path.join(CORPUS_ROOT, 'kv/c01-ok.txt'));
    expect(history.ops[0]).toEqual({ index: 0, time: 0, process: 0, type: 'invoke', f: 'append', key: '0', value: 'x 0 0 y' });
    expect(history.ops[1]).toEqual({ index: 1, time: 1, process: 0, type: 'ok', f: 'append', key: '0', value: 'x 0 0 y' });
    expect(history.lines).toEqual(history.ops.map((_, i) => i + 1));
  });
});
