import { describe, expect, it } from 'vitest';
import { byKey } from '../../src/models/by-key.js';
import { counterModel } from '../../src/models/counter.js';
import { bruteForceLinearizable } from '../support/brute-force.js';
import { toOperations } from '../support/operations.js';
import type { Op } from '../../src/history/op.js';

function sequential(...ops: Array<[f: string, key: string | undefined, value: unknown, result: unknown]>): Op[] {
  return ops.flatMap(([f, key, value, result], i): Op[] => {
    const keyed = key === undefined ? {} : { key };
    return [
      { index: 2 * i, time: 2 * i, process: 0, type: 'invoke', f, ...keyed, value },
      { index: 2 * i + 1, time: 2 * i + 1, process: 0, type: 'ok', f, ...keyed, value: result },
    ];
  });
}

describe('byKey', () => {
  const counters = byKey(counterModel());

  it('checks each key against its own copy of the model', () => {
    const ops = toOperations(sequential(['add', 'a', 2, 2], ['add', 'b', 5, 5], ['read', 'a', null, 2], ['read', 'b', null, 5]));
    expect(bruteForceLinearizable(ops, counters)).toBe(true);
    // Without the split both adds land on one counter, and the reads cannot both hold.
    expect(bruteForceLinearizable(ops, counterModel())).toBe(false);
  });

  it('needs a key and otherwise validates like the model', () => {
    expect(counters.validate({ f: 'add', value: 1 }, undefined)?.field).toBe('key');
    expect(counters.validate({ f: 'add', key: 'a', value: 'x' }, undefined)?.field).toBe('value');
    expect(counters.validate({ f: 'add', key: 'a', value: 1 }, undefined)).toBeNull();
    expect(counters.name).toBe('counter');
  });
});
