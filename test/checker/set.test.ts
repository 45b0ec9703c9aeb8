import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSet } from '../../src/checker/set.js';
import { HistoryBuilder } from './support/history.js';

describe('checkSet', () => {
  it('passes when every acknowledged add is in the final read', () => {
    const history = new HistoryBuilder().add(0, 1).add(1, 2).add(0, 3, 'fail').nemesis('healAll').read(2, undefined, [2, 1]).ops;
    const verdict = checkSet(history);
    expect(verdict.valid).toBe(true);
    expect(verdict.detail).toMatchObject({ attempted: 3, acknowledged: 2, ok: 2, lost: 0, unexpected: 0 });
  });

  it('finds acknowledged adds missing from every final read, with who added them and when', () => {
    const history = new HistoryBuilder().add(0, 1).add(1, 2).read(2, undefined, [1, 2]).add(1, 3).read(2, undefined, [1]).ops;
    const verdict = checkSet(history);
    expect(verdict).toMatchObject({ valid: false, anomaly: 'lost-write' });
    expect(verdict.detail!.keys[0]!.lost).toEqual([
      { element: 2, process: 1, addIndex: 2, ackIndex: 3, ackNs: 3e6 },
      { element: 3, process: 1, addIndex: 6, ackIndex: 7, ackNs: 7e6 },
    ]);
    expect(verdict.reason).toContain('2, 3 acknowledged but absent from every final read');
  });

  it('sorts elements into stale, recovered, never-read and unexpected', () => {
    const history = new HistoryBuilder()
      .add(0, 1).add(1, 2, 'info').add(0, 3)
      .read(2, undefined, [1])
      .nemesis('healAll')
      .read(2, undefined, [1, 2, 3]).read(3, undefined, [1, 2]).ops;
    const verdict = checkSet(history);
    expect(verdict.valid).toBe(true);
    const key = verdict.detail!.keys[0]!;
    expect(key.stale.map((e) => e.element)).toEqual([3]);
    expect(key.stale[0]!.missingFrom).toEqual(['p3 at #11']);
    expect(key.recovered.map((e) => e.element)).toEqual([2]);
    expect(key.neverReadCount).toBe(0);
    const withGhost = checkSet(new HistoryBuilder().add(0, 1).read(2, undefined, [1, 7]).ops);
    expect(withGhost).toMatchObject({ valid: false, anomaly: 'unexpected-value' });
    expect(withGhost.detail!.keys[0]!.unexpected).toEqual([{ element: 7 }]);
  });

  it('uses replica states as final observations, and merges sibling sets a read returns', () => {
    const history = new HistoryBuilder().add(0, 1).add(1, 2).read(2, undefined, [[1], [2]]).ops;
    expect(checkSet(history).valid).toBe(true);
    const adds = new HistoryBuilder().add(0, 1).add(1, 2).ops;
    expect(checkSet(adds).valid).toBe('unknown');
    const states = { n1: { k: { values: [[1, 2]] } }, n2: { k: { values: [[1]] } } };
    const keyed = new HistoryBuilder().add(0, 1, 'ok', 'k').add(1, 2, 'ok', 'k').ops;
    expect(checkSet(keyed, { finalStates: states }).detail).toMatchObject({ ok: 1, stale: 1, lost: 0 });
    expect(checkSet(keyed, { finalStates: { n1: { k: { values: [[1]] } } } }).detail!.lost).toBe(1);
  });

  it('never flags a set whose reads show exactly the adds completed so far (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 40 }), (steps) => {
        const h = new HistoryBuilder();
        const present: number[] = [];
        steps.forEach((isAdd, i) => {
          if (isAdd) {
            h.add(i % 3, i);
            present.push(i);
          } else h.read(i % 3, undefined, [...present]);
        });
        h.read(5, undefined, [...present]);
        expect(checkSet(h.ops).valid).toBe(true);
      }),
    );
  });
});
