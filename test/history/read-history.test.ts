import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { HistoryError } from '../../src/history/errors.js';
import { parseHistoryText, readHistory } from '../../src/history/read-history.js';
import { jepsenLogLine } from './helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'faultline-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileWith(name: string, text: string): string {
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
