import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDurability } from '../../src/checker/durability.js';
import { HistoryBuilder } from './support/history.js';

const tag = (c: number) => ({ c, node: 'n1' });

describe('checkDurability (registers)', () => {
  it('passes when the final read shows the last write, the earlier ones being superseded', () => {
    const history = new HistoryBuilder().write(0, 'x', 1).write(1, 'x', 2).nemesis('healAll').read(2, 'x', 2).ops;
    const verdict = checkDurability(history);
    expect(verdict.valid).toBe(true);
    expect(verdict.detail).toMatchObject({ acknowledged: 2, visible: 1, superseded: 1, lost: 0, rpo: { lostWrites: 0 } });
  });

  it('finds an acknowledged write overwritten by an older one, with its evidence and the RPO', () => {
    const history = new HistoryBuilder().write(0, 'x', 1).at(10).write(1, 'x', 2).at(20).write(1, 'x', 3).nemesis('healAll').read(2, 'x', 1).ops;
    const verdict = checkDurability(history);
    expect(verdict).toMatchObject({ valid: false, anomaly: 'lost-write' });
    expect(verdict.detail!.lostWrites.map((w) => w.value)).toEqual([2, 3]);
    expect(verdict.detail!.lostWrites[0]).toMatchObject({ key: 'x', process: 1, invokeIndex: 2, ackIndex: 3, finally: { 'p2 at #7': [1] } });
    expect(verdict.detail!.rpo).toEqual({ lostWrites: 2, firstLostNs: 11e6, lastLostNs: 21e6, windowMs: 10 });
    expect(verdict.reason).toContain("p1's write of key x of 2");
  });

  it('lets a concurrent write supersede an acknowledged one', () => {
    const history = new HistoryBuilder()
      .invoke(0, 'write', 1, 'x').invoke(1, 'write', 2, 'x').complete(0, 'ok', 'write', 1, 'x').complete(1, 'ok', 'write', 2, 'x')
      .read(2, 'x', 1).ops;
    expect(checkDurability(history).detail).toMatchObject({ lost: 0, superseded: 1, visible: 1 });
  });

  it('judges only reads invoked after the final heal and after every write of the key', () => {
    const history = new HistoryBuilder().write(0, 'x', 1).read(1, 'x', null).nemesis('start-partition').write(0, 'x', 2).nemesis('healAll').read(1, 'x', 2).ops;
    expect(checkDurability(history).valid).toBe(true);
  });

  it('calls a write stale when final observations disagree, and lost only when none shows it', () => {
    const history = new HistoryBuilder().write(0, 'x', 1).write(0, 'x', 2).ops;
    const states = { n1: { x: { values: [2], version: tag(2) } }, n2: { x: { values: [1], version: tag(1) } } };
    const stale = checkDurability(history, { finalStates: states });
    expect(stale.valid).toBe(true);
    expect(stale.detail).toMatchObject({ stale: 1, lost: 0 });
    expect(stale.detail!.staleWrites[0]!.finally).toEqual({ n1: [2], n2: [1] });
    const gone = checkDurability(history, { finalStates: { n1: { x: { values: [1], version: tag(1) } }, n2: {} } });
    expect(gone.detail).toMatchObject({ lost: 1, rpo: { lostWrites: 1 } });
  });

  it('counts siblings as each visible, and an indeterminate write seen at the end as recovered', () => {
    const history = new HistoryBuilder()
      .invoke(0, 'write', 1, 'x').invoke(1, 'write', 2, 'x').complete(0, 'ok', 'write', 1, 'x').complete(1, 'info', 'write', 2, 'x')
      .read(2, 'x', [1, 2]).ops;
    expect(checkDurability(history).detail).toMatchObject({ acknowledged: 1, visible: 1, recovered: 1, lost: 0 });
  });

  it('treats compare-and-set as a write of its new value', () => {
    const history = new HistoryBuilder().write(0, 'x', 1)
      .invoke(1, 'cas', [1, 5], 'x').complete(1, 'ok', 'cas', [1, 5], 'x')
      .read(2, 'x', 1).ops;
    expect(checkDurability(history).detail!.lostWrites.map((w) => w.value)).toEqual([5]);
  });

  it('flags a final value no one wrote', () => {
    const history = new HistoryBuilder().write(0, 'x', 1).read(2, 'x', 99).ops;
    const verdict = checkDurability(history);
    expect(verdict.anomaly).toBe('lost-write');
    expect(verdict.detail!.unexpectedValues).toEqual([{ key: 'x', by: 'p2 at #2', value: 99 }]);
    const onlyGarbage = checkDurability(new HistoryBuilder().write(0, 'x', 1, 'info').read(2, 'x', 99).ops);
    expect(onlyGarbage.anomaly).toBe('unexpected-value');
  });

  it('is unknown when acknowledged writes have no final observation at all', () => {
    expect(checkDurability(new HistoryBuilder().write(0, 'x', 1).ops).valid).toBe('unknown');
  });

  it('never flags a correct sequential execution (property)', () => {
    const opArb = fc.record({ process: fc.integer({ min: 0, max: 3 }), key: fc.constantFrom('a', 'b'), write: fc.boolean() });
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), (ops) => {
        const h = new HistoryBuilder();
        const current: Record<string, unknown> = { a: null, b: null };
        ops.forEach((op, i) => {
          if (op.write) {
            h.write(op.process, op.key, i);
            current[op.key] = i;
          } else h.read(op.process, op.key, current[op.key]);
        });
        h.nemesis('healAll').read(9, 'a', current.a).read(9, 'b', current.b);
        const verdict = checkDurability(h.ops, { finalStates: { n1: { a: { values: [current.a] }, b: { values: [current.b] } } } });
        expect(verdict.valid).toBe(true);
        expect(verdict.detail!.lost).toBe(0);
      }),
    );
  });
});

describe('checkDurability (sets and counters)', () => {
  it('takes a set\'s missing acknowledged adds as lost writes, with the RPO', () => {
    const history = new HistoryBuilder().add(0, 1).add(1, 2).at(50).add(0, 3).read(2, undefined, [1]).ops;
    const verdict = checkDurability(history);
    expect(verdict).toMatchObject({ valid: false, anomaly: 'lost-write' });
    expect(verdict.detail).toMatchObject({ model: 'set', lost: 2, rpo: { lostWrites: 2, windowMs: 48 } });
  });

  it('takes a counter below its acknowledged increments as lost, but leaves double applies to the counter checker', () => {
    const lost = new HistoryBuilder().add(0, 2).add(1, 3).read(2, undefined, 2).ops;
    expect(checkDurability(lost, { model: 'counter' }).anomaly).toBe('lost-write');
    const doubled = new HistoryBuilder().add(0, 2).read(2, undefined, 4).ops;
    const verdict = checkDurability(doubled, { model: 'counter' });
    expect(verdict.valid).toBe(true);
    expect(verdict.reason).toContain('double-apply');
  });
});
