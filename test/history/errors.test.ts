import { describe, expect, it } from 'vitest';
import { describeInput, failAt, HistoryError } from '../../src/history/errors.js';

describe('HistoryError', () => {
  it('formats file:line: field: problem and keeps each part', () => {
    const error = new HistoryError('h.ndjson', 3, 'type', 'unknown type "done"');
    expect(error.message).toBe('h.ndjson:3: type: unknown type "done"');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('HistoryError');
    expect([error.file, error.line, error.field, error.problem]).toEqual(['h.ndjson', 3, 'type', 'unknown type "done"']);
  });

  it('leaves the line out when there is none', () => {
    expect(new HistoryError('missing.edn', undefined, 'file', 'cannot read').message).toBe('missing.edn: file: cannot read');
  });

  it('keeps the message on one line even when the problem quotes line breaks', () => {
    const error = new HistoryError('h', 1, 'value', 'bad "a\nb\r"');
    expect(error.message).toBe('h:1: value: bad "a\\u000ab\\u000d"');
  });

  it('failAt throws a HistoryError at the location', () => {
    expect(() => failAt({ file: 'f', line: 9 }, 'index', 'not a number')).toThrow(new HistoryError('f', 9, 'index', 'not a number'));
  });
});

describe('describeInput', () => {
  it('renders input as short JSON', () => {
    expect(describeInput('done')).toBe('"done"');
    expect(describeInput(undefined)).toBe('nothing');
    expect(describeInput(12n)).toBe('12');
    expect(describeInput('x'.repeat(100), 10)).toBe(`"${'x'.repeat(9)}...`);
  });
});
