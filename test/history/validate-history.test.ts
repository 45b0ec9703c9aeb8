import { describe, expect, it } from 'vitest';
import type { Op } from '../../src/history/op.js';
import { historyFromOps } from '../../src/history/parsed-history.js';
import { parseHistoryText } from '../../src/history/read-history.js';
import { NEVER_COMPLETED, validateHistory } from '../../src/history/validate-history.js';
import { expectHistoryError } from './helpers.js';

const FILE = 'v.ndjson';
const op = (index: number, process: number | 'nemesis', type: string, f: string, extra = ''): string =>
  `{"index":${index},"process":${JSON.stringify(process)},"type":"${type}","f":"${f}"${extra}}`;
const validate = (lines: string[], opts = {}) => validateHistory(parseHistoryText(lines.join('\n'), { file: FILE }), opts);

describe('validateHistory', () => {
  it('accepts a well-formed history and returns it unchanged', () => {
    const history = parseHistoryText([op(0, 0, 'invoke', 'read'), op(1, 1, 'invoke', 'write'), op(2, 0, 'ok', 'read'), op(3, 1, 'fail', 'write')].join('\n'));
    expect(validateHistory(history)).toBe(history);
  });

  it('lets a process invoke again after an info completion', () => {
    expect(() => validate([op(0, 0, 'invoke', 'write'), op(1, 0, 'info', 'write'), op(2, 0, 'invoke', 'read'), op(3, 0, 'ok', 'read')])).not.toThrow();
  });

  it('exempts nemesis ops from pairing', () => {
    expect(() => validate([op(0, 'nemesis', 'info', 'start'), op(1, 'nemesis', 'invoke', 'stop'), op(2, 'nemesis', 'invoke', 'stop')])).not.toThrow();
  });

  it('rejects a completion with no open invoke for its process', () => {
    const error = expectHistoryError(() => validate([op(0, 0, 'invoke', 'read'), op(1, 1, 'ok', 'read')]), FILE, 2, 'process');
    expect(error.problem).toBe('ok for process 1, which has no open invoke');
    expectHistoryError(() => validate([op(0, 0, 'invoke', 'read'), op(1, 0, 'ok', 'read'), op(2, 0, 'info', 'read')]), FILE, 3, 'process');
  });

  it('rejects a second invoke while one is open, naming the open one', () => {
    const error = expectHistoryError(() => validate(['', op(0, 2, 'invoke', 'read'), op(1, 2, 'invoke', 'write')]), FILE, 3, 'process');
    expect(error.problem).toBe('process 2 invokes again while its invoke at line 2 is still open');
  });

  it('rejects a completion of another f than its invoke', () => {
    expectHistoryError(() => validate([op(0, 0, 'invoke', 'read'), op(1, 0, 'ok', 'write')]), FILE, 2, 'f');
  });

  it('rejects a decreasing or repeated index', () => {
    expectHistoryError(() => validate([op(5, 0, 'invoke', 'read'), op(3, 0, 'ok', 'read')]), FILE, 2, 'index');
    const error = expectHistoryError(() => validate([op(0, 0, 'invoke', 'read'), op(0, 1, 'invoke', 'read')]), FILE, 2, 'index');
    expect(error.problem).toBe("index 0 is not greater than the previous op's index 0 (line 1)");
  });

  it('rejects ill-typed ops built in memory, without a line', () => {
    const bad = [{ index: 'x', time: 0, process: 0, type: 'invoke', f: 'read', value: null } as unknown as Op];
    expectHistoryError(() => validateHistory(historyFromOps(bad, 'run-7')), 'run-7', undefined, 'index');
    const unknownType = [{ index: 0, time: 0, process: 0, type: 'start', f: 'read', value: null } as unknown as Op];
    expectHistoryError(() => validateHistory(historyFromOps(unknownType)), '<memory>', undefined, 'type');
    const noProcess = [{ index: 0, time: 0, type: 'invoke', f: 'read', value: null } as unknown as Op];
    expectHistoryError(() => validateHistory(historyFromOps(noProcess)), '<memory>', undefined, 'process');
  });

  it('runs the per-op hook on client ops, with the open invoke for completions', () => {
    const seen: Array<[string, string | undefined]> = [];
    const lines = [op(0, 'nemesis', 'info', 'start'), op(1, 0, 'invoke', 'read'), op(2, 0, 'ok', 'read', ',"value":"x"')];
    validate(lines, {
      checkOp: (o: Op, invoke: Op | undefined) => {
        seen.push([o.type, invoke?.type]);
        return null;
      },
    });
    expect(seen).toEqual([['invoke', undefined], ['ok', 'invoke']]);
    const checkOp = (o: Op) => (typeof o.value === 'string' ? { field: 'value', message: 'a read returns a number' } : null);
    const error = expectHistoryError(() => validate(lines, { checkOp }), FILE, 3, 'value');
    expect(error.message).toBe('v.ndjson:3: value: a read returns a number');
  });

  it('completes invokes still open at the end with info ops on the invoke lines', () => {
    const history = validate([op(0, 1, 'invoke', 'write', ',"key":"k","time":50'), op(4, 0, 'invoke', 'read', ',"time":70'), op(7, 'nemesis', 'info', 'kill', ',"time":60')]);
    expect(history.ops.slice(3)).toEqual([
      { index: 8, time: 70, process: 1, type: 'info', f: 'write', key: 'k', value: null, error: NEVER_COMPLETED },
      { index: 9, time: 70, process: 0, type: 'info', f: 'read', value: null, error: NEVER_COMPLETED },
    ]);
    expect(history.lines).toEqual([1, 2, 3, 1, 2]);
    expect(() => validateHistory(history)).not.toThrow();
  });
});
