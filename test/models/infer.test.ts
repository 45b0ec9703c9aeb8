import { describe, expect, it } from 'vitest';
import type { Op } from '../../src/history/op.js';
import { inferModel } from '../../src/models/infer.js';

// A history of [f, value, extra] lines: each op is invoked and completed ok by process 0.
function history(...ops: Array<{ f: string; value?: unknown; result?: unknown; key?: string }>): Op[] {
  return ops.flatMap((op, i): Op[] => {
    const base = { process: 0, f: op.f, ...(op.key === undefined ? {} : { key: op.key }) };
    return [
      { ...base, index: 2 * i, time: 2 * i, type: 'invoke', value: op.value ?? null },
      { ...base, index: 2 * i + 1, time: 2 * i + 1, type: 'ok', value: op.result ?? op.value ?? null },
    ];
  });
}

describe('inferModel', () => {
  it.each([
    ['multi-register', history({ f: 'txn', value: [['read', 'x', null]] }, { f: 'read' })],
    ['kv', history({ f: 'get', key: '0' }, { f: 'append', key: '1', value: 'x' })],
    ['fifo-queue', history({ f: 'enqueue', value: 1 }, { f: 'dequeue', result: 1 })],
    ['mutex', history({ f: 'acquire' }, { f: 'release' })],
    ['counter', history({ f: 'increment' }, { f: 'read', result: 1 })],
    ['set', history({ f: 'add', value: 1 }, { f: 'read', result: [1] })],
    ['counter', history({ f: 'add', value: 1 }, { f: 'read', result: 1 })],
    ['counter', history({ f: 'add' }, { f: 'add' })],
    ['set', history({ f: 'add', value: 'a' })],
    ['cas-register', history({ f: 'write', value: 1 }, { f: 'cas', value: [1, 2] }, { f: 'read', result: 2 })],
    ['register', history({ f: 'write', value: 1 }, { f: 'read', result: 1 })],
  ])('picks %s', (name, ops) => {
    const inferred = inferModel(ops);
    expect(inferred.name).toBe(name);
    expect(inferred.reason.length).toBeGreaterThan(10);
  });

  it('says why', () => {
    expect(inferModel(history({ f: 'cas', value: [1, 2] })).reason).toBe('f cas present: a compare-and-set register');
    expect(inferModel(history({ f: 'get', key: 'k' })).reason).toBe('ops carry a key (first: "k"): one register per key');
  });

  it('ignores the nemesis', () => {
    const ops: Op[] = [
      { index: 0, time: 0, process: 'nemesis', type: 'info', f: 'start', key: 'n1', value: null },
      ...history({ f: 'write', value: 1 }).map((op) => ({ ...op, index: op.index + 1 })),
    ];
    expect(inferModel(ops).name).toBe('register');
  });

  it('falls back to a register and says it is guessing', () => {
    expect(inferModel(history({ f: 'frobnicate' }))).toEqual({
      name: 'register',
      reason: 'nothing recognisable (f frobnicate); assuming a register',
    });
    expect(inferModel([]).reason).toBe('nothing recognisable (no client ops); assuming a register');
  });
});
