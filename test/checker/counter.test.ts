import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCounter } from '../../src/checker/counter.js';
import { HistoryBuilder } from './support/history.js';

describe('checkCounter', () => {
  it('accepts reads within what the increments certainly and possibly did', () => {
    const history = new HistoryBuilder()
      .add(0, 2)
      .invoke(1, 'add', 3).invoke(2, 'read', null).complete(2, 'ok', 'read', 5).complete(1, 'info', 'add', 3)
      .read(2, undefined, 2)
      .ops;
    const verdict = checkCounter(history);
    expect(verdict.valid).toBe(true);
    expect(verdict.detail).toMatchObject({ reads: 2, increments: { acknowledged: 1, indeterminate: 1 } });
  });

  it('calls a read above every possible total a double apply, with its bounds', () => {
    const history = new HistoryBuilder().add(0, 2).add(1, 3, 'info').read(2, undefined, 8).ops;
    const verdict = checkCounter(history);
    expect(verdict).toMatchObject({ valid: false, anomaly: 'double-apply' });
    expect(verdict.detail!.violations).toEqual([{ key: undefined, by: 'p2 at #4', value: 8, lower: 2, upper: 5, kind: 'double-apply' }]);
    expect(verdict.reason).toContain('read 8, above every total the increments allow [2, 5]');
  });

  it('calls a read below the acknowledged increments a lost write', () => {
    const verdict = checkCounter(new HistoryBuilder().add(0, 2).add(1, 3).read(2, undefined, 2).ops);
    expect(verdict).toMatchObject({ valid: false, anomaly: 'lost-write' });
    expect(verdict.detail!.violations[0]).toMatchObject({ lower: 5, upper: 5, kind: 'lost-write' });
  });

  it('ignores failed increments, honours decrements and the initial value, and judges final replica totals', () => {
    const history = new HistoryBuilder().add(0, 5, 'fail').add(0, -2).read(1, undefined, 8).ops;
    expect(checkCounter(history, { initial: 10 }).valid).toBe(true);
    expect(checkCounter(history, { initial: 10, finalStates: { n1: { c: { values: [8] } } } }).valid).toBe(true);
    const keyed = new HistoryBuilder().add(0, 5, 'ok', 'c').ops;
    const verdict = checkCounter(keyed, { finalStates: { n1: { c: { values: [5] } }, n2: { c: { values: [10] } } } });
    expect(verdict.detail!.violations).toEqual([{ key: 'c', by: 'n2', value: 10, lower: 5, upper: 5, kind: 'double-apply' }]);
  });

  it('never flags reads of a counter applied once per increment (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: -3, max: 5 }), { nil: undefined }), { maxLength: 40 }), (steps) => {
        const h = new HistoryBuilder();
        let total = 0;
        steps.forEach((delta, i) => {
          if (delta === undefined) h.read(i % 3, undefined, total);
          else {
            h.add(i % 3, delta);
            total += delta;
          }
        });
        expect(checkCounter(h.ops).valid).toBe(true);
      }),
    );
  });
});
