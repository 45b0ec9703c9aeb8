import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insertVersion, latestVersion, mergedVector } from '../../../src/store/multi-leader/key-versions.js';
import type { Version } from '../../../src/store/multi-leader/version.js';
import { increment } from '../../../src/store/shared/version-vector.js';

function version(vv: Record<string, number>, ts: number, node: string, value: unknown): Version {
  return { vv, stamp: { ts, node }, datum: { kind: 'register', value } };
}

/**
 * A random history of writes on one key by three leaders that exchange versions
 * at random moments; returns every version created. Each write supersedes what its
 * leader holds, as the store does.
 */
const historyArb = fc
  .array(fc.record({ leader: fc.integer({ min: 0, max: 2 }), receiveFrom: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }) }), {
    minLength: 1,
    maxLength: 25,
  })
  .map((steps) => {
    const held: Version[][] = [[], [], []];
    const created: Version[] = [];
    steps.forEach((step, i) => {
      if (step.receiveFrom !== undefined) {
        for (const v of held[step.receiveFrom]!) held[step.leader] = insertVersion(held[step.leader]!, v).versions;
      }
      const node = `n${step.leader}`;
      const written = version(increment(mergedVector(held[step.leader]!), node), i, node, i);
      held[step.leader] = insertVersion(held[step.leader]!, written).versions;
      created.push(written);
    });
    return created;
  });

describe('insertVersion', () => {
  it('replaces a version it has seen, ignores one that saw it, keeps a concurrent one', () => {
    const a = version({ n1: 1 }, 1, 'n1', 'a');
    const a2 = version({ n1: 2 }, 2, 'n1', 'a2');
    const b = version({ n2: 1 }, 3, 'n2', 'b');
    expect(insertVersion([a], a2)).toEqual({ outcome: 'applied', versions: [a2] });
    expect(insertVersion([a2], a)).toEqual({ outcome: 'ignored', versions: [a2] });
    expect(insertVersion([a2], a2).outcome).toBe('ignored');
    expect(insertVersion([a2], b)).toEqual({ outcome: 'concurrent', versions: [a2, b] });
  });

  it('drops every sibling a new version has seen', () => {
    const a = version({ n1: 1 }, 1, 'n1', 'a');
    const b = version({ n2: 1 }, 2, 'n2', 'b');
    const c = version({ n1: 1, n2: 1, n3: 1 }, 3, 'n3', 'c');
    expect(insertVersion([a, b], c)).toEqual({ outcome: 'applied', versions: [c] });
  });

  it('ends in the same versions whatever order they arrive in (replicas converge)', () => {
    fc.assert(
      fc.property(
        historyArb.chain((created) => fc.tuple(fc.constant(created), fc.shuffledSubarray(created, { minLength: created.length }))),
        ([created, shuffled]) => {
          const inOrder = created.reduce<Version[]>((acc, v) => insertVersion(acc, v).versions, []);
          const reordered = shuffled.reduce<Version[]>((acc, v) => insertVersion(acc, v).versions, []);
          expect(reordered).toEqual(inOrder);
        },
      ),
    );
  });

  it('keeps only versions no other holds has seen, and delivering a version twice changes nothing', () => {
    fc.assert(
      fc.property(historyArb, (created) => {
        const all = created.reduce<Version[]>((acc, v) => insertVersion(acc, v).versions, []);
        for (const v of all) {
          for (const w of all) if (v !== w) expect(mergedVector([v, w])).not.toEqual(v.vv);
        }
        const again = created.reduce<Version[]>((acc, v) => insertVersion(acc, v).versions, all);
        expect(again).toEqual(all);
      }),
    );
  });
});

describe('latestVersion / mergedVector', () => {
  it('picks the greatest stamp, node id breaking ties', () => {
    const a = version({ a: 1 }, 5, 'a', 1);
    const b = version({ b: 1 }, 5, 'b', 2);
    expect(latestVersion([b, a])).toBe(b);
    expect(latestVersion([])).toBeUndefined();
  });

  it('covers every version', () => {
    expect(mergedVector([version({ a: 2, b: 1 }, 1, 'a', 0), version({ b: 3 }, 2, 'b', 0)])).toEqual({ a: 2, b: 3 });
  });
});
