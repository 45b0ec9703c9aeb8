import { stringifyExact } from './exact-json.js';
import type { Op } from './op.js';

/**
 * One op as one NDJSON line (without the line break), keys in a stable order: index,
 * time, process, type, f, key, value, node, error; undefined fields are left out (a
 * reader takes a missing value as null). Integers beyond 2^53 (bigints) are written as
 * bare integers, exactly.
 *
 * @example
 * formatNdjsonOp({ index: 0, time: 0, process: 1, type: 'invoke', f: 'write', value: 3 });
 * // '{"index":0,"time":0,"process":1,"type":"invoke","f":"write","value":3}'
 */
export function formatNdjsonOp(op: Op): string {
  let line = `{"index":${JSON.stringify(op.index)},"time":${JSON.stringify(op.time)},"process":${JSON.stringify(op.process)},"type":${JSON.stringify(op.type)},"f":${JSON.stringify(op.f)}`;
  if (op.key !== undefined) line += `,"key":${JSON.stringify(op.key)}`;
  if (op.value !== undefined) line += `,"value":${stringifyExact(op.value)}`;
  if (op.node !== undefined) line += `,"node":${JSON.stringify(op.node)}`;
  if (op.error !== undefined) line += `,"error":${JSON.stringify(op.error)}`;
  return `${line}}`;
}

/**
 * A whole history as NDJSON text, one op per line, each line ending in a line break.
 * For large histories prefer writeHistory, which streams.
 *
 * @example
 * writeNdjson([{ index: 0, time: 0, process: 'nemesis', type: 'info', f: 'start', value: null }]);
 * // '{"index":0,"time":0,"process":"nemesis","type":"info","f":"start","value":null}\n'
 */
export function writeNdjson(ops: readonly Op[]): string {
  let text = '';
  for (const op of ops) text += `${formatNdjsonOp(op)}\n`;
  return text;
}
