import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinearizable, type LinearizableVerdict } from '../../src/checker/linearizable/check.js';
import { checkLinearizableColumns } from '../../src/checker/linearizable/check-columns.js';
import { pairOpColumns, readOpColumns, validateHistory, writeNdjson, type Op } from '../../src/history/index.js';
import { kvModel } from '../../src/models/kv.js';
import { registerModel } from '../../src/models/register.js';
import { randomHistory } from '../support/histories.js';

const dir = mkdtempSync(path.join(tmpdir(), 'faultline-check-columns-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** The history checked as columns read from an NDJSON file; undefined when that way does not apply. */
function checkAsColumns(history: readonly Op[], model: ReturnType<typeof registerModel>): LinearizableVerdict | undefined {
  const file = path.join(dir, `h${files++}.ndjson`);
  writeFileSync(file, writeNdjson(history));
  const columns = readOpColumns(file);
  if (columns === undefined) return undefined;
  const operations = pairOpColumns(columns);
  return operations && checkLinearizableColumns(operations, columns.strings, model, {});
}

/** The general check, of the history as `faultline check` reads it (validated: an invoke left open gets its info completion). */
function checkAsOps(history: readonly Op[], model: ReturnType<typeof registerModel>): LinearizableVerdict {
  const validated = validateHistory({ file: 'h', format: 'ndjson', ops: [...history], lines: history.map((_, i) => i + 1) });
  return checkLinearizable(validated.ops, model);
}

/** A verdict as a user sees it: everything but the time taken and the linearization found. */
function comparable(verdict: LinearizableVerdict): unknown {
  const { elapsedMs: _elapsed, linearization: _order, ...detail } = verdict.detail;
  return JSON.parse(JSON.stringify({ ...verdict, detail }));
}

const MODELS = {
  register: (init: number | null) => registerModel({ init, nilReads: 'value' }),
  kv: (init: number | null) => kvModel({ init, nilReads: 'value' }),
};

describe('checking a history read as columns', () => {
  it.each(['register', 'kv'] as const)('%s: the same verdict, reason and evidence as the general check (differential)', (name) => {
    const seen = { columns: 0, valid: 0, invalid: 0 };
    const cases = fc.tuple(randomHistory(name, { maxOps: 10, processes: 3, uniqueWrites: true }), fc.constantFrom(null, 0));
    fc.assert(
      fc.property(cases, ([history, init]) => {
        const model = MODELS[name](init);
        const expected = checkAsOps(history, model);
        const actual = checkAsColumns(history, model);
        // Columns answer exactly where the general check decided without search (and there is a client op to read).
        if (expected.detail.algorithm !== 'unique-values' || expected.detail.ops === 0) return;
        expect(actual).toBeDefined();
        expect(comparable(actual!)).toEqual(comparable(expected));
        seen.columns++;
        seen[actual!.valid === true ? 'valid' : 'invalid']++;
      }),
      { numRuns: 1500 },
    );
    expect(seen.valid).toBeGreaterThan(150);
    expect(seen.invalid).toBeGreaterThan(150);
  });

  it('answers undefined where it does not apply, for the general check to decide', () => {
    const op = (index: number, process: number, type: Op['type'], f: string, value: unknown, key?: string): Op =>
      ({ index, time: index, process, type, f, value, ...(key === undefined ? {} : { key }) });
    const twice = [op(0, 0, 'invoke', 'write', 1), op(1, 0, 'ok', 'write', 1), op(2, 0, 'invoke', 'write', 1), op(3, 0, 'ok', 'write', 1)];
    expect(checkAsColumns(twice, MODELS.register(null))).toBeUndefined();
    const initial = [op(0, 0, 'invoke', 'write', 0), op(1, 0, 'ok', 'write', 0)];
    expect(checkAsColumns(initial, MODELS.register(0))).toBeUndefined();
    const cas = [op(0, 0, 'invoke', 'cas', 1), op(1, 0, 'ok', 'cas', 1)];
    expect(checkAsColumns(cas, MODELS.register(null))).toBeUndefined();
    const keyed = [op(0, 0, 'invoke', 'write', 1, 'k'), op(1, 0, 'ok', 'write', 1, 'k')];
    expect(checkAsColumns(keyed, MODELS.register(null))).toBeUndefined();
    const nilRead = [op(0, 0, 'invoke', 'read', null), op(1, 0, 'ok', 'read', null)];
    expect(checkAsColumns(nilRead, registerModel({ init: 0, nilReads: 'unknown' }))).toBeUndefined();
    expect(checkAsColumns(nilRead, registerModel({ init: 0, nilReads: 'value' }))?.valid).toBe(false);
  });

  it('names a read of a value nobody wrote as unexpected-value, and keeps 40 of the ops concurrent with it', () => {
    const ops: Op[] = [];
    // Forty-five writes that never complete, then a write of 1, then a read of 99.
    for (let p = 0; p < 45; p++) ops.push({ index: ops.length, time: 0, process: p, type: 'invoke', f: 'write', value: 100 + p });
    ops.push({ index: ops.length, time: 0, process: 50, type: 'invoke', f: 'write', value: 1 }, { index: ops.length + 1, time: 0, process: 50, type: 'ok', f: 'write', value: 1 });
    ops.push({ index: ops.length, time: 0, process: 51, type: 'invoke', f: 'read', value: null }, { index: ops.length + 1, time: 0, process: 51, type: 'ok', f: 'read', value: 99 });
    const model = MODELS.register(null);
    const verdict = checkAsColumns(ops, model)!;
    expect(verdict.valid).toBe(false);
    expect(verdict.anomaly).toBe('unexpected-value');
    expect(comparable(verdict)).toEqual(comparable(checkAsOps(ops, model)));
    expect(verdict.detail.failures[0]!.concurrent).toHaveLength(40);
    expect(verdict.detail.failures[0]!.concurrentOmitted).toBe(5);
  });
});
