import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkStaleReads } from '../../src/checker/stale-reads.js';
import { HistoryBuilder } from './support/history.js';

describe('checkStaleReads', () => {
  it('finds a read of a value overwritten before the read began, with the newer write', () => {
    const history = new HistoryBuilder().write(0, 'x', 1).write(1, 'x', 2).at(10).read(2, 'x', 1).ops;
    const verdict = checkStaleReads(history);
    expect(verdict).toMatchObject({ valid: false, anomaly: 'stale-read' });
    expect(verdict.detail!.staleReads).toEqual([
      { key: 'x', process: 2, readIndex: 4, read: [1], overwrittenBy: 2, overwriteAckIndex: 3, stalenessMs: 7 },
    ]);
  });

  it('counts the initial value as overwritten by any completed write', () => {
    expect(checkStaleReads(new HistoryBuilder().write(0, 'x', 1).read(1, 'x', null).ops).detail!.stale).toBe(1);
  });

  it('accepts a read of a concurrent write, or of a value whose overwrite was still running', () => {
    const concurrent = new HistoryBuilder()
      .write(0, 'x', 1)
      .invoke(1, 'write', 2, 'x').read(2, 'x', 1).complete(1, 'ok', 'write', 2, 'x')
      .invoke(0, 'write', 3, 'x').invoke(1, 'write', 4, 'x').complete(0, 'ok', 'write', 3, 'x').complete(1, 'ok', 'write', 4, 'x')
      .read(2, 'x', 3).ops;
    expect(checkStaleReads(concurrent).valid).toBe(true);
  });

  it('never flags a correct sequential execution (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 40 }), (writes) => {
        const h = new HistoryBuilder();
        let current: unknown = null;
        writes.forEach((isWrite, i) => {
          if (isWrite) {
            h.write(i % 3, 'x', i);
            current = i;
          } else h.read(i % 3, 'x', current);
        });
        expect(checkStaleReads(h.ops).valid).toBe(true);
      }),
    );
  });
});
