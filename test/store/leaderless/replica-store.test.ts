import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SimDisk } from '../../../src/sim/disk.js';
import { IDEMPOTENCY_WINDOW_MS } from '../../../src/store/leaderless/applied-keys.js';
import type { TaggedState } from '../../../src/store/leaderless/key-state.js';
import { ReplicaStore } from '../../../src/store/leaderless/replica-store.js';

const tagged = (c: number, value: unknown): TaggedState => ({ kind: 'tagged', tag: { c, node: 'n1' }, value });

/** What a store holds, as far as its callers can see. */
function contents(store: ReplicaStore, keys: readonly string[], idempotencyKeys: readonly string[]) {
  return {
    keys: store.keys(),
    states: keys.map((key) => store.get(key) ?? null),
    applied: idempotencyKeys.map((key) => store.applied(key)?.result ?? 'absent'),
    hints: store.hintOwners().map((owner) => store.hintsFor(owner).map((hint) => hint.id)),
  };
}

describe('leaderless replica store', () => {
  it('compacts its log, and a store rebuilt from the disk holds what the original held', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.boolean(), fc.integer({ min: 0, max: 3 })), { minLength: 700, maxLength: 2_000 }),
        (writes) => {
          let nowMs = 0;
          const disk = new SimDisk('n1');
          const store = new ReplicaStore(disk, () => nowMs);
          const idempotencyKeys: string[] = [];
          writes.forEach(([keyIndex, withKey, hintKind], i) => {
            nowMs += 3;
            const applied = withKey ? { key: `c/${i}`, result: i % 5 === 0 ? i : null } : undefined;
            if (applied) idempotencyKeys.push(applied.key);
            store.merge(`k${keyIndex}`, tagged(i, i), applied);
            if (hintKind === 1) store.addHint({ id: `h${i}`, owner: `n${2 + (i % 2)}`, key: `k${keyIndex}`, state: tagged(i, i) });
            if (hintKind === 2 && i % 3 === 0) store.removeHints([`h${i - 3}`, `h${i - 6}`]);
          });
          const keys = Array.from({ length: 10 }, (_, k) => `k${k}`);
          // Over 512 records the log is compacted: it holds fewer records than were appended.
          expect(disk.read().length).toBeLessThan(disk.appends);
          const rebuilt = new ReplicaStore(disk, () => nowMs);
          expect(contents(rebuilt, keys, idempotencyKeys)).toEqual(contents(store, keys, idempotencyKeys));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeps idempotency keys through compactions and restarts while they are within the window', () => {
    let nowMs = 0;
    const disk = new SimDisk('n1');
    const store = new ReplicaStore(disk, () => nowMs);
    for (let i = 0; i < 20_000; i++) {
      nowMs = i * 10; // 200 s of node clock
      store.merge('k', tagged(i, i), { key: `c/${i}`, result: null });
    }
    expect(disk.read().length).toBeLessThan(3_000);
    const recent = `c/${20_000 - IDEMPOTENCY_WINDOW_MS / 10 + 1}`;
    expect(store.applied(recent)).toBeDefined();
    expect(store.applied('c/0')).toBeUndefined();
    const rebuilt = new ReplicaStore(disk, () => nowMs);
    expect(rebuilt.applied(recent)).toBeDefined();
    expect(rebuilt.get('k')).toEqual(tagged(19_999, 19_999));
  });

  it('a write whose key was applied here changes nothing', () => {
    const store = new ReplicaStore(new SimDisk('n1'), () => 0);
    expect(store.mergeUnlessApplied('k', tagged(1, 'a'), { key: 'c/1', result: null })?.changed).toBe(true);
    expect(store.mergeUnlessApplied('k', tagged(2, 'b'), { key: 'c/1', result: null })).toBeUndefined();
    expect(store.get('k')).toEqual(tagged(1, 'a'));
    expect(store.mergeUnlessApplied('k', tagged(2, 'b'), undefined)?.changed).toBe(true);
  });

  it('a full disk leaves the log as it was when compaction comes due', () => {
    const disk = new SimDisk('n1', 600);
    const store = new ReplicaStore(disk, () => 0);
    for (let i = 0; i < 600; i++) store.merge(`k${i % 3}`, tagged(i, i));
    expect(disk.read().length).toBeLessThan(600); // compacted on the way
    disk.fill();
    expect(() => store.merge('k0', tagged(10_000, 'x'))).toThrow(/disk full/);
    const rebuilt = new ReplicaStore(disk, () => 0);
    expect(rebuilt.get('k0')).toEqual(store.get('k0'));
  });
});
