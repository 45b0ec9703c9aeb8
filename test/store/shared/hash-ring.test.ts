import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hash32, HashRing } from '../../../src/store/shared/hash-ring.js';

const nodeIds = (count: number) => Array.from({ length: count }, (_, i) => `n${i + 1}`);

describe('hash32', () => {
  it('is a deterministic unsigned 32-bit hash', () => {
    expect(hash32('abc')).toBe(hash32('abc'));
    expect(hash32('abc')).not.toBe(hash32('abd'));
    fc.assert(
      fc.property(fc.string(), (text) => {
        const h = hash32(text);
        return Number.isInteger(h) && h >= 0 && h < 2 ** 32;
      }),
    );
  });

  it('spreads similar short strings over the whole circle', () => {
    const quarters = [0, 0, 0, 0];
    for (let i = 0; i < 4_000; i++) quarters[Math.floor(hash32(`n1#${i}`) / 2 ** 30)]!++;
    for (const count of quarters) expect(count).toBeGreaterThan(800);
  });
});

describe('HashRing', () => {
  it('preference list = the first N distinct nodes met clockwise from the key (checked by brute force)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 16 }), fc.string(), fc.integer({ min: 1, max: 8 }), (count, vnodes, key, n) => {
        const ring = new HashRing(nodeIds(count), vnodes);
        const position = hash32(key);
        // Brute force: all tokens ordered by clockwise distance from the key's position.
        const byDistance = [...ring.tokens].sort(
          (a, b) => ((a.position - position + 2 ** 32) % 2 ** 32) - ((b.position - position + 2 ** 32) % 2 ** 32) || (a.node < b.node ? -1 : 1),
        );
        const expected: string[] = [];
        for (const token of byDistance) if (!expected.includes(token.node)) expected.push(token.node);
        expect(ring.walk(key)).toEqual(expected);
        expect(ring.preferenceList(key, n)).toEqual(expected.slice(0, n));
      }),
    );
  });

  it('is the same on every node: built from the ids and vnode count alone', () => {
    const a = new HashRing(['n3', 'n1', 'n2'], 8);
    const b = new HashRing(['n1', 'n2', 'n3'], 8);
    expect(a.tokens).toEqual(b.tokens);
    expect(a.preferenceList('x', 2)).toEqual(b.preferenceList('x', 2));
  });

  it('balances keys roughly evenly with enough vnodes', () => {
    const ring = new HashRing(nodeIds(5), 64);
    const firstOwner = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      const owner = ring.preferenceList(`key-${i}`, 1)[0]!;
      firstOwner.set(owner, (firstOwner.get(owner) ?? 0) + 1);
    }
    for (const count of firstOwner.values()) expect(count).toBeGreaterThan(1_200); // fair share: 2,000
  });

  it('moves only about 1/M of the keys when a node joins', () => {
    const before = new HashRing(nodeIds(4), 32);
    const after = new HashRing(nodeIds(5), 32);
    let moved = 0;
    for (let i = 0; i < 5_000; i++) {
      const key = `key-${i}`;
      const owner = after.preferenceList(key, 1)[0];
      if (owner !== before.preferenceList(key, 1)[0]) {
        moved++;
        expect(owner).toBe('n5'); // keys only move to the newcomer
      }
    }
    expect(moved / 5_000).toBeGreaterThan(0.1);
    expect(moved / 5_000).toBeLessThan(0.3);
  });

  it('rejects an empty ring and a bad vnode count', () => {
    expect(() => new HashRing([], 4)).toThrow(/at least one node/);
    expect(() => new HashRing(['n1'], 0)).toThrow(/vnodes/);
  });
});
