import type { Op } from './op.js';

/**
 * One op as one Jepsen EDN map (without the line break), fields in the same order as
 * NDJSON. type, f and a nemesis process are keywords, as Jepsen writes them; every
 * string value stays an EDN string, so a string that looks like a keyword (":x")
 * reads back as the same string. An f that cannot be a keyword is written as a string.
 *
 * @example
 * formatEdnOp({ index: 0, time: 0, process: 1, type: 'invoke', f: 'write', key: 'x', value: 3 });
 * // '{:index 0, :time 0, :process 1, :type :invoke, :f :write, :key "x", :value 3}'
 */
export function formatEdnOp(op: Op): string {
  const process = op.process === 'nemesis' ? ':nemesis' : ednValue(op.process);
  let map = `{:index ${ednValue(op.index)}, :time ${ednValue(op.time)}, :process ${process}, :type :${op.type}, :f ${keywordOrString(op.f)}`;
  if (op.key !== undefined) map += `, :key ${ednValue(op.key)}`;
  if (op.value !== undefined) map += `, :value ${ednValue(op.value)}`;
  if (op.node !== undefined) map += `, :node ${ednValue(op.node)}`;
  if (op.error !== undefined) map += `, :error ${ednValue(op.error)}`;
  return `${map}}`;
}

/**
 * A whole history as Jepsen EDN: one op map per line, as Jepsen's history.edn, not
 * wrapped in a vector.
 *
 * @example
 * writeEdn([{ index: 0, time: 0, process: 0, type: 'invoke', f: 'read', value: null }]);
 * // '{:index 0, :time 0, :process 0, :type :invoke, :f :read, :value nil}\n'
 */
export function writeEdn(ops: readonly Op[]): string {
  let text = '';
  for (const op of ops) text += `${formatEdnOp(op)}\n`;
  return text;
}

/**
 * Plain data (what JSON can hold) as EDN: null -> nil, arrays -> vectors, objects ->
 * maps with string keys. Values JSON cannot hold either (NaN, functions) become nil,
 * as JSON.stringify makes them null; a bigint becomes an EDN bigint (`12N`).
 *
 * @example
 * ednValue([1, 'a', null, { k: true }]); // '[1 "a" nil {"k" true}]'
 */
export function ednValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return ednString(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'nil';
    case 'boolean':
      return String(value);
    case 'bigint':
      return `${value}N`;
    case 'object':
      if (value === null) return 'nil';
      if (Array.isArray(value)) return `[${value.map(ednValue).join(' ')}]`;
      return `{${Object.entries(value).map(([k, v]) => `${ednString(k)} ${ednValue(v)}`).join(', ')}}`;
    default:
      return 'nil';
  }
}

const KEYWORD_NAME = /^[A-Za-z*+!_?<>=-][A-Za-z0-9*+!_?<>=.\-/]*$/;

function keywordOrString(name: string): string {
  return KEYWORD_NAME.test(name) ? `:${name}` : ednString(name);
}

const STRING_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\b': '\\b', '\f': '\\f' };

const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function ednString(text: string): string {
  // Control characters and lone surrogate halves as \uXXXX, so the text survives
  // being written as UTF-8 and read back.
  const escaped = text.replace(NEEDS_ESCAPE, (ch) => STRING_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${escaped}"`;
}
