import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { opAt, pairOpColumns, readHistory, readOpColumns, validateHistory, type Op, type OpColumns } from '../../src/history/index.js';
import { pairOperations } from '../../src/history/pair.js';

const dir = mkdtempSync(path.join(tmpdir(), 'faultline-columns-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

function fileWith(text: string): string {
  const file = path.join(dir, `h${files++}.ndjson`);
  writeFileSync(file, text);
  return file;
}

/** What the general reader makes of the file: its ops, or the error it throws. */
async function generalRead(file: string): Promise<{ ops: Op[] } | { error: string }> {
  try {
    return { ops: (await readHistory(file)).ops };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const withoutTime = (op: Op): Omit<Op, 'time' | 'node' | 'error'> => {
  const { time: _time, node: _node, error: _error, ...rest } = op;
  return rest;
};

function opsOf(columns: OpColumns): Op[] {
  return Array.from({ length: columns.count }, (_, i) => opAt(columns, i));
}

describe('reading a plain NDJSON history as columns', () => {
  it('reads the ops the general reader reads, with nemesis ops, blank lines, CRLF, any field order and missing fields', async () => {
    const file = fileWith([
      '{"index":0,"time":5,"process":0,"type":"invoke","f":"write","value":1}',
      '',
      '{"process":"nemesis","type":"info","f":"start","value":"partition","index":1}\r',
      '  {"value": null, "f": "read", "type": "invoke", "process": 1, "index": 2, "time": 1.5e9}  ',
      '{"index":3,"process":0,"type":"ok","f":"write","value":1,"node":"n1","error":null}',
      '{"index":4,"process":1,"type":"ok","f":"read","value":1}',
      '{"index":5,"process":2,"type":"invoke","f":"put","key":"k","value":-7}',
    ].join('\n'));
    const columns = readOpColumns(file);
    expect(columns).toBeDefined();
    const general = await generalRead(file);
    expect('ops' in general).toBe(true);
    expect(opsOf(columns!).map(withoutTime)).toEqual((general as { ops: Op[] }).ops.map(withoutTime));
  });

  it('leaves to the general reader every line it does not read plainly (escapes, nesting, floats, big integers, extra fields, bad fields)', async () => {
    const plain = '{"index":0,"process":0,"type":"invoke","f":"write","value":1}\n';
    for (const line of [
      '{"index":1,"process":0,"type":"ok","f":"write","value":"a\\"b"}',
      '{"index":1,"process":0,"type":"ok","f":"write","value":[1,2]}',
      '{"index":1,"process":0,"type":"ok","f":"write","value":1.5}',
      '{"index":1,"process":0,"type":"ok","f":"write","value":12345678901234567890}',
      '{"index":1,"process":0,"type":"ok","f":"write","value":1,"debug":1}',
      '{"index":1,"process":0,"type":"done","f":"write","value":1}',
      '{"index":0,"process":0,"type":"ok","f":"write","value":1}',
      '{"index":1,"process":-1,"type":"ok","f":"write","value":1}',
      '{"index":1,"process":0,"type":"ok","f":"","value":1}',
      '{"index":1,"process":0,"type":"ok","f":"write","value":1,"value":2}',
      '{"index":1,"process":0,"type":"ok","f":"write","value":"caf\u00e9"}',
      '{"index":1,"process":0,"type":"ok","f":"write","value":true}',
      '{"index":1,"process":0,"type":"ok","f":"write","value":1}\r{"index":2}',
      '{"index":1,"process":0,"type":"ok","f":"write","value":01}',
      '{"index":1,"process":0,"type":"ok","f":"write","value":-0}',
      '{}',
      '[1]',
    ]) {
      expect(readOpColumns(fileWith(plain + line)), line).toBeUndefined();
    }
    expect(readOpColumns(fileWith(''))).toBeUndefined();
    expect(readOpColumns(fileWith('{"index":0,"process":"nemesis","type":"info","f":"start"}'))).toBeUndefined();
    expect(readOpColumns(path.join(dir, 'missing.ndjson'))).toBeUndefined();
  });

  it('stops when its signal aborts', () => {
    const file = fileWith('{"index":0,"process":0,"type":"invoke","f":"write","value":1}\n');
    const controller = new AbortController();
    controller.abort();
    expect(() => readOpColumns(file, { signal: controller.signal })).toThrow(/reading stopped/);
  });

  // Lines built from pieces that are plain and pieces that are not: whatever the columns
  // reader accepts, the general reader reads the same; whatever pairs as columns, the
  // general validation accepts and pairs the same; whatever it refuses, columns refuse.
  it('agrees with the general reader and validation on random lines (fuzz)', async () => {
    const scalar = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }),
      fc.constantFrom(null, 'x', 'k1', '', 'a\\"b', '\u00e9', 1.5, 2 ** 60, true, [1], { a: 1 }),
    );
    const field = fc.tuple(
      fc.constantFrom('index', 'time', 'process', 'type', 'f', 'key', 'value', 'node', 'error', 'other'),
      fc.oneof(scalar, fc.constantFrom('invoke', 'ok', 'fail', 'info', 'nemesis', 'read', 'write')),
    );
    const record = fc.record({
      process: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 3 }) }, { weight: 1, arbitrary: fc.constant('nemesis') }),
      type: fc.constantFrom('invoke', 'ok', 'fail', 'info', 'invoke', 'ok'),
      f: fc.constantFrom('read', 'write', 'read', 'cas'),
      key: fc.option(fc.constantFrom('a', 'b', 3), { nil: undefined }),
      value: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(null), fc.constantFrom('v', 'w')),
      extra: fc.oneof({ weight: 15, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: field }),
      spaced: fc.boolean(),
    });
    const seen = { read: 0, paired: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 12 }), fc.boolean(), fc.constantFrom('position', 'gaps', 'absent'), async (records, crlf, indices) => {
        const lines = records.map((r, position) => {
          // Indices equal to positions (kept implicitly), with gaps (kept as a column), or left out.
          const index: Array<[string, unknown]> = indices === 'absent' ? [] : [['index', indices === 'gaps' ? 3 + position * 2 : position]];
          const fields: Array<[string, unknown]> = [...index, ['time', position * 10], ['process', r.process], ['type', r.type], ['f', r.f]];
          if (r.key !== undefined) fields.push(['key', r.key]);
          fields.push(['value', r.value]);
          if (r.extra !== undefined) fields.push(r.extra);
          const sep = r.spaced ? ', ' : ',';
          return `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(sep)}}`;
        });
        const file = fileWith(lines.join(crlf ? '\r\n' : '\n'));
        const columns = readOpColumns(file);
        const general = await generalRead(file);
        if (columns === undefined) {
          seen.refused++;
          return;
        }
        seen.read++;
        expect('ops' in general).toBe(true);
        const ops = (general as { ops: Op[] }).ops;
        expect(opsOf(columns).map(withoutTime)).toEqual(ops.map(withoutTime));
        const operations = pairOpColumns(columns);
        let validated: Op[] | undefined;
        try {
          validated = validateHistory({ file, format: 'ndjson', ops, lines: ops.map((_, i) => i + 1) }).ops;
        } catch {
          validated = undefined;
        }
        expect(operations === undefined).toBe(validated === undefined);
        if (operations === undefined || validated === undefined) return;
        seen.paired++;
        const expected = pairOperations(validated);
        expect(operations.count).toBe(expected.length);
        expected.forEach((op, i) => {
          expect([operations.call[i], operations.ret[i], operations.completeIndex[i], operations.process[i], operations.known[i] === 1])
            .toEqual([op.call, op.ret, op.completeIndex, op.process, op.output.known]);
        });
      }),
      { numRuns: 600 },
    );
    // Each way is taken often enough for the agreement to mean something.
    expect(seen.refused).toBeGreaterThan(60);
    expect(seen.read).toBeGreaterThan(60);
    expect(seen.paired).toBeGreaterThan(20);
  });
});
