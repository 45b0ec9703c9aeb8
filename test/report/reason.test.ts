import { describe, expect, it } from 'vitest';
import { checkLinearizable } from '../../src/checker/index.js';
import type { Op } from '../../src/history/op.js';
import { pairOperations } from '../../src/history/pair.js';
import { MODELS } from '../../src/models/index.js';
import type { Model } from '../../src/models/model.js';
import { linearizabilityReason } from '../../src/report/reason.js';

/** Builds a history from [process, f, value, result] rows, each op completing before the next starts unless `overlap`. */
function history(rows: Array<[number, string, unknown, unknown, string?]>, key?: string): Op[] {
  const ops: Op[] = [];
  for (const [process, f, value, result, type = 'ok'] of rows) {
    const base = { process, f, ...(key === undefined ? {} : { key }) };
    ops.push({ index: ops.length, time: ops.length, type: 'invoke', value, ...base });
    ops.push({ index: ops.length, time: ops.length, type: type as Op['type'], value: result, ...base });
  }
  return ops;
}

function reasonFor(ops: Op[], model: Model<any>): string {
  const result = checkLinearizable(ops, model);
  expect(result.valid).toBe(false);
  return linearizabilityReason(result.detail.failures[0]!, model, pairOperations(ops));
}

describe('linearizabilityReason: one sentence naming the ops', () => {
  const register = MODELS.register!({ init: null });

  it('a read of an overwritten value names the write, the overwrite and their processes', () => {
    const ops = history([[1, 'write', 2, 2], [0, 'write', 3, 3], [3, 'read', null, 2]]);
    expect(reasonFor(ops, register)).toBe('p3 read 2, but write 2 by p1 was overwritten by write 3 of p0, which completed before the read began');
  });

  it('a write still running counts as done once another read has returned its value', () => {
    const at = (index: number, process: number, type: Op['type'], f: string, value: unknown): Op => ({ index, time: index, process, type, f, value });
    const ops = [
      at(0, 1, 'invoke', 'write', 5), at(1, 0, 'invoke', 'read', null), at(2, 0, 'ok', 'read', 5),
      at(3, 0, 'invoke', 'write', 6), at(4, 0, 'ok', 'write', 6), at(5, 1, 'ok', 'write', 5),
      at(6, 1, 'invoke', 'read', null), at(7, 1, 'ok', 'read', 5),
    ];
    expect(reasonFor(ops, register)).toBe('p1 read 5, but write 5 by p1 (already read by p0) was overwritten by write 6 of p0, which completed before the read began');
  });

  it('a read of the initial value after a completed write', () => {
    const ops = history([[0, 'write', 1, 1], [2, 'read', null, null]]);
    expect(reasonFor(ops, register)).toBe('p2 read nil (the initial value), but write 1 by p0 had completed before the read began');
  });

  it('a read of a value nobody wrote', () => {
    const ops = history([[0, 'write', 1, 1], [1, 'read', null, 7]]);
    expect(reasonFor(ops, register)).toBe('p1 read 7, but no operation ever wrote 7');
  });

  it('a read of a value whose only write began after the read completed', () => {
    const ops = history([[1, 'read', null, 4], [0, 'write', 4, 4]]);
    expect(reasonFor(ops, register)).toBe('p1 read 4, but write 4 by p0 only began after the read completed');
  });

  it('a successful cas that expected an overwritten value', () => {
    const ops = history([[0, 'write', 1, 1], [1, 'write', 2, 2], [2, 'cas', [1, 3], [1, 3]]]);
    expect(reasonFor(ops, MODELS['cas-register']!({ init: null }))).toBe(
      "p2's cas 1->3 succeeded, but write 1 by p0 was overwritten by write 2 of p1, which completed before the cas began",
    );
  });

  it('names the key for a kv history', () => {
    const ops = history([[1, 'write', 2, 2], [0, 'write', 3, 3], [3, 'read', null, 2]], 'x');
    expect(reasonFor(ops, MODELS.kv!({ init: null }))).toMatch(/^p3 read 2 from key x, but write 2 by p1 was overwritten/);
  });

  it('for other models, names the state the failing op met', () => {
    const counter = MODELS.counter!({ init: 0 });
    const ops = history([[0, 'add', 1, 1], [1, 'read', null, 5]]);
    expect(reasonFor(ops, counter)).toBe("p1's read -> 5 cannot take effect: after the 1 op(s) that can be linearized before it the state is 1");
  });
  it('never treats a non-register read as a register read (a set read of nil)', () => {
    const ops = history([[0, 'read', null, null]]);
    expect(reasonFor(ops, MODELS.set!({}))).toBe("p0's read -> nil cannot take effect: after the 0 op(s) that can be linearized before it the state is #{}");
  });
});
