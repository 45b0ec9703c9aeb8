import fc from 'fast-check';
import { ednValue } from '../../src/history/edn-writer.js';
import type { Op, OpType } from '../../src/history/op.js';

/**
 * Histories as current Jepsen writes them (jepsen.history, `history.edn`): maps in
 * whatever key order Clojure prints, `:index` and `:time` in nanoseconds on every op,
 * extra keys (`:debug`, `:exception`, `:clock-offsets`...) the reader must drop,
 * `:process :nemesis` ops with any `:f` and any `:value` (sets, keyword maps, records,
 * `#object[...]`, `##Inf`), as one map per line or as one vector of maps spread over
 * many lines, with comments between them. Each comes with the ops a reader must give
 * back (a nemesis op's value is only required to be there: the checkers never read it).
 */
export interface JepsenEdn {
  text: string;
  ops: Op[];
  /** The 1-based line each op's map starts on. */
  lines: number[];
}

/** A value the reader must give back exactly: EDN text and the value it means. */
interface Exact {
  text: string;
  value: unknown;
}

const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,7}[?!]?$/);
/** A keyword's name as the reader gives it: namespaced keywords keep their namespace. */
const keywordName = fc.oneof(name, fc.tuple(name, name).map(([ns, n]) => `${ns}.core/${n}`));

const exactValue: fc.Arbitrary<Exact> = fc.letrec<{ value: Exact }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant({ text: 'nil', value: null }),
    fc.integer().map((n) => ({ text: String(n), value: n })),
    fc.bigInt({ min: 2n ** 53n + 1n, max: 2n ** 70n }).map((n) => ({ text: String(n), value: n })),
    fc.string({ maxLength: 6 }).map((s) => ({ text: ednValue(s), value: s })),
    keywordName.map((k) => ({ text: `:${k}`, value: k })),
    fc.array(tie('value'), { maxLength: 3 }).map((xs) => ({ text: `[${xs.map((x) => x.text).join(' ')}]`, value: xs.map((x) => x.value) })),
  ),
})).value;

/** Any EDN value a nemesis (or a client's debug info) may carry. */
const anyValueText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    exactValue.map((x) => x.text),
    fc.constantFrom(
      'true', '##Inf', '##-Inf', '##NaN', '1/3', '\\c', '\\newline', '-0.0', '1.5M', '12N', 'clojure.core/str',
      '#inst "2024-01-02T03:04:05.678-00:00"', '#uuid "f81d4fae-7dec-11d0-a765-00a0c91e6bf6"',
      '#object[java.lang.Thread 0x1b2c3d "Thread[main,5,main]"]',
    ),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
    fc.array(tie('value'), { maxLength: 4 }).map((xs) => `[${xs.join(' ')}]`),
    fc.array(tie('value'), { maxLength: 3 }).map((xs) => `(${xs.join(' ')})`),
    fc.uniqueArray(exactValue.map((x) => x.text), { maxLength: 4 }).map((xs) => `#{${xs.join(' ')}}`),
    fc.array(fc.tuple(fc.oneof(keywordName.map((k) => `:${k}`), fc.string({ maxLength: 4 }).map(ednValue)), tie('value')), { maxLength: 3 })
      .map((entries) => `{${entries.map(([k, v]) => `${k} ${v}`).join(', ')}}`),
    tie('value').map((v) => `#jepsen.nemesis.combined.Grudge{:value ${v}}`),
  ),
})).value;

/** Keys Jepsen or a test adds to ops, which are none of the Op's fields. */
const extraKey = fc.oneof(
  fc.constantFrom(':debug', ':exception', ':clock-offsets', ':final?', ':latency', ':jepsen.history/completion'),
  name.filter((n) => !['index', 'time', 'process', 'type', 'f', 'value', 'key', 'node', 'error'].includes(n)).map((n) => `:${n}`),
);

/** Nanoseconds since the test began: anything from 0 to past 2^53 (a clock that ran for months). */
const nanos = fc.oneof(fc.nat(), fc.bigInt({ min: 2n ** 53n, max: 2n ** 62n }));

interface Step {
  nemesis: boolean;
  process: number;
  completion: OpType;
  f: string;
  key: Exact | undefined;
  value: Exact;
  nemesisValue: string;
  extras: Array<[string, string]>;
  time: number | bigint;
  order: number[];
}

const step: fc.Arbitrary<Step> = fc.record({
  nemesis: fc.boolean(),
  process: fc.nat({ max: 3 }),
  completion: fc.constantFrom<OpType>('ok', 'fail', 'info'),
  f: fc.oneof(fc.constantFrom('read', 'write', 'cas', 'txn'), keywordName),
  key: fc.option(fc.oneof(fc.integer(), fc.string({ maxLength: 4 })).map((k) => ({ text: typeof k === 'number' ? String(k) : ednValue(k), value: k })), { nil: undefined }),
  value: exactValue,
  nemesisValue: anyValueText,
  extras: fc.array(fc.tuple(extraKey, anyValueText), { maxLength: 2 }),
  time: nanos,
  // Clojure prints a map's entries in hash order: any order will do.
  order: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
});

/** How a history is laid out: one map per line, one vector on many lines, or maps that span lines. */
const LAYOUTS = ['map per line', 'vector', 'vector, maps over lines'] as const;

/**
 * A Jepsen history in EDN with the ops and lines a reader must give back; every client
 * process alternates invoke and completion, so the history is also well formed.
 *
 * @example
 * fc.assert(fc.property(jepsenEdnHistory, ({ text, ops }) => ...));
 */
export const jepsenEdnHistory: fc.Arbitrary<JepsenEdn> = fc
  .tuple(fc.array(step, { maxLength: 14 }), fc.constantFrom(...LAYOUTS), fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }))
  .map(([steps, layout, comments]) => {
    const open = new Map<number, string>();
    const maps: Array<{ entries: string[]; op: Op }> = [];
    for (const s of steps) {
      const index = maps.length;
      const time = typeof s.time === 'bigint' ? Number(s.time) : s.time;
      const entries: string[] = [`:index ${index}`, `:time ${s.time}`];
      let op: Op;
      if (s.nemesis) {
        const type = s.completion === 'ok' ? 'invoke' : 'info';
        op = { index, time, process: 'nemesis', type, f: s.f, value: undefined };
        entries.push(':process :nemesis', `:type :${type}`, `:f :${s.f}`, `:value ${s.nemesisValue}`);
      } else {
        const f = open.get(s.process) ?? s.f;
        const type: OpType = open.has(s.process) ? s.completion : 'invoke';
        if (type === 'invoke') open.set(s.process, f);
        else open.delete(s.process);
        op = { index, time, process: s.process, type, f, value: s.value.value };
        entries.push(`:process ${s.process}`, `:type :${type}`, `:f :${f}`, `:value ${s.value.text}`);
        if (s.key !== undefined) {
          op.key = s.key.value as string | number;
          entries.push(`:key ${s.key.text}`);
        }
        if (type === 'info' || type === 'fail') {
          op.error = 'timeout';
          entries.push(':error :timeout');
        }
      }
      entries.push(...s.extras.map(([k, v]) => `${k} ${v}`));
      maps.push({ entries: shuffle(entries, s.order), op });
    }
    return layOut(maps, layout, comments);
  });

function shuffle<T>(items: T[], order: number[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = order[i % order.length]! % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function layOut(maps: Array<{ entries: string[]; op: Op }>, layout: (typeof LAYOUTS)[number], comments: boolean[]): JepsenEdn {
  const textLines: string[] = ['; jepsen history, written by jepsen.store'];
  const lines: number[] = [];
  const inVector = layout !== 'map per line';
  maps.forEach(({ entries }, i) => {
    if (comments[i]) textLines.push(`  ; op ${i}`);
    const lead = !inVector ? '' : i === 0 ? '[' : ' ';
    lines.push(textLines.length + 1);
    if (layout === 'vector, maps over lines') {
      entries.forEach((entry, e) => textLines.push(`${e === 0 ? `${lead}{` : '   '}${entry}${e === entries.length - 1 ? '}' : ','}`));
    } else {
      textLines.push(`${lead}{${entries.join(', ')}}`);
    }
  });
  if (inVector) {
    if (maps.length === 0) textLines.push('[]');
    else textLines[textLines.length - 1] += ']';
  }
  return { text: `${textLines.join('\n')}\n`, ops: maps.map((m) => m.op), lines };
}
