import { describe, expect, it } from 'vitest';
import { VersionedTable } from '../../../src/store/single-leader/versioned-table.js';

describe('VersionedTable', () => {
  it('reads the newest value at or before an offset, null when absent', () => {
    const table = new VersionedTable();
    table.apply(2, 1, [{ op: 'set', key: 'x', value: 'a' }]);
    table.apply(5, 2, [{ op: 'set', key: 'x', value: 'b' }]);
    expect(table.read('x', 1)).toBeNull();
    expect(table.read('x', 4)).toBe('a');
    expect(table.read('x')).toBe('b');
    expect(table.versionAt('x')).toEqual({ offset: 5, epoch: 2, value: 'b' });
    expect(table.read('y')).toBeNull();
  });

  it('truncation forgets values and idempotency results written after the offset', () => {
    const table = new VersionedTable();
    table.apply(1, 1, [{ op: 'set', key: 'x', value: 1 }, { op: 'idem', idempotencyKey: 'k1', value: 1 }]);
    table.apply(2, 1, [{ op: 'set', key: 'x', value: 2 }, { op: 'set', key: 'y', value: 2 }, { op: 'idem', idempotencyKey: 'k2', value: 2 }]);
    table.truncateAfter(1);
    expect(table.read('x')).toBe(1);
    expect(table.read('y')).toBeNull();
    expect(table.idempotentResult('k1')).toEqual({ offset: 1, value: 1 });
    expect(table.idempotentResult('k2')).toBeUndefined();
    expect(Object.keys(table.snapshot())).toEqual(['x']);
  });

  it('snapshots the newest values with their (epoch, offset), keys sorted', () => {
    const table = new VersionedTable();
    table.apply(3, 2, [{ op: 'set', key: 'b', value: [1] }]);
    table.apply(4, 2, [{ op: 'set', key: 'a', value: 'v' }]);
    expect(table.snapshot()).toEqual({
      a: { values: ['v'], version: { epoch: 2, offset: 4 } },
      b: { values: [[1]], version: { epoch: 2, offset: 3 } },
    });
    expect(Object.keys(table.snapshot())).toEqual(['a', 'b']);
  });
});
