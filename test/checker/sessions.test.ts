import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSessions } from '../../src/checker/sessions.js';
import { HistoryBuilder } from './support/history.js';

describe('checkSessions', () => {
  it('finds a client that reads an older value after its own write (read-your-writes)', () => {
    const history = new HistoryBuilder().write(1, 'x', 1).write(0, 'x', 2).read(0, 'x', 1).ops;
    const verdict = checkSessions(history);
    expect(verdict).toMatchObject({ valid: false, anomaly: 'session' });
    expect(verdict.detail!.violations).toEqual([
      { guarantee: 'read-your-writes', process: 0, key: 'x', readIndex: 4, read: [1], atLeast: 2, because: 'p0 wrote it at #2' },
    ]);
    expect(verdict.reason).toContain('read-your-writes');
  });

  it('reading the initial value after one\'s own write breaks read-your-writes too', () => {
    expect(checkSessions(new HistoryBuilder().write(0, 'x', 1).read(0, 'x', null).ops).detail!.broken['read-your-writes']).toBe(1);
  });

  it('lets the store order concurrent writes either way', () => {
    const history = new HistoryBuilder()
      .invoke(1, 'write', 1, 'x').write(0, 'x', 2).complete(1, 'ok', 'write', 1, 'x')
      .read(0, 'x', 1).ops;
    expect(checkSessions(history).valid).toBe(true);
  });

  it('finds a client going back in time (monotonic reads), and tells one writer\'s writes apart (monotonic writes)', () => {
    const reads = new HistoryBuilder().write(1, 'x', 1).write(2, 'x', 2).read(0, 'x', 2).read(0, 'x', 1).ops;
    expect(checkSessions(reads).detail!.violations.map((v) => v.guarantee)).toEqual(['monotonic-reads']);
    const writes = new HistoryBuilder().write(1, 'x', 1).write(1, 'x', 2).read(0, 'x', 2).read(0, 'x', 1).ops;
    expect(checkSessions(writes).detail!.violations).toEqual([
      expect.objectContaining({ guarantee: 'monotonic-writes', process: 0, read: [1], atLeast: 2 }),
    ]);
  });

  it('finds a write ordered before the read it followed (writes-follow-reads), even without real time', () => {
    const history = new HistoryBuilder()
      .write(0, 'x', 1)
      .read(1, 'x', 1).write(1, 'x', 2)
      .read(2, 'x', 2).read(2, 'x', 1).ops;
    const verdict = checkSessions(history, { realTime: false });
    expect(verdict.detail!.violations.map((v) => v.guarantee)).toEqual(['writes-follow-reads']);
    // Without real time, values of unrelated clients are never known to be older.
    expect(checkSessions(new HistoryBuilder().write(1, 'x', 1).write(0, 'x', 2).read(0, 'x', 1).ops, { realTime: false }).valid).toBe(true);
  });

  it('accepts siblings that include one\'s own write, and skips keys whose values repeat', () => {
    expect(checkSessions(new HistoryBuilder().write(1, 'x', 1).write(0, 'x', 2).read(0, 'x', [1, 2]).ops).valid).toBe(true);
    const repeated = checkSessions(new HistoryBuilder().write(1, 'x', 1).write(0, 'x', 1).read(0, 'x', null).ops);
    expect(repeated.valid).toBe(true);
    expect(repeated.detail!.ambiguousKeys).toEqual(['x']);
  });

  it('treats a compare-and-set as a read of its expected value followed by a write', () => {
    const history = new HistoryBuilder().write(0, 'x', 1).write(0, 'x', 2)
      .invoke(1, 'cas', [2, 3], 'x').complete(1, 'ok', 'cas', [2, 3], 'x')
      .read(1, 'x', 1).ops;
    expect(checkSessions(history).detail!.violations.map((v) => v.guarantee)).toEqual(['read-your-writes', 'monotonic-writes']);
  });

  it('never flags a correct sequential execution (property)', () => {
    const opArb = fc.record({ process: fc.integer({ min: 0, max: 3 }), key: fc.constantFrom('a', 'b'), write: fc.boolean() });
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), fc.boolean(), (ops, realTime) => {
        const h = new HistoryBuilder();
        const current: Record<string, unknown> = { a: null, b: null };
        ops.forEach((op, i) => {
          if (op.write) {
            h.write(op.process, op.key, i);
            current[op.key] = i;
          } else h.read(op.process, op.key, current[op.key]);
        });
        expect(checkSessions(h.ops, { realTime }).valid).toBe(true);
      }),
    );
  });
});
