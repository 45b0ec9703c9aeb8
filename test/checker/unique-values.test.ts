import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLinearizable } from '../../src/checker/linearizable/check.js';
import { casRegisterModel } from '../../src/models/cas-register.js';
import { kvModel } from '../../src/models/kv.js';
import { registerModel } from '../../src/models/register.js';
import { explainLinearizability } from '../../src/report/reason.js';
import { pairOperations } from '../../src/history/pair.js';
import { linearizableHistory, randomHistory } from '../support/histories.js';
import { HistoryBuilder } from './support/history.js';

const register = registerModel({ init: 0 });

describe('linearizability of registers with unique written values, without search', () => {
  it('decides a valid history and gives a linearization of every acknowledged op', () => {
    const h = new HistoryBuilder()
      .invoke(0, 'write', 1).invoke(1, 'read', null).complete(0, 'ok', 'write', 1).complete(1, 'ok', 'read', 0)
      .read(2, undefined, 1).write(0, undefined, 2).read(1, undefined, 2);
    const result = checkLinearizable(h.ops, register);
    expect(result.valid).toBe(true);
    expect(result.detail.algorithm).toBe('unique-values');
    // The read of 0 overlaps the write of 1, so it goes first.
    expect(result.detail.linearization).toEqual([[1, 0, 2, 3, 4]]);
  });

  it('finds a stale read and names the read and the write that overwrote its value', () => {
    const h = new HistoryBuilder().write(0, undefined, 1).write(1, undefined, 2).read(2, undefined, 1);
    const result = checkLinearizable(h.ops, register);
    expect(result.valid).toBe(false);
    expect(result.detail.algorithm).toBe('unique-values');
    const failure = result.detail.failures[0]!;
    expect(failure.blocked?.input.f).toBe('read');
    expect(failure.blocked?.output.value).toBe(1);
    const sentence = explainLinearizability(failure, register, pairOperations(h.ops)).sentence;
    expect(sentence).toContain('read 1');
    expect(sentence).toContain('write 2');
  });

  it('finds a read of the initial value after a write completed', () => {
    const h = new HistoryBuilder().write(0, undefined, 1).read(1, undefined, 0);
    const result = checkLinearizable(h.ops, register);
    expect(result.valid).toBe(false);
    expect(result.detail.algorithm).toBe('unique-values');
    expect(result.detail.failures[0]!.blocked?.output.value).toBe(0);
  });

  it('finds a read of a value written only after the read completed, and a value never written', () => {
    const early = new HistoryBuilder().read(1, undefined, 5).write(0, undefined, 5);
    expect(checkLinearizable(early.ops, register).valid).toBe(false);
    const never = new HistoryBuilder().write(0, undefined, 1).read(1, undefined, 7);
    const result = checkLinearizable(never.ops, register);
    expect(result.valid).toBe(false);
    expect(result.detail.algorithm).toBe('unique-values');
    expect(result.detail.failures[0]!.blocked?.output.value).toBe(7);
  });

  it('lets an indeterminate write take effect when a read saw it, and never otherwise', () => {
    const seen = new HistoryBuilder().write(0, undefined, 1, 'info').read(1, undefined, 1).read(2, undefined, 1);
    expect(checkLinearizable(seen.ops, register).valid).toBe(true);
    // Read back, then the older value again: the write took effect and was then undone.
    const undone = new HistoryBuilder().write(3, undefined, 2).write(0, undefined, 1, 'info').read(1, undefined, 1).read(2, undefined, 2);
    const result = checkLinearizable(undone.ops, register);
    expect(result.valid).toBe(false);
    expect(result.detail.algorithm).toBe('unique-values');
    const unseen = new HistoryBuilder().write(0, undefined, 1, 'info').read(1, undefined, 0);
    expect(checkLinearizable(unseen.ops, register).detail.algorithm).toBe('unique-values');
    expect(checkLinearizable(unseen.ops, register).valid).toBe(true);
  });

  it('reports every failing key of a kv history with allPartitions, and the search reports the same keys', () => {
    const h = new HistoryBuilder()
      .invoke(0, 'put', 'a', 'x').complete(0, 'ok', 'put', 'a', 'x')
      .invoke(1, 'put', 'b', 'x').complete(1, 'ok', 'put', 'b', 'x')
      .invoke(0, 'get', null, 'x').complete(0, 'ok', 'get', null, 'x')
      .invoke(0, 'put', 'c', 'y').complete(0, 'ok', 'put', 'c', 'y')
      .invoke(1, 'put', 'd', 'y').complete(1, 'ok', 'put', 'd', 'y')
      .invoke(0, 'get', null, 'y').complete(0, 'ok', 'get', 'c', 'y');
    const model = kvModel({ init: null });
    const fast = checkLinearizable(h.ops, model, { allPartitions: true });
    const searched = checkLinearizable(h.ops, model, { allPartitions: true, algorithm: 'search' });
    expect(fast.detail.algorithm).toBe('unique-values');
    expect(searched.detail.algorithm).toBe('search');
    expect(fast.detail.failures.map((f) => f.key)).toEqual(['x', 'y']);
    expect(searched.detail.failures.map((f) => f.key)).toEqual(['x', 'y']);
  });

  it('searches instead when values repeat, a write writes the initial value, or an op is a cas', () => {
    const repeated = new HistoryBuilder().write(0, undefined, 1).write(1, undefined, 1).read(2, undefined, 1);
    expect(checkLinearizable(repeated.ops, register).detail.algorithm).toBe('search');
    const initial = new HistoryBuilder().write(0, undefined, 0).read(2, undefined, 0);
    expect(checkLinearizable(initial.ops, register).detail.algorithm).toBe('search');
    const cas = new HistoryBuilder().write(0, undefined, 1).invoke(1, 'cas', [1, 2]).complete(1, 'ok', 'cas', [1, 2]);
    expect(checkLinearizable(cas.ops, casRegisterModel({ init: 0 })).detail.algorithm).toBe('search');
    const noCas = new HistoryBuilder().write(0, undefined, 1).read(1, undefined, 1);
    expect(checkLinearizable(noCas.ops, casRegisterModel({ init: 0 })).detail.algorithm).toBe('unique-values');
  });

  it('mixes both ways in one kv history: a key with a repeated value is searched', () => {
    const h = new HistoryBuilder()
      .invoke(0, 'put', 1, 'x').complete(0, 'ok', 'put', 1, 'x')
      .invoke(0, 'put', 1, 'y').complete(0, 'ok', 'put', 1, 'y')
      .invoke(0, 'put', 1, 'y').complete(0, 'ok', 'put', 1, 'y');
    const result = checkLinearizable(h.ops, kvModel({ init: null }));
    expect(result.valid).toBe(true);
    expect(result.detail.algorithm).toBe('both');
  });

  it('agrees with the search on larger random histories with unique values', () => {
    fc.assert(
      fc.property(randomHistory('register', { maxOps: 40, processes: 5, uniqueWrites: true }), fc.constantFrom(null, 0), (history, init) => {
        const model = registerModel({ init });
        const fast = checkLinearizable(history, model);
        expect(fast.detail.algorithm).toBe('unique-values');
        expect(fast.valid).toBe(checkLinearizable(history, model, { algorithm: 'search' }).valid);
      }),
      { numRuns: 500 },
    );
  });

  it('finds the one changed read in a long valid history', () => {
    fc.assert(
      fc.property(linearizableHistory('register', { maxOps: 200, processes: 5, uniqueWrites: true }), fc.nat(), ({ history, init }, pick) => {
        const model = registerModel({ init });
        const reads = history.filter((op) => op.type === 'ok' && op.f === 'read');
        if (reads.length === 0) return;
        // A value that no write wrote makes the read impossible, wherever it is.
        const changed = history.map((op) => (op === reads[pick % reads.length] ? { ...op, value: -1 } : op));
        const result = checkLinearizable(changed, model);
        expect(result.valid).toBe(false);
        expect(result.detail.algorithm).toBe('unique-values');
        expect(result.detail.failures[0]!.blocked?.output.value).toBe(-1);
      }),
      { numRuns: 200 },
    );
  });
});
