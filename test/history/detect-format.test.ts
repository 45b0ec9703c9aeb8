import { describe, expect, it } from 'vitest';
import { classifyLine, detectFormat, FORMAT_SNIFF_LINES, FormatSniffer } from '../../src/history/detect-format.js';
import { parseHistoryText } from '../../src/history/read-history.js';
import { expectHistoryError, jepsenLogLine } from './helpers.js';

describe('classifyLine', () => {
  it.each([
    ['{"index":0}', 'ndjson'],
    ['  { "process": 1}', 'ndjson'],
    ['{}', 'ndjson'],
    ['\uFEFF{"a":1}', 'ndjson'],
    ['{:process 0}', 'edn'],
    ['[{:process 0}', 'edn'],
    ['(', 'edn'],
    ['#jepsen.history.Op{:process 0}', 'edn'],
    ['INFO  jepsen.util - 3\t:invoke\t:cas\t[3 0]', 'jepsen-log'],
    ['2015-01-01 12:00:00 INFO jepsen.util: starting', 'jepsen-log'],
    ['0 :invoke :read nil', 'jepsen-log'],
    ['', 'skip'],
    ['   ', 'skip'],
    ['; comment', 'skip'],
    ['hello', 'prose'],
  ])('%j is %s', (line, kind) => {
    expect(classifyLine(line)).toBe(kind);
  });
});

describe('detectFormat', () => {
  it('decides on the first line that is not blank or a comment', () => {
    expect(detectFormat('\n; header\n{:process 0}\n{"a":1}\n')).toBe('edn');
    expect(detectFormat('\r\n{"process":0}')).toBe('ndjson');
  });

  it('looks past a log preamble for a Jepsen log line', () => {
    expect(detectFormat(`Starting the test\nsetting up nodes\n${jepsenLogLine(0, 'invoke', 'read', 'nil')}\n`)).toBe('jepsen-log');
  });

  it('gives up after FORMAT_SNIFF_LINES lines of prose', () => {
    const prose = 'words\n'.repeat(FORMAT_SNIFF_LINES + 1);
    expect(detectFormat(`${prose}${jepsenLogLine(0, 'invoke', 'read', 'nil')}`)).toBeUndefined();
    const sniffer = new FormatSniffer();
    for (let i = 0; i <= FORMAT_SNIFF_LINES; i++) sniffer.look('words');
    expect(sniffer.gaveUp).toBe(true);
    expect(sniffer.firstProseLine).toBe(1);
  });

  it('is undefined for empty text', () => {
    expect(detectFormat('')).toBeUndefined();
  });
});

describe('parseHistoryText format selection', () => {
  it('detects the format by content', () => {
    expect(parseHistoryText('{"process":0,"type":"invoke","f":"read"}').format).toBe('ndjson');
    expect(parseHistoryText('{:process 0 :type :invoke :f :read}').format).toBe('edn');
    expect(parseHistoryText(jepsenLogLine(0, 'invoke', 'read', 'nil')).format).toBe('jepsen-log');
  });

  it('lets an explicit format override detection', () => {
    const text = '{:process 0 :type :invoke :f :read}';
    expectHistoryError(() => parseHistoryText(text, { file: 'x', format: 'ndjson' }), 'x', 1, 'syntax');
    expect(parseHistoryText(text, { format: 'jepsen-log' }).ops).toEqual([]);
  });

  it('keeps line numbers of lines read before the format was known', () => {
    const history = parseHistoryText('preamble\n\n' + jepsenLogLine(0, 'invoke', 'read', 'nil'));
    expect(history.lines).toEqual([3]);
  });

  it('reads an empty or comment-only text as an empty history', () => {
    expect(parseHistoryText('').ops).toEqual([]);
    expect(parseHistoryText('\n; nothing\n\n').ops).toEqual([]);
  });

  it('rejects text of no known format at its first line of prose', () => {
    const error = expectHistoryError(() => parseHistoryText('\nhello\nworld', { file: 'w.txt' }), 'w.txt', 2, 'format');
    expect(error.problem).toMatch(/cannot tell the format/);
  });

  it('rejects an unknown explicit format', () => {
    expectHistoryError(() => parseHistoryText('', { file: 'x', format: 'csv' as never }), 'x', undefined, 'format');
  });

  it('skips a byte order mark', () => {
    expect(parseHistoryText('\uFEFF{"process":0,"type":"invoke","f":"read"}').ops).toHaveLength(1);
  });
});
