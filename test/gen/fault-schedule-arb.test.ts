import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { faultScheduleArb } from '../../src/gen/fault-schedule-arb.js';
import { FAULT_KINDS, FAULT_PARAMS, FAULT_TARGETING, type Fault } from '../../src/nemesis/fault.js';

const nodeIds = ['n1', 'n2', 'n3', 'n4', 'n5'];

describe('faultScheduleArb', () => {
  it('makes sorted faults of the allowed kinds, inside the horizon, on the given nodes, with params in range', () => {
    const kinds = ['crash-one', 'clock-bump', 'loss', 'partition-majority', 'discovery'] as const;
    fc.assert(
      fc.property(faultScheduleArb({ kinds, nodeIds, horizonMs: 500, maxFaults: 5, maxDurationMs: 300 }), (faults) => {
        expect(faults.length).toBeLessThanOrEqual(5);
        faults.forEach((fault, i) => {
          expect(kinds).toContain(fault.kind);
          if (i > 0) expect(fault.atMs).toBeGreaterThanOrEqual(faults[i - 1]!.atMs);
          expect(fault.atMs).toBeGreaterThanOrEqual(0);
          expect(fault.atMs).toBeLessThanOrEqual(500);
          expect(fault.durationMs).toBeGreaterThanOrEqual(10);
          expect(fault.durationMs).toBeLessThanOrEqual(300);
          for (const target of fault.targets ?? []) expect(nodeIds).toContain(target);
          checkParams(fault);
          checkTargets(fault);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('is swarm testing: schedules concentrate on a few kinds each', () => {
    const distinctKinds = (swarm: boolean) => {
      const schedules = fc.sample(faultScheduleArb({ nodeIds, horizonMs: 1000, maxFaults: 6, swarm }), { seed: 11, numRuns: 300 });
      const full = schedules.filter((faults) => faults.length >= 4);
      return full.reduce((sum, faults) => sum + new Set(faults.map((f) => f.kind)).size / faults.length, 0) / full.length;
    };
    // With 25 kinds, a schedule drawn from all of them almost never repeats a kind;
    // swarm schedules draw from a subset, so repeats (combinations of few kinds) are common.
    expect(distinctKinds(true)).toBeLessThan(distinctKinds(false) - 0.1);
  });

  it('covers every kind across schedules', () => {
    const schedules = fc.sample(faultScheduleArb({ nodeIds, horizonMs: 1000 }), { seed: 2, numRuns: 400 });
    expect(new Set(schedules.flat().map((f) => f.kind))).toEqual(new Set(FAULT_KINDS));
  });

  it('targets whole groups for partition-group when the store has groups', () => {
    const groups = [['dc1-n1', 'dc1-n2'], ['dc2-n1', 'dc2-n2']];
    const arb = faultScheduleArb({ kinds: ['partition-group'], nodeIds: groups.flat(), groups, horizonMs: 100, maxFaults: 3 });
    for (const fault of fc.sample(arb, { seed: 4, numRuns: 50 }).flat()) expect(groups).toContainEqual(fault.targets);
  });

  it('makes no faults when no kind is allowed', () => {
    expect(fc.sample(faultScheduleArb({ kinds: [], nodeIds, horizonMs: 100 }), { seed: 1, numRuns: 5 })).toEqual([[], [], [], [], []]);
  });
});

function checkParams(fault: Fault): void {
  const ranges = FAULT_PARAMS[fault.kind];
  if (ranges === undefined) return expect(fault.params).toBeUndefined();
  expect(Object.keys(fault.params ?? {}).sort()).toEqual(Object.keys(ranges).sort());
  for (const [name, range] of Object.entries(ranges)) {
    expect(fault.params![name]).toBeGreaterThanOrEqual(range.min);
    expect(fault.params![name]).toBeLessThanOrEqual(range.max);
  }
}

function checkTargets(fault: Fault): void {
  const targeting = FAULT_TARGETING[fault.kind];
  if (targeting === 'none') expect(fault.targets).toBeUndefined();
  if (targeting === 'one' || targeting === 'leader') expect(fault.targets).toHaveLength(1);
  if (targeting === 'all') expect([...fault.targets!].sort()).toEqual(nodeIds);
}
