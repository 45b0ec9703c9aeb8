import { describe, expect, it } from 'vitest';
import { checkLinearizable } from '../../src/checker/linearizable/check.js';
import type { Op } from '../../src/history/op.js';
import { casRegisterModel } from '../../src/models/cas-register.js';

/** A write of 1, then a read that returns `read`. */
function history(read: unknown): Op[] {
  return [
    { index: 0, time: 0, process: 0, type: 'invoke', f: 'write', value: 1 },
    { index: 1, time: 1, process: 0, type: 'ok', f: 'write', value: 1 },
    { index: 2, time: 2, process: 1, type: 'invoke', f: 'read', value: null },
    { index: 3, time: 3, process: 1, type: 'ok', f: 'read', value: read },
  ];
}

describe('the linearizable checker on a value no client wrote', () => {
  it('names it unexpected-value, with the read and its value in the reason', () => {
    const verdict = checkLinearizable(history(1048577), casRegisterModel());
    expect(verdict.valid).toBe(false);
    expect(verdict.anomaly).toBe('unexpected-value');
    expect(verdict.reason).toMatch(/returned 1048577, a value no client wrote/);
  });

  it('keeps not-linearizable for a written value read out of order', () => {
    const verdict = checkLinearizable(history(null), casRegisterModel());
    expect(verdict.valid).toBe(false);
    expect(verdict.anomaly).toBe('not-linearizable');
  });

  it('counts the new value of a cas that may have happened as written', () => {
    const ops: Op[] = [
      ...history(7).slice(0, 2),
      { index: 2, time: 2, process: 2, type: 'invoke', f: 'cas', value: [5, 7] },
      { index: 3, time: 3, process: 2, type: 'info', f: 'cas', value: [5, 7] },
      ...history(7).slice(2).map((op) => ({ ...op, index: op.index + 2, time: op.time + 2 })),
    ];
    expect(checkLinearizable(ops, casRegisterModel()).anomaly).toBe('not-linearizable');
  });
});
