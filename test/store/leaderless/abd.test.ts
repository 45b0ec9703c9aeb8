import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Harness } from './support/harness.js';

/** n1's clock runs 10 s ahead. A write through n1, then a later write through n2, then a read. */
function skewedWrites(abd: boolean): { h: Harness; read: unknown } {
  const h = new Harness({ nodes: 3, n: 3, w: 2, r: 2, abd });
  h.world.setClockOffset('n1', 10_000);
  expect(h.call('n1', 'write', 'x', 'older')?.outcome).toBe('ok');
  expect(h.call('n2', 'write', 'x', 'newer')?.outcome).toBe('ok');
  const read = h.call('n3', 'read', 'x');
  expect(read?.outcome).toBe('ok');
  h.advance(100);
  return { h, read: read?.value };
}

describe('leaderless ABD mode', () => {
  it('under clock skew, LWW keeps the older write while ABD keeps the newer one', () => {
    const lww = skewedWrites(false);
    expect(lww.read).toBe('older');
    expect(lww.h.valuesOf('x')).toEqual({ n1: ['older'], n2: ['older'], n3: ['older'] });

    const abd = skewedWrites(true);
    expect(abd.read).toBe('newer');
    expect(abd.h.valuesOf('x')).toEqual({ n1: ['newer'], n2: ['newer'], n3: ['newer'] });
    // ABD's tags are logical: the second write's tag is one above the first's.
    expect(abd.h.state('n1').x!.version).toEqual({ c: 2, node: 'n2' });
  });

  it('a read writes the version it picked back to a quorum before answering', () => {
    for (const abd of [true, false]) {
      const h = new Harness({ nodes: 3, n: 3, w: 2, r: 2, abd, readRepair: false, hintedHandoff: false });
      h.isolate('n3');
      expect(h.call('n1', 'write', 'x', 'v1')?.outcome).toBe('ok');
      h.world.heal();
      h.isolate('n2');
      // n3 can only hear from n1: its read quorum is {n3 (nothing), n1 (v1)}.
      expect(h.call('n3', 'read', 'x')).toMatchObject({ outcome: 'ok', value: 'v1' });
      expect(h.valuesOf('x').n3).toEqual(abd ? ['v1'] : undefined);
    }
  });

  it('with any clock skew, sequential operations always read the last write', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.integer({ min: -10_000, max: 10_000 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.record({ write: fc.boolean(), node: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 20 }),
        (seed, offsets, steps) => {
          const h = new Harness({ nodes: 3, n: 3, w: 2, r: 2, abd: true }, { seed });
          offsets.forEach((offset, i) => h.world.setClockOffset(`n${i + 1}`, offset));
          let last: unknown = null;
          steps.forEach((step, i) => {
            const reply = step.write ? h.call(`n${step.node}`, 'write', 'x', i) : h.call(`n${step.node}`, 'read', 'x');
            expect(reply?.outcome).toBe('ok');
            if (step.write) last = i;
            else expect(reply?.value).toEqual(last);
          });
        },
      ),
      { numRuns: 40 },
    );
  });
});
