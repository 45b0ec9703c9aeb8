import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Layers } from '../../src/nemesis/layers.js';

describe('Layers', () => {
  test('the value in force is always the latest holder still holding', () => {
    const stepArb = fc.record({ push: fc.boolean(), owner: fc.integer({ min: 0, max: 4 }), key: fc.constantFrom('a', 'b'), value: fc.integer() });
    fc.assert(fc.property(fc.array(stepArb, { maxLength: 40 }), (steps) => {
      const layers = new Layers<number>();
      // The reference: a plain list of holders per key, newest last.
      const reference = new Map<string, { owner: number; value: number }[]>();
      for (const { push, owner, key, value } of steps) {
        const list = reference.get(key) ?? [];
        if (push) {
          const [entry] = layers.push(owner, [key], value);
          expect(entry!.wasFree).toBe(list.length === 0);
          list.push({ owner, value });
        } else {
          const at = list.findIndex((holder) => holder.owner === owner);
          const [entry] = layers.remove(owner, [key]);
          expect(entry!.wasTop).toBe(at !== -1 && at === list.length - 1);
          if (at !== -1) list.splice(at, 1);
          expect(entry!.next).toBe(list[list.length - 1]?.value);
        }
        reference.set(key, list);
        expect(layers.top(key)).toBe(list[list.length - 1]?.value);
      }
      const held = [...reference.entries()].filter(([, list]) => list.length > 0).map(([key]) => key).sort();
      expect(layers.heldKeys().sort()).toEqual(held);
    }));
  });

  test('healing the older of two overlapping holders leaves the newer in force', () => {
    const layers = new Layers<string>();
    layers.push(1, ['n1'], 'old');
    layers.push(2, ['n1'], 'new');
    expect(layers.remove(1, ['n1'])).toEqual([{ key: 'n1', wasTop: false, next: 'new' }]);
    expect(layers.remove(2, ['n1'])).toEqual([{ key: 'n1', wasTop: true, next: undefined }]);
  });
});
