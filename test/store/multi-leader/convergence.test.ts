import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConflictPolicy } from '../../../src/store/multi-leader/resolve.js';
import { Harness } from './support/harness.js';

const GROUP_NAMES = ['dc1', 'dc2', 'dc3'];
const NODES = GROUP_NAMES.flatMap((g) => [`${g}-n1`, `${g}-n2`]);
const FAULTS_END_MS = 1600;
const SETTLED_MS = 4000;

type Verb = 'write' | 'append' | 'incr' | 'sadd';
interface PlannedOp {
  atMs: number;
  group: number;
  f: Verb;
  slot: number;
  value: number;
}
type Fault =
  | { kind: 'split'; atMs: number; sides: number[] }
  | { kind: 'crash'; atMs: number; node: number; downMs: number }
  | { kind: 'clock'; atMs: number; node: number; deltaMs: number }
  | { kind: 'disk'; atMs: number; node: number; fullMs: number }
  | { kind: 'pause'; atMs: number; node: number; pauseMs: number }
  | { kind: 'loss'; atMs: number; probability: number };
interface Scenario {
  seed: number;
  policy: ConflictPolicy;
  homeRouting: boolean;
  ops: PlannedOp[];
  faults: Fault[];
}

const at = fc.integer({ min: 0, max: FAULTS_END_MS - 100 });
const node = fc.integer({ min: 0, max: NODES.length - 1 });
const faultArb: fc.Arbitrary<Fault> = fc.oneof(
  fc.record({ kind: fc.constant('split' as const), atMs: at, sides: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 3, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('crash' as const), atMs: at, node, downMs: fc.integer({ min: 1, max: 500 }) }),
  fc.record({ kind: fc.constant('clock' as const), atMs: at, node, deltaMs: fc.integer({ min: -5000, max: 5000 }) }),
  fc.record({ kind: fc.constant('disk' as const), atMs: at, node, fullMs: fc.integer({ min: 1, max: 500 }) }),
  fc.record({ kind: fc.constant('pause' as const), atMs: at, node, pauseMs: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ kind: fc.constant('loss' as const), atMs: at, probability: fc.double({ min: 0, max: 0.5, noNaN: true }) }),
);
const opArb: fc.Arbitrary<PlannedOp> = fc.record({
  atMs: at,
  group: fc.integer({ min: 0, max: 2 }),
  f: fc.constantFrom<Verb>('write', 'append', 'incr', 'sadd'),
  slot: fc.integer({ min: 0, max: 1 }),
  value: fc.integer({ min: 1, max: 9 }),
});
const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  policy: fc.constantFrom<ConflictPolicy>('lww', 'siblings', 'merge'),
  homeRouting: fc.boolean(),
  ops: fc.array(opArb, { minLength: 1, maxLength: 40 }),
  faults: fc.array(faultArb, { maxLength: 8 }),
});

/** Counters and sets get keys of their own, so their checks are not muddied by plain writes. */
function keyOf(op: PlannedOp): string {
  if (op.f === 'incr') return `counter${op.slot}`;
  if (op.f === 'sadd') return `set${op.slot}`;
  return `reg${op.slot}`;
}

function run(scenario: Scenario): Harness {
  const h = new Harness(
    { groups: GROUP_NAMES.map((name) => ({ name, nodes: 2 })), conflictResolution: scenario.policy, homeRouting: scenario.homeRouting },
    { seed: scenario.seed, network: { latencyMs: { kind: 'uniform', min: 1, max: 8 } } },
  );
  scenario.ops.forEach((op, i) => {
    const value = op.f === 'append' ? String(op.value) : op.value;
    h.at(op.atMs, `op${i}`, `${GROUP_NAMES[op.group]}-n1`, { f: op.f, key: keyOf(op), value });
  });
  scenario.faults.forEach((fault, i) => scheduleFault(h, fault, `fault${i}`));
  h.do(FAULTS_END_MS, 'end of faults', () => {
    h.world.heal();
    h.world.setLoss(0);
    for (const id of NODES) {
      h.world.freeDisk(id);
      h.world.restart(id);
    }
  });
  h.runUntil(SETTLED_MS);
  return h;
}

function scheduleFault(h: Harness, fault: Fault, label: string): void {
  const w = h.world;
  if (fault.kind === 'split') {
    const side = (s: number) => GROUP_NAMES.filter((_, g) => fault.sides[g] === s).flatMap((g) => [`${g}-n1`, `${g}-n2`]);
    h.do(fault.atMs, label, () => w.partitionGroups([side(0), side(1)]));
  } else if (fault.kind === 'crash') {
    h.do(fault.atMs, label, () => w.crash(NODES[fault.node]!));
    h.do(fault.atMs + fault.downMs, `${label} restart`, () => w.restart(NODES[fault.node]!));
  } else if (fault.kind === 'clock') {
    h.do(fault.atMs, label, () => w.bumpClock(NODES[fault.node]!, fault.deltaMs));
  } else if (fault.kind === 'disk') {
    h.do(fault.atMs, label, () => w.fillDisk(NODES[fault.node]!));
    h.do(fault.atMs + fault.fullMs, `${label} free`, () => w.freeDisk(NODES[fault.node]!));
  } else if (fault.kind === 'pause') {
    h.do(fault.atMs, label, () => w.pause(NODES[fault.node]!, fault.pauseMs));
  } else {
    h.do(fault.atMs, label, () => w.setLoss(fault.probability));
  }
}

describe('multi-leader convergence under faults', () => {
  it('leaves every node with the same data once faults stop, for every policy', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const h = run(scenario);
        const reference = h.state('dc1-n1');
        for (const id of NODES) expect(h.state(id), id).toEqual(reference);
      }),
      { numRuns: 150 },
    );
  });

  it('under merge, keeps every acknowledged incr and sadd, and nothing never sent', () => {
    fc.assert(
      fc.property(scenarioArb, (base) => {
        const scenario = { ...base, policy: 'merge' as const };
        const h = run(scenario);
        const state = h.state('dc1-n1');
        for (const slot of [0, 1]) {
          const incrs = scenario.ops.map((op, i) => ({ op, i })).filter(({ op }) => op.f === 'incr' && op.slot === slot);
          const acked = incrs.filter(({ i }) => h.reply(`op${i}`)?.reply.outcome === 'ok');
          const total = (state[`counter${slot}`]?.values[0] as number | undefined) ?? 0;
          expect(total).toBeGreaterThanOrEqual(acked.reduce((sum, { op }) => sum + op.value, 0));
          expect(total).toBeLessThanOrEqual(incrs.reduce((sum, { op }) => sum + op.value, 0));

          const sadds = scenario.ops.map((op, i) => ({ op, i })).filter(({ op }) => op.f === 'sadd' && op.slot === slot);
          const members = (state[`set${slot}`]?.values[0] as number[] | undefined) ?? [];
          for (const { op, i } of sadds) {
            if (h.reply(`op${i}`)?.reply.outcome === 'ok') expect(members).toContain(op.value);
          }
          for (const member of members) expect(sadds.map(({ op }) => op.value)).toContain(member);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('is deterministic: the same scenario gives the same replies and states', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const snapshot = (h: Harness) =>
          JSON.stringify({
            states: NODES.map((id) => h.state(id)),
            replies: scenario.ops.map((_, i) => h.reply(`op${i}`) ?? null),
            trace: h.world.trace.events,
          });
        expect(snapshot(run(scenario))).toBe(snapshot(run(scenario)));
      }),
      { numRuns: 30 },
    );
  });
});
