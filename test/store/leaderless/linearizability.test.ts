import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkLinearizable } from '../../../src/checker/linearizable/check.js';
import { registerModel } from '../../../src/models/register.js';
import type { NodeContext } from '../../../src/sim/node.js';
import { World } from '../../../src/sim/world.js';
import { leaderlessStore } from '../../../src/store/leaderless/store.js';
import type { ClientMessage } from '../../../src/store/protocol.js';
import { HistoryRecorder, ScriptedClient, type ScriptedOp } from './support/scripted-clients.js';

const NODES = ['n1', 'n2', 'n3'];
const CLIENTS = 4;

const scripts = fc.array(
  fc.array(
    fc.record({ node: fc.constantFrom(...NODES), write: fc.boolean(), value: fc.integer({ min: 1, max: 1_000 }) }).map(
      (s): ScriptedOp => ({ node: s.node, f: s.write ? 'write' : 'read', key: 'x', value: s.write ? s.value : null }),
    ),
    { minLength: 1, maxLength: 8 },
  ),
  { minLength: CLIENTS, maxLength: CLIENTS },
);

interface Fault {
  atMs: number;
  node: string;
  kind: 'isolate' | 'heal' | 'crash' | 'restart';
}

const faults = fc.array(
  fc.record({
    atMs: fc.integer({ min: 0, max: 300 }),
    node: fc.constantFrom(...NODES),
    kind: fc.constantFrom<Fault['kind']>('isolate', 'heal', 'crash', 'restart'),
  }),
  { maxLength: 6 },
);

/** Several clients share one register while node clocks are offset, links cut and nodes crashed. */
function runRegister(abd: boolean, seed: number, offsetsMs: number[], clientScripts: ScriptedOp[][], faultList: Fault[] = []) {
  const store = leaderlessStore({ nodes: 3, n: 3, w: 2, r: 2, abd, coordinator: 'contacted' });
  const world = new World({ seed, network: { latencyMs: { kind: 'uniform', min: 1, max: 20 } } });
  for (const id of store.nodeIds) world.addNode(id, store.factory, { kind: 'store' });
  const history = new HistoryRecorder();
  clientScripts.forEach((script, i) => {
    const factory = (ctx: NodeContext<ClientMessage>) => new ScriptedClient(ctx, i, CLIENTS, script, history, 10);
    world.addNode(`c${i}`, factory as never, { kind: 'client' });
  });
  offsetsMs.forEach((offset, i) => world.setClockOffset(NODES[i]!, offset));
  for (const fault of faultList) {
    world.schedule(fault.atMs, fault.kind, () => {
      const others = NODES.filter((id) => id !== fault.node);
      if (fault.kind === 'isolate') world.partition(others.flatMap((id): Array<[string, string]> => [[id, fault.node], [fault.node, id]]));
      else if (fault.kind === 'heal') world.heal();
      else if (fault.kind === 'crash') world.crash(fault.node);
      else world.restart(fault.node);
    });
  }
  world.runUntil(10_000);
  return checkLinearizable(history.ops, registerModel({ init: null }));
}

describe('leaderless linearizability of a multi-writer register', () => {
  it('ABD stays linearizable under any clock skew, partitions and crashes', () => {
    const offsets = fc.array(fc.integer({ min: -5_000, max: 5_000 }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), offsets, scripts, faults, (seed, offsetsMs, clientScripts, faultList) => {
        expect(runRegister(true, seed, offsetsMs, clientScripts, faultList).valid).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('LWW does not: with skewed clocks, some runs are not linearizable', () => {
    const runs = fc.sample(fc.tuple(fc.integer({ min: 1, max: 1_000_000 }), scripts), { numRuns: 30, seed: 7 });
    const verdicts = runs.map(([seed, clientScripts]) => runRegister(false, seed, [2_000, 0, -2_000], clientScripts).valid);
    expect(verdicts).toContain(false);
    expect(verdicts).toContain(true);
  });
});
