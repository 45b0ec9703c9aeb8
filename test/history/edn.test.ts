import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Op } from '../../src/history/op.js';
import { parseHistoryText } from '../../src/history/read-history.js';
import { validateHistory } from '../../src/history/validate-history.js';
import { expectHistoryError } from './helpers.js';
import { jepsenEdnHistory } from './jepsen-edn.js';

const parse = (text: string) => parseHistoryText(text, { file: 'h.edn', format: 'edn' });

describe('edn reader', () => {
  it('reads one map per line, as the Porcupine kv histories are written', () => {
    const history = parse(
      '{:process 9, :type :invoke, :f :append, :key "0", :value "x 9 0 y"}\n' +
        '{:process 9, :type :ok, :f :append, :key "0", :value "x 9 0 y"}\n',
    );
    expect(history.format).toBe('edn');
    expect(history.ops).toEqual([
      { index: 0, time: 0, process: 9, type: 'invoke', f: 'append', key: '0', value: 'x 9 0 y' },
      { index: 1, time: 1, process: 9, type: 'ok', f: 'append', key: '0', value: 'x 9 0 y' },
    ]);
    expect(history.lines).toEqual([1, 2]);
  });

  it('reads a vector of maps, with the line each map starts on, comments and nested txn values', () => {
    const text = [
      '; a Jepsen history',
      '[{:index 0 :time 5 :process 0 :type :invoke :f :txn',
      '  :value [[:read :x nil] [:write :y 2]]} ; trailing comment',
      ' {:index 1 :time 9 :process 0 :type :ok :f :txn',
      '  :value [[:read :x 1] [:write :y 2]]}',
      ' {:index 2 :process :nemesis :type :info :f :start :value nil}]',
    ].join('\n');
    const history = parse(text);
    expect(history.ops).toEqual([
      { index: 0, time: 5, process: 0, type: 'invoke', f: 'txn', value: [['read', 'x', null], ['write', 'y', 2]] },
      { index: 1, time: 9, process: 0, type: 'ok', f: 'txn', value: [['read', 'x', 1], ['write', 'y', 2]] },
      { index: 2, time: 2, process: 'nemesis', type: 'info', f: 'start', value: null },
    ]);
    expect(history.lines).toEqual([2, 4, 6]);
  });

  it('reads a top-level list, record tags, maps and sets in values, and keyword errors', () => {
    const text = '(#jepsen.history.Op{:process 1 :type :invoke :f :add :value #{1 2}}\n {:process 1 :type :fail :f :add :value {:a "b"} :error :timed-out})';
    expect(parse(text).ops).toEqual([
      { index: 0, time: 0, process: 1, type: 'invoke', f: 'add', value: [1, 2] },
      { index: 1, time: 1, process: 1, type: 'fail', f: 'add', value: { a: 'b' }, error: 'timed-out' },
    ]);
  });

  it('keeps strings with brackets, escapes and line breaks inside one op', () => {
    const history = parse('{:process 0 :type :invoke :f :write :value "a ] } \\" ;\nstill"}\n{:process 0 :type :ok :f :write}');
    expect(history.ops[0]!.value).toBe('a ] } " ;\nstill');
    expect(history.lines).toEqual([1, 3]);
  });

  it('reads big integers as numbers when exact and as exact bigints when not (never as strings)', () => {
    const ops = parse('{:process 0 :type :invoke :f :write :value [12N 123456789012345678901234N]}').ops;
    expect(ops[0]!.value).toEqual([12, 123456789012345678901234n]);
  });

  it('rejects a tag with no value before a closing bracket', () => {
    const error = expectHistoryError(() => parse('{:process 0 :type :invoke :f :read :value [1 #tag]}'), 'h.edn', 1, 'syntax');
    expect(error.problem).toBe("unexpected ']', expected a value after the tag");
  });

  it.each([
    ['{:process 0 :type :invoke :f :read', 1, 'syntax'],
    ['{:process 0 :type :invoke :f :read]', 1, 'syntax'],
    ['{:process 0 :type :invoke :f :read}}', 1, 'syntax'],
    ['{:process 0 :type :invoke :f :read :value "open}', 1, 'syntax'],
    ['[{:process 0 :type :invoke :f :read}', 1, 'syntax'],
    ['{:process 0 :type :invoke :f :read :value "bad \\q escape"}', 1, 'syntax'],
    ['42', 1, 'syntax'],
    ['[[:read :x nil]]', 1, 'syntax'],
    ['{:process 0 :type :invoke :f :read}\n#tag', 2, 'syntax'],
    ['{:process :client :type :invoke :f :read}', 1, 'process'],
    ['{:process 0 :type :done :f :read}', 1, 'type'],
    ['{:process 0 :type :invoke :f 3}', 1, 'f'],
    ['{:index "0" :process 0 :type :invoke :f :read}', 1, 'index'],
  ])('rejects %j at line %i, field %s', (text, line, field) => {
    expectHistoryError(() => parse(`; comment\n${text}`), 'h.edn', line + 1, field);
  });
});

/** An op without a nemesis op's value, which only has to be there. */
const comparable = (op: Op): Op => (op.process === 'nemesis' ? { ...op, value: 'any' } : op);

describe('edn reader: histories as current Jepsen writes them', () => {
  it('reads index, time in ns, process, type, f, key, value and error of every op, drops extra keys, and keeps each map\'s first line', () => {
    fc.assert(
      fc.property(jepsenEdnHistory, ({ text, ops, lines }) => {
        const history = parseHistoryText(text, { file: 'history.edn' });
        if (ops.length > 0) expect(history.format).toBe('edn');
        expect(history.ops.map(comparable)).toEqual(ops.map(comparable));
        for (const op of history.ops) expect(op.value).not.toBeUndefined();
        expect(history.lines).toEqual(lines);
        expect(() => validateHistory(history)).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });

  it('reads Clojure\'s symbolic doubles as numbers, in values and beside closing brackets', () => {
    const history = parse('{:process :nemesis, :type :info, :f :clock, :value {"n1" ##Inf, "n2" [##-Inf ##NaN]}}\n{:process 0, :type :invoke, :f :read, :value ##NaN}');
    expect(history.ops.map((op) => op.value)).toEqual([{ n1: Infinity, n2: [-Infinity, NaN] }, NaN]);
    expect(parse('{:process 0, :type :invoke, :f :read, :value "##Inf"}').ops[0]!.value).toBe('##Inf');
    expectHistoryError(() => parse('{:process 0, :type :invoke, :f :read, :time ##Inf}'), 'h.edn', 1, 'time');
  });
});
