import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import type { Operation } from '../../../src/history/operation.js';
import { checkLinearizable } from '../../../src/checker/index.js';
import { casRegisterModel } from '../../../src/models/cas-register.js';
import { cluster, type RequestRecord } from './support/cluster.js';

const NODES = ['n1', 'n2', 'n3'];

/** One fault of a random schedule. */
type Fault =
  | { atMs: number; kind: 'isolate'; node: number }
  | { atMs: number; kind: 'one-way'; from: number; to: number }
  | { atMs: number; kind: 'heal' }
  | { atMs: number; kind: 'crash'; node: number }
  | { atMs: number; kind: 'restart-all' }
  | { atMs: number; kind: 'pause'; node: number; durationMs: number };

const node = fc.integer({ min: 0, max: 2 });
const atMs = fc.integer({ min: 100, max: 3_500 });
const fault: fc.Arbitrary<Fault> = fc.oneof(
  fc.record({ atMs, kind: fc.constant('isolate' as const), node }),
  fc.record({ atMs, kind: fc.constant('one-way' as const), from: node, to: node }),
  fc.record({ atMs, kind: fc.constant('heal' as const) }),
  fc.record({ atMs, kind: fc.constant('crash' as const), node }),
  fc.record({ atMs, kind: fc.constant('restart-all' as const) }),
  fc.record({ atMs, kind: fc.constant('pause' as const), node, durationMs: fc.integer({ min: 50, max: 800 }) }),
);

/** One client op of the workload: a read, a write of a unique value, or a cas. */
const clientOp = fc.record({
  atMs: fc.integer({ min: 50, max: 4_000 }),
  node,
  f: fc.constantFrom('read', 'write', 'cas'),
  expected: fc.integer({ min: 0, max: 5 }),
});

function apply(c: ReturnType<typeof cluster>, f: Fault): void {
  const { world } = c;
  switch (f.kind) {
    case 'isolate': {
      const others = NODES.filter((_, i) => i !== f.node);
      return world.partitionGroups([[NODES[f.node]!], others]);
    }
    case 'one-way':
      if (f.from !== f.to) world.blockLink(NODES[f.from]!, NODES[f.to]!);
      return;
    case 'heal':
      return world.heal();
    case 'crash':
      world.crash(NODES[f.node]!);
      return;
    case 'restart-all':
      for (const id of NODES) world.restart(id);
      return;
    case 'pause':
      return world.pause(NODES[f.node]!, f.durationMs);
  }
}

/** The client's requests as operations for the checker; a redirect without a leader or a 'fail' never happened. */
function operations(requests: readonly RequestRecord[]): Operation[] {
  const ops: Operation[] = [];
  for (const request of requests) {
    const final = request.final;
    if (final?.outcome === 'fail' || final?.outcome === 'redirect') continue;
    const known = final?.outcome === 'ok';
    // Doubling keeps the order; the odd ret makes ops ending and starting at one instant overlap.
    ops.push({
      id: ops.length,
      process: ops.length,
      call: request.sentAtMs * 2,
      ret: known ? request.answeredAtMs! * 2 + 1 : Infinity,
      input: { f: request.f, value: request.value },
      output: { known, value: known ? final!.value : null },
      invokeIndex: ops.length,
    });
  }
  return ops;
}

test.prop(
  [fc.array(fault, { maxLength: 8 }), fc.array(clientOp, { minLength: 20, maxLength: 60 }), fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom('wal', 'statement', 'row'), fc.constantFrom('leader', 'lease')],
  { numRuns: 40 },
)('majority acks + fencing + confirmed leader or lease reads (honest clocks) stay linearizable under crashes, partitions, pauses and loss', (faults, ops, seed, replication, reads) => {
  const c = cluster(
    { acks: 'majority', fencing: true, reads: reads as 'leader', replication: replication as 'wal', requestTimeoutMs: 1_000 },
    { seed, network: { latencyMs: { kind: 'uniform', min: 1, max: 10 }, lossProbability: 0.02 } },
  );
  for (const f of faults) c.at(f.atMs, () => apply(c, f));
  c.at(4_200, () => {
    c.world.heal();
    for (const id of NODES) c.world.restart(id);
  });
  ops.forEach((op, i) => {
    c.at(op.atMs, () => {
      const to = NODES[op.node]!;
      if (op.f === 'read') c.client().send(to, 'read', 'x', null);
      else if (op.f === 'write') c.client().send(to, 'write', 'x', i);
      else c.client().send(to, 'cas', 'x', [op.expected, i]);
    });
  });
  c.world.runUntil(8_000);

  const requests = c.client().requests;
  const result = checkLinearizable(operations(requests), casRegisterModel({ init: null }), { timeoutMs: 20_000 });
  expect(result.valid, JSON.stringify(result.detail.failures[0] ?? {}, null, 1)).toBe(true);
  // After the faults stop, the replicas converge.
  const states = c.states();
  expect(states.n2).toEqual(states.n1);
  expect(states.n3).toEqual(states.n1);
});
