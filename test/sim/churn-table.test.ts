import { expect, test } from 'vitest';
import fc from 'fast-check';
import { ChurnTable } from '../../src/sim/churn-table.js';

test('behaves as a Map under any mix of sets, deletes and clears (rebuilds included)', () => {
  const key = fc.constantFrom('a', 'b', 'c', 'd', 'e', '__proto__', '7', 'constructor');
  const action = fc.oneof(
    { weight: 4, arbitrary: fc.record({ set: key, value: fc.integer() }) },
    { weight: 4, arbitrary: fc.record({ del: key }) },
    { weight: 1, arbitrary: fc.constant({ clear: true as const }) },
  );
  fc.assert(
    fc.property(fc.array(action, { maxLength: 400 }), (actions) => {
      const table = new ChurnTable<number>();
      const model = new Map<string, number>();
      for (const a of actions) {
        if ('set' in a) {
          table.set(a.set, a.value);
          model.set(a.set, a.value);
        } else if ('del' in a) {
          expect(table.delete(a.del)).toBe(model.delete(a.del));
        } else {
          table.clear();
          model.clear();
        }
        expect(table.size).toBe(model.size);
      }
      for (const k of ['a', 'b', 'c', 'd', 'e', '__proto__', '7', 'constructor']) {
        expect(table.get(k)).toBe(model.get(k));
        expect(table.has(k)).toBe(model.has(k));
      }
      expect([...table.values()].sort()).toEqual([...model.values()].sort());
    }),
  );
});

test('many short-lived keys leave only the live ones', () => {
  const table = new ChurnTable<string>();
  for (let i = 0; i < 10_000; i++) {
    table.set(`op-${i}`, `v${i}`);
    if (i >= 3) table.delete(`op-${i - 3}`);
  }
  expect(table.size).toBe(3);
  expect(table.values().sort()).toEqual(['v9997', 'v9998', 'v9999']);
  expect(table.get('op-5')).toBeUndefined();
});
