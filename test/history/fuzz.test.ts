import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ednValue, writeEdn } from '../../src/history/edn-writer.js';
import { HistoryError } from '../../src/history/errors.js';
import { writeNdjson } from '../../src/history/ndjson-writer.js';
import type { Op, OpType } from '../../src/history/op.js';
import { pairOperations } from '../../src/history/pair.js';
import type { HistoryFormat } from '../../src/history/parsed-history.js';
import { parseHistoryText } from '../../src/history/read-history.js';
import { validateHistory } from '../../src/history/validate-history.js';
import { CORPUS_MISSING, CORPUS_ROOT, jepsenLogLine, plainValue } from './helpers.js';
import { jepsenEdnHistory } from './jepsen-edn.js';

/** Well-formed histories: each process alternates invoke and completion; a nemesis now and then. */
const validOps = fc
  .array(fc.tuple(fc.integer({ min: -1, max: 3 }), fc.constantFrom<OpType>('ok', 'fail', 'info'), plainValue), { maxLength: 12 })
  .map((steps) => {
    const ops: Op[] = [];
    const open = new Set<number>();
    for (const [process, completion, value] of steps) {
      if (process < 0) {
        ops.push({ index: ops.length, time: ops.length * 10, process: 'nemesis', type: 'info', f: 'start', value });
        continue;
      }
      const type = open.has(process) ? completion : 'invoke';
      if (type === 'invoke') open.add(process);
      else open.delete(process);
      ops.push({ index: ops.length, time: ops.length * 10, process, type, f: 'cas', key: 'k', value });
    }
    return ops;
  });

const asLog = (ops: Op[]): string => ops.map((op) => jepsenLogLine(op.process, op.type, op.f, ednValue(op.value))).join('\n');

const handWritten = [
  '; header\n[{:index 0 :process 0 :type :invoke :f :txn :value [[:read :x nil]]}\n {:index 1 :process 0 :type :ok :f :txn :value [[:read :x "a;b]"]]}]\n',
  '#jepsen.history.Op{:process 0, :type :invoke, :f :read, :value nil}\n',
  'INFO  jepsen.util - 1\t:invoke\t:cas\t[3 0]\nINFO  jepsen.util - 1\t:info\t:cas\t:timed-out\nINFO  jepsen.util - :nemesis\t:info\t:start\t{"n1" #{"n2"}}\n',
  '{"index":0,"process":0,"type":"invoke","f":"read","value":{"a":[1,2,{"b":null}]}}\n',
];

function corpusHeads(): string[] {
  if (CORPUS_MISSING) return [];
  const head = (file: string) => readFileSync(path.join(CORPUS_ROOT, file), 'utf8').split('\n').slice(0, 30).join('\n');
  return [head('jepsen/etcd_000.log'), head('kv/c01-ok.txt')];
}

const seedText = fc.oneof(
  validOps.map(writeNdjson),
  validOps.map(writeEdn),
  validOps.map((ops) => `[${writeEdn(ops)}]`),
  validOps.map(asLog),
  jepsenEdnHistory.map((history) => history.text),
  fc.constantFrom(...handWritten, ...corpusHeads()),
);

/** More runs for a deeper search: FAULTLINE_FUZZ_RUNS=50000 npx vitest run test/history/fuzz.test.ts */
const RUNS = Number(process.env.FAULTLINE_FUZZ_RUNS ?? 1000);

type Mutation = (text: string) => string;
const syntaxBits = fc.constantFrom('[', ']', '{', '}', '(', ')', '"', '\\', ';', '\n', '\r', ':', '#', ',', ' ', '\t', 'nil', '-1', '1e999', '12N', '\\u', '\ufeff');
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })).map(([at, ch]) => (t: string) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + ch + t.slice(i + 1);
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 6 })).map(([at, length]) => (t: string) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + t.slice(i + length);
  }),
  fc.tuple(fc.nat(), fc.oneof(syntaxBits, fc.string({ unit: 'binary', maxLength: 4 }))).map(([at, bit]) => (t: string) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + bit + t.slice(i);
  }),
  fc.nat().map((at) => (t: string) => t.slice(0, at % (t.length + 1))),
  // Most random positions fall in plain text; aim some edits at the structure itself.
  fc.tuple(fc.nat(), syntaxBits).map(([at, bit]) => (t: string) => {
    const structural = [...t.matchAll(/["[\]{}():\\;#]/g)].map((m) => m.index);
    if (structural.length === 0) return t + bit;
    const i = structural[at % structural.length]! + 1;
    return t.slice(0, i) + bit + t.slice(i);
  }),
);
const formatChoice = fc.constantFrom<HistoryFormat | undefined>(undefined, 'ndjson', 'edn', 'jepsen-log');

/** Parses, validates and pairs `text`: it must either work or throw a one-line HistoryError. */
function parsesOrRejects(text: string, format: HistoryFormat | undefined): void {
  try {
    const parsed = parseHistoryText(text, { file: 'fuzz', format });
    const lineCount = text.split(/\r\n|\n|\r/).length;
    parsed.lines.forEach((line, i) => {
      expect(line).toBeGreaterThanOrEqual(i === 0 ? 1 : parsed.lines[i - 1]!);
      expect(line).toBeLessThanOrEqual(lineCount);
    });
    pairOperations(validateHistory(parsed).ops);
  } catch (error) {
    if (!(error instanceof HistoryError)) throw error;
    expect(error.message).toMatch(/^fuzz(:\d+)?: [a-z-]+: [^\n\r]*$/);
  }
}

describe('bad input never escapes as anything but a HistoryError', () => {
  it('survives mutations and truncations of valid ndjson, edn and log texts', () => {
    fc.assert(
      fc.property(seedText, fc.array(mutation, { minLength: 1, maxLength: 6 }), formatChoice, (seed, mutations, format) => {
        parsesOrRejects(mutations.reduce((t, mutate) => mutate(t), seed), format);
      }),
      { numRuns: RUNS },
    );
  });

  it('survives random bytes and random strings', () => {
    const bytes = fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('utf8'));
    const nearSyntax = fc.array(syntaxBits, { maxLength: 60 }).map((bits) => bits.join(''));
    fc.assert(
      fc.property(fc.oneof(bytes, fc.string({ unit: 'binary', maxLength: 300 }), nearSyntax), formatChoice, (text, format) => {
        parsesOrRejects(text, format);
      }),
      { numRuns: Math.ceil(RUNS * 0.6) },
    );
  });

  it('accepts the unmutated seeds', () => {
    fc.assert(
      fc.property(seedText, (text) => {
        expect(() => validateHistory(parseHistoryText(text))).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
