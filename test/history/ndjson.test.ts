import { describe, expect, it } from 'vitest';
import { parseHistoryText } from '../../src/history/read-history.js';
import { expectHistoryError } from './helpers.js';

const parse = (text: string) => parseHistoryText(text, { file: 'h.ndjson', format: 'ndjson' });

describe('ndjson reader', () => {
  it('reads every field, one op per line, and remembers the lines', () => {
    const text = [
      '{"index":0,"time":10,"process":1,"type":"invoke","f":"write","key":"x","value":3,"node":"n1"}',
      '',
      '{"index":1,"time":20,"process":1,"type":"info","f":"write","key":"x","value":null,"error":"timeout"}',
      '{"index":2,"time":30,"process":"nemesis","type":"info","f":"start","value":["n1","n2"]}',
    ].join('\n');
    const history = parse(text);
    expect(history.format).toBe('ndjson');
    expect(history.ops).toEqual([
      { index: 0, time: 10, process: 1, type: 'invoke', f: 'write', key: 'x', value: 3, node: 'n1' },
      { index: 1, time: 20, process: 1, type: 'info', f: 'write', key: 'x', value: null, error: 'timeout' },
      { index: 2, time: 30, process: 'nemesis', type: 'info', f: 'start', value: ['n1', 'n2'] },
    ]);
    expect(history.lines).toEqual([1, 3, 4]);
  });

  it('fills a missing index with the position, a missing time with the index, a missing value with null', () => {
    const history = parse(' \n{"process":0,"type":"invoke","f":"read"}\n\t\n{"process":0,"type":"ok","f":"read","value":5}\r\n');
    expect(history.ops).toEqual([
      { index: 0, time: 0, process: 0, type: 'invoke', f: 'read', value: null },
      { index: 1, time: 1, process: 0, type: 'ok', f: 'read', value: 5 },
    ]);
    expect(history.lines).toEqual([2, 4]);
  });

  it('drops fields that are not part of an op', () => {
    expect(parse('{"process":0,"type":"invoke","f":"read","value":null,"debug":{"x":1}}').ops[0]).not.toHaveProperty('debug');
  });

  it('turns a structured error into text', () => {
    expect(parse('{"process":0,"type":"fail","f":"read","error":["timeout",3]}').ops[0]!.error).toBe('["timeout",3]');
  });

  it('rejects invalid JSON, and JSON that is not an object, naming the line', () => {
    const good = '{"process":0,"type":"invoke","f":"read"}\n';
    expect(expectHistoryError(() => parse(`${good}{"process":0,`), 'h.ndjson', 2, 'syntax').problem).toMatch(/^invalid JSON/);
    expectHistoryError(() => parse(`${good}[1,2]`), 'h.ndjson', 2, 'syntax');
    expectHistoryError(() => parse(`${good}\n42`), 'h.ndjson', 3, 'syntax');
  });

  it.each([
    ['{"index":"3","process":0,"type":"invoke","f":"read"}', 'index'],
    ['{"index":-1,"process":0,"type":"invoke","f":"read"}', 'index'],
    ['{"index":1.5,"process":0,"type":"invoke","f":"read"}', 'index'],
    ['{"time":"now","process":0,"type":"invoke","f":"read"}', 'time'],
    ['{"type":"invoke","f":"read"}', 'process'],
    ['{"process":"client-1","type":"invoke","f":"read"}', 'process'],
    ['{"process":-2,"type":"invoke","f":"read"}', 'process'],
    ['{"process":0,"type":"done","f":"read"}', 'type'],
    ['{"process":0,"f":"read"}', 'type'],
    ['{"process":0,"type":"invoke"}', 'f'],
    ['{"process":0,"type":"invoke","f":""}', 'f'],
    ['{"process":0,"type":"invoke","f":7}', 'f'],
    ['{"process":0,"type":"invoke","f":"read","key":[1]}', 'key'],
    ['{"process":0,"type":"invoke","f":"read","node":3}', 'node'],
  ])('rejects %s with a HistoryError about %s', (line, field) => {
    const error = expectHistoryError(() => parse(`\n${line}\n`), 'h.ndjson', 2, field);
    expect(error.problem).toMatch(/^expected .*, found /);
  });
});
