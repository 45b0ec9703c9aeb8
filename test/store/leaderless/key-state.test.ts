import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from '../../../src/store/leaderless/canonical.js';
import { isBehind, mergeStates, type KeyState, type SiblingState, type TaggedState } from '../../../src/store/leaderless/key-state.js';
import { readResult } from '../../../src/store/leaderless/key-view.js';
import { applyToSiblings, type MutatingVerb } from '../../../src/store/leaderless/verbs.js';

const tagged: fc.Arbitrary<TaggedState> = fc.record({
  kind: fc.constant('tagged' as const),
  tag: fc.record({ c: fc.integer({ min: 0, max: 5 }), node: fc.constantFrom('n1', 'n2', 'n3') }),
  value: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('a', 'b')),
});

/**
 * Sibling states as replicas really produce them: random histories of updates, each
 * coordinated by one node on top of its own replica, with random merges between replicas.
 */
const siblingStates: fc.Arbitrary<SiblingState[]> = fc
  .array(
    fc.oneof(
      fc.record({ node: fc.integer({ min: 0, max: 2 }), f: fc.constantFrom<MutatingVerb>('write', 'incr', 'sadd'), arg: fc.integer({ min: -3, max: 3 }) }),
      fc.record({ from: fc.integer({ min: 0, max: 2 }), to: fc.integer({ min: 0, max: 2 }) }),
    ),
    { maxLength: 25 },
  )
  .map((steps) => {
    const replicas: Array<SiblingState | undefined> = [undefined, undefined, undefined];
    for (const step of steps) {
      if ('from' in step) {
        const source = replicas[step.from];
        if (source) replicas[step.to] = mergeStates(replicas[step.to], source) as SiblingState;
        continue;
      }
      const outcome = applyToSiblings(step.f, replicas[step.node], step.arg, `n${step.node + 1}`);
      if (outcome.ok) replicas[step.node] = outcome.result;
    }
    return replicas.filter((s): s is SiblingState => s !== undefined);
  });

function same(a: KeyState, b: KeyState): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

describe('key state merging', () => {
  it('tagged states: the highest tag wins, whatever the order (commutative, associative, idempotent)', () => {
    fc.assert(
      fc.property(tagged, tagged, tagged, (a, b, c) => {
        expect(same(mergeStates(a, b), mergeStates(b, a))).toBe(true);
        expect(same(mergeStates(mergeStates(a, b), c), mergeStates(a, mergeStates(b, c)))).toBe(true);
        expect(same(mergeStates(a, a), a)).toBe(true);
      }),
    );
  });

  it('sibling states merge commutatively, associatively and idempotently', () => {
    fc.assert(
      fc.property(siblingStates, (states) => {
        fc.pre(states.length >= 2);
        const [a, b, c = states[0]!] = states as [SiblingState, SiblingState, SiblingState?];
        expect(same(mergeStates(a, b), mergeStates(b, a))).toBe(true);
        expect(same(mergeStates(mergeStates(a, b), c), mergeStates(a, mergeStates(b, c)))).toBe(true);
        expect(same(mergeStates(a, a), a)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('concurrent counters sum their contributions; concurrent plain values stay siblings', () => {
    const n1 = applyToSiblings('incr', undefined, 2, 'n1');
    const n2 = applyToSiblings('incr', undefined, 5, 'n2');
    const merged = mergeStates(n1.ok ? n1.result : undefined, n2.ok ? n2.result : ({} as never));
    expect(readResult(merged)).toBe(7);
    const decrement = applyToSiblings('incr', merged as SiblingState, -3, 'n1');
    expect(decrement.ok && readResult(decrement.result)).toBe(4);

    const x = applyToSiblings('write', undefined, 'x', 'n1');
    const y = applyToSiblings('write', undefined, 'y', 'n2');
    const both = mergeStates(x.ok ? x.result : undefined, y.ok ? y.result : ({} as never));
    expect(readResult(both)).toEqual(['x', 'y']);
    const resolved = applyToSiblings('write', both as SiblingState, 'z', 'n3');
    expect(resolved.ok && readResult(mergeStates(both, resolved.result))).toBe('z');
  });

  it('isBehind tells which replica lacks something the newest state has', () => {
    const older: KeyState = { kind: 'tagged', tag: { c: 1, node: 'n1' }, value: 1 };
    const newer: KeyState = { kind: 'tagged', tag: { c: 2, node: 'n1' }, value: 2 };
    expect(isBehind(older, newer)).toBe(true);
    expect(isBehind(newer, newer)).toBe(false);
    expect(isBehind(newer, older)).toBe(false);
    expect(isBehind(undefined, older)).toBe(true);
  });

  it('an equal tag with different values still resolves the same way on every replica', () => {
    const a: KeyState = { kind: 'tagged', tag: { c: 1, node: 'n1' }, value: 'a' };
    const b: KeyState = { kind: 'tagged', tag: { c: 1, node: 'n1' }, value: 'b' };
    expect(mergeStates(a, b)).toEqual(mergeStates(b, a));
  });
});
