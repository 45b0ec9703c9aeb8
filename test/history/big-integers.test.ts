import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLinearizable } from '../../src/checker/linearizable/check.js';
import { formatEdnOp, writeEdn } from '../../src/history/edn-writer.js';
import { formatNdjsonOp, writeNdjson } from '../../src/history/ndjson-writer.js';
import type { Op } from '../../src/history/op.js';
import type { HistoryFormat } from '../../src/history/parsed-history.js';
import { parseHistoryText } from '../../src/history/read-history.js';
import { validateHistory } from '../../src/history/validate-history.js';
import { canonicalKey, sameValue } from '../../src/models/canonical.js';
import { MODELS } from '../../src/models/index.js';
import { modelOpCheck } from '../../src/models/op-check.js';

const TWO_53 = 2n ** 53n;

/** Integers near ±2^53, where numbers stop being exact, and far beyond it. */
const nearAndBeyond = fc.oneof(
  fc.bigInt({ min: TWO_53 - 1000n, max: TWO_53 + 1000n }),
  fc.bigInt({ min: -TWO_53 - 1000n, max: -TWO_53 + 1000n }),
  fc.bigInt({ min: -(2n ** 128n), max: 2n ** 128n }),
);

/** The exact value a reader must give for integer `n`: a number when one holds it exactly, else a bigint. */
const exact = (n: bigint): number | bigint => (n >= -(TWO_53 - 1n) && n <= TWO_53 - 1n ? Number(n) : n);

/** A write of `written` then, after it, a read returning `read`, as text in `format`. */
function writeThenRead(format: HistoryFormat, written: bigint, read: bigint): string {
  if (format === 'ndjson') {
    return [
      `{"index":0,"time":0,"process":0,"type":"invoke","f":"write","value":${written}}`,
      `{"index":1,"time":1,"process":0,"type":"ok","f":"write","value":${written}}`,
      '{"index":2,"time":2,"process":1,"type":"invoke","f":"read","value":null}',
      `{"index":3,"time":3,"process":1,"type":"ok","f":"read","value":${read}}`,
    ].join('\n');
  }
  return [
    `{:index 0, :time 0, :process 0, :type :invoke, :f :write, :value ${written}}`,
    `{:index 1, :time 1, :process 0, :type :ok, :f :write, :value ${written}}`,
    '{:index 2, :time 2, :process 1, :type :invoke, :f :read, :value nil}',
    `{:index 3, :time 3, :process 1, :type :ok, :f :read, :value ${read}}`,
  ].join('\n');
}

function verdictOf(format: HistoryFormat, text: string, model = 'register') {
  const m = MODELS[model]!({});
  const history = validateHistory(parseHistoryText(text, { file: `h.${format}` }), { checkOp: modelOpCheck(m) });
  return checkLinearizable(history.ops, m).valid;
}

describe('integers beyond 2^53 stay exact', () => {
  for (const format of ['ndjson', 'edn'] as const) {
    it(`${format}: a write of 9007199254740993 and a read of 9007199254740992 is not linearizable`, () => {
      expect(verdictOf(format, writeThenRead(format, TWO_53 + 1n, TWO_53))).toBe(false);
      expect(verdictOf(format, writeThenRead(format, TWO_53 + 1n, TWO_53 + 1n))).toBe(true);
    });

    it(`${format}: reads every integer exactly, near and beyond 2^53 (property)`, () => {
      fc.assert(
        fc.property(nearAndBeyond, (n) => {
          const value = parseHistoryText(writeThenRead(format, n, n), { format }).ops[0]!.value;
          expect(value).toBe(exact(n));
        }),
      );
    });

    it(`${format}: judges a read against a write exactly, for every pair of integers near 2^53 (property)`, () => {
      fc.assert(
        fc.property(nearAndBeyond, fc.integer({ min: -3, max: 3 }), (n, delta) => {
          expect(verdictOf(format, writeThenRead(format, n, n + BigInt(delta)))).toBe(delta === 0);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('every model compares them exactly: counter, set, queue, cas-register', () => {
    const big = TWO_53 + 1n;
    const counter = MODELS.counter!({ init: Number(TWO_53 - 1n) });
    const [after] = counter.step(counter.init(), { f: 'add', value: 2 }, { known: true, value: 2 });
    expect(after).toBe(big);
    expect(counter.step(after, { f: 'read', value: null }, { known: true, value: big })).toEqual([big]);
    expect(counter.step(after, { f: 'read', value: null }, { known: true, value: Number(big) })).toEqual([]);
    expect(counter.hash(after)).not.toBe(counter.hash(TWO_53));
    const set = MODELS.set!({});
    const [withBig] = set.step(set.init(), { f: 'add', value: big }, { known: true, value: big });
    expect(set.step(withBig, { f: 'read', value: null }, { known: true, value: [TWO_53] })).toEqual([]);
    expect(set.step(withBig, { f: 'read', value: null }, { known: true, value: [big] })).toHaveLength(1);
    const queue = MODELS['fifo-queue']!({ init: [big] });
    expect(queue.step(queue.init(), { f: 'dequeue', value: null }, { known: true, value: TWO_53 })).toEqual([]);
    const cas = MODELS['cas-register']!({ init: big });
    expect(cas.step(cas.init(), { f: 'cas', value: [TWO_53, 1] }, { known: true, value: [TWO_53, 1] })).toEqual([]);
    expect(canonicalKey(2 ** 53)).toBe(canonicalKey(2n ** 53n));
    expect(sameValue(2 ** 53, 2n ** 53n)).toBe(true);
  });

  it('the writers write them back exactly, and both readers read that back (property)', () => {
    fc.assert(
      fc.property(nearAndBeyond, (n) => {
        const op: Op = { index: 0, time: 0, process: 0, type: 'invoke', f: 'write', value: [exact(n), { x: exact(n) }] };
        expect(formatNdjsonOp(op)).toContain(`[${n},{"x":${n}}]`);
        for (const [format, text] of [['ndjson', writeNdjson([op])], ['edn', writeEdn([op])]] as const) {
          expect(parseHistoryText(text, { format }).ops[0]!.value).toEqual(op.value);
        }
      }),
    );
    expect(formatEdnOp({ index: 0, time: 0, process: 0, type: 'invoke', f: 'write', value: TWO_53 + 1n })).toContain(':value 9007199254740993N');
  });

  it('leaves digits inside strings, comments and fractions alone', () => {
    const edn = '{:index 0, :process 0, :type :invoke, :f :write, :value ["9007199254740993" 9007199254740993 1.5 12N]} ; 9007199254740993';
    expect(parseHistoryText(edn, { format: 'edn' }).ops[0]!.value).toEqual(['9007199254740993', TWO_53 + 1n, 1.5, 12]);
    const json = '{"index":0,"process":0,"type":"invoke","f":"write","value":["9007199254740993",9007199254740993,1e300,0.5]}';
    expect(parseHistoryText(json, { format: 'ndjson' }).ops[0]!.value).toEqual(['9007199254740993', TWO_53 + 1n, 1e300, 0.5]);
    // A nanosecond time beyond 2^53 only orders ops: it is read, as a number.
    const late = '{"index":0,"time":90071992547409930,"process":0,"type":"invoke","f":"read","value":null}';
    expect(parseHistoryText(late, { format: 'ndjson' }).ops[0]!.time).toBe(90071992547409930);
  });

  it('a Jepsen log keeps them exact too', () => {
    const log = ['INFO  jepsen.util - 0\t:invoke\t:write\t9007199254740993', 'INFO  jepsen.util - 0\t:ok\t:write\t[9007199254740993 "9007199254740993"]'].join('\n');
    const ops = parseHistoryText(log, { format: 'jepsen-log' }).ops;
    expect(ops.map((op) => op.value)).toEqual([TWO_53 + 1n, [TWO_53 + 1n, '9007199254740993']]);
  });

  it('rejects a key beyond 2^53, which could not be told from its neighbour', () => {
    const text = '{"index":0,"process":0,"type":"invoke","f":"read","key":9007199254740993,"value":null}';
    expect(() => parseHistoryText(text, { file: 'k.ndjson' })).toThrow(/^k\.ndjson:1: key: expected a string or a number within/);
    const edn = '{:index 0, :process 0, :type :invoke, :f :read, :key 9007199254740993, :value nil}';
    expect(() => parseHistoryText(edn, { file: 'k.edn' })).toThrow(/^k\.edn:1: key: expected a string or a number within/);
  });
});
