import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultLeaderlessConfig, type LeaderlessConfigInput } from '../../../src/store/leaderless/config.js';
import { HashRing } from '../../../src/store/shared/hash-ring.js';
import { Harness } from './support/harness.js';

const NODE_COUNT = 4;
const ring = new HashRing(Array.from({ length: NODE_COUNT }, (_, i) => `n${i + 1}`), defaultLeaderlessConfig().vnodes);
const nodeIds = Array.from({ length: NODE_COUNT }, (_, i) => `n${i + 1}`);

const configs: fc.Arbitrary<LeaderlessConfigInput> = fc
  .record({
    w: fc.integer({ min: 1, max: 3 }),
    r: fc.integer({ min: 1, max: 3 }),
    versioning: fc.constantFrom('lww' as const, 'vv' as const),
    abd: fc.boolean(),
    readRepair: fc.boolean(),
    hintedHandoff: fc.boolean(),
    sloppyQuorum: fc.boolean(),
    contacted: fc.boolean(),
  })
  .map((c) => ({
    nodes: NODE_COUNT,
    n: 3,
    w: c.w,
    r: c.r,
    versioning: c.versioning,
    abd: c.abd && c.versioning === 'lww',
    readRepair: c.readRepair,
    hintedHandoff: c.hintedHandoff || c.sloppyQuorum,
    sloppyQuorum: c.sloppyQuorum,
    coordinator: c.contacted && c.versioning === 'lww' ? ('contacted' as const) : ('preference-list' as const),
    antiEntropy: { enabled: true, intervalMs: 100, treeDepth: 3 },
  }));

const node = fc.constantFrom(...nodeIds);
const ops = fc.array(
  fc.record({
    atMs: fc.integer({ min: 0, max: 2_000 }),
    node,
    f: fc.constantFrom('read', 'write', 'cas', 'append', 'incr', 'sadd'),
    key: fc.constantFrom('a', 'b', 'c', 'd'),
    arg: fc.integer({ min: 0, max: 3 }),
    idempotent: fc.boolean(),
  }),
  { maxLength: 40 },
);
const faults = fc.array(
  fc.record({
    atMs: fc.integer({ min: 0, max: 2_000 }),
    kind: fc.constantFrom('crash', 'restart', 'isolate', 'heal', 'skew', 'fill-disk', 'free-disk', 'loss'),
    node,
    amount: fc.integer({ min: -5_000, max: 5_000 }),
  }),
  { maxLength: 12 },
);

function argumentFor(f: string, arg: number): unknown {
  if (f === 'cas') return [arg, arg + 1];
  if (f === 'append') return `${arg}`;
  if (f === 'write' || f === 'incr' || f === 'sadd') return arg;
  return null;
}

describe('leaderless store under random faults', () => {
  it('never throws, answers every request that reaches a live node, and converges once faults stop', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), configs, ops, faults, (seed, config, opList, faultList) => {
        const h = new Harness(config, { seed });
        const { world } = h;
        const sent: Array<{ requestId: string; node: string }> = [];
        opList.forEach((op, i) => {
          world.schedule(op.atMs, `op ${i}`, () => {
            if (!world.isUp(op.node)) return;
            const key = (op.f === 'append' ? 'log-' : op.f === 'incr' ? 'count-' : op.f === 'sadd' ? 'set-' : '') + op.key;
            const requestId = h.send(op.node, op.f, key, argumentFor(op.f, op.arg), op.idempotent ? `op-${i}` : undefined);
            sent.push({ requestId, node: op.node });
          });
        });
        for (const fault of faultList) {
          world.schedule(fault.atMs, fault.kind, () => {
            if (fault.kind === 'crash') world.crash(fault.node);
            else if (fault.kind === 'restart') world.restart(fault.node);
            else if (fault.kind === 'isolate') h.isolate(fault.node);
            else if (fault.kind === 'heal') world.heal();
            else if (fault.kind === 'skew') world.setClockOffset(fault.node, fault.amount);
            else if (fault.kind === 'fill-disk') world.fillDisk(fault.node);
            else if (fault.kind === 'free-disk') world.freeDisk(fault.node);
            else world.setLoss(0.2);
          });
        }
        world.runUntil(2_500);
        // Faults stop: everything heals and comes back.
        world.heal();
        world.setLoss(0);
        for (const id of nodeIds) {
          world.restart(id);
          world.freeDisk(id);
          world.resetClock(id);
        }
        world.runUntil(8_000);

        // A request whose node stayed up until it answered always got an answer.
        const crashes = faultList.filter((f) => f.kind === 'crash').map((f) => f.node);
        const lossy = faultList.some((f) => f.kind === 'loss');
        for (const { requestId, node: id } of sent) {
          if (!crashes.includes(id) && !lossy) expect(h.reply(requestId)).toBeDefined();
        }
        // Every key that exists is held by exactly its owners, and they agree.
        const keys = new Set(nodeIds.flatMap((id) => Object.keys(h.state(id))));
        for (const key of keys) {
          const holders = nodeIds.filter((id) => h.state(id)[key] !== undefined);
          expect(holders.sort()).toEqual(ring.preferenceList(key, 3).sort());
          for (const id of holders) expect(h.state(id)[key]).toEqual(h.state(holders[0]!)[key]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic: the same seed and schedule give the same trace and states', () => {
    const run = () => {
      const antiEntropy = { enabled: true, intervalMs: 50, treeDepth: 3 };
      const h = new Harness({ nodes: 4, n: 3, w: 2, r: 2, versioning: 'vv', sloppyQuorum: true, antiEntropy }, { seed: 99 });
      h.world.schedule(20, 'isolate', () => h.isolate('n2'));
      h.world.schedule(300, 'heal', () => h.world.heal());
      for (let i = 0; i < 20; i++) {
        h.world.schedule(i * 15, `op ${i}`, () => h.send(`n${(i % 4) + 1}`, i % 3 ? 'incr' : 'write', `k${i % 5}`, i));
      }
      h.world.runUntil(1_500);
      return { trace: JSON.stringify(h.world.trace.events), states: JSON.stringify(nodeIds.map((id) => h.state(id))) };
    };
    const first = run();
    expect(run()).toEqual(first);
    expect(first.trace).toContain('merkle-exchange');
    expect(first.trace).toContain('hint-delivered');
  });
});
