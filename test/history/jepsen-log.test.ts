import { describe, expect, it } from 'vitest';
import { parseHistoryText } from '../../src/history/read-history.js';
import { expectHistoryError, jepsenLogLine } from './helpers.js';

const parse = (text: string) => parseHistoryText(text, { file: 'etcd.log', format: 'jepsen-log' });

describe('jepsen-log reader', () => {
  it('reads op lines, tab- or space-separated, and skips every other line', () => {
    const text = [
      'INFO  jepsen.core - Running test',
      'INFO  jepsen.util - 3\t:invoke\t:cas\t[3 0]',
      'INFO  jepsen.util - 0   :invoke :read   nil',
      'INFO  jepsen.util - 3\t:ok\t:cas\t[3 0]',
      'INFO  jepsen.util - 0   :ok     :read   3',
      'WARN  jepsen.db - something else',
    ].join('\n');
    const history = parse(text);
    expect(history.format).toBe('jepsen-log');
    expect(history.ops).toEqual([
      { index: 0, time: 0, process: 3, type: 'invoke', f: 'cas', value: [3, 0] },
      { index: 1, time: 1, process: 0, type: 'invoke', f: 'read', value: null },
      { index: 2, time: 2, process: 3, type: 'ok', f: 'cas', value: [3, 0] },
      { index: 3, time: 3, process: 0, type: 'ok', f: 'read', value: 3 },
    ]);
    expect(history.lines).toEqual([2, 3, 4, 5]);
  });

  it('reads the value of an info completion as its error', () => {
    const ops = parse(`${jepsenLogLine(1, 'invoke', 'write', '4')}\n${jepsenLogLine(1, 'info', 'write', ':timed-out')}`).ops;
    expect(ops[1]).toEqual({ index: 1, time: 1, process: 1, type: 'info', f: 'write', value: null, error: 'timed-out' });
  });

  it('reads a keyword fail value as its error, and keeps any other fail value', () => {
    const text = [
      jepsenLogLine(5, 'invoke', 'read', 'nil'),
      jepsenLogLine(5, 'fail', 'read', ':timed-out'),
      jepsenLogLine(5, 'invoke', 'cas', '[0 3]'),
      jepsenLogLine(5, 'fail', 'cas', '[0 3]'),
    ].join('\n');
    const ops = parse(text).ops;
    expect(ops[1]).toEqual({ index: 1, time: 1, process: 5, type: 'fail', f: 'read', value: null, error: 'timed-out' });
    expect(ops[3]).toEqual({ index: 3, time: 3, process: 5, type: 'fail', f: 'cas', value: [0, 3] });
  });

  it('keeps a non-keyword info value as the error text', () => {
    const ops = parse(`${jepsenLogLine(1, 'invoke', 'write', '4')}\n${jepsenLogLine(1, 'info', 'write', '"connection reset"')}`).ops;
    expect(ops[1]).toMatchObject({ value: null, error: '"connection reset"' });
  });

  it('reads nemesis lines, keeping values that are not EDN as text', () => {
    const text = `${jepsenLogLine('nemesis', 'info', 'start', '#object[Foo 0x1 "x"')}\n${jepsenLogLine('nemesis', 'info', 'stop', ':network-healed')}`;
    expect(parse(text).ops).toEqual([
      { index: 0, time: 0, process: 'nemesis', type: 'info', f: 'start', value: '#object[Foo 0x1 "x"' },
      { index: 1, time: 1, process: 'nemesis', type: 'info', f: 'stop', value: 'network-healed' },
    ]);
  });

  it('reads a line with no value as nil', () => {
    expect(parse('INFO  jepsen.util - 2\t:invoke\t:read').ops[0]!.value).toBeNull();
  });

  it.each([
    [jepsenLogLine(1, 'invoke', 'cas', '[3 0'), 'value'],
    [jepsenLogLine(1, 'invoke', 'cas', '3 0'), 'value'],
    [jepsenLogLine(1, 'invoke', 'write', '"unterminated'), 'value'],
    ['INFO  jepsen.util - 99999999999999999999\t:invoke\t:read\tnil', 'process'],
  ])('rejects %j naming the line and field %s', (line, field) => {
    expectHistoryError(() => parse(`INFO  jepsen.core - start\n${line}`), 'etcd.log', 2, field);
  });
});
