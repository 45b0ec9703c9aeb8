import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { antiEntropyUsage, checkConvergence, settleWindow } from '../../src/checker/convergence.js';
import { simulate, type Simulation } from '../../src/run/simulate.js';
import { PRESETS } from '../../src/presets/index.js';
import type { TraceEvent } from '../../src/sim/trace.js';
import type { ReplicaState } from '../../src/store/definition.js';
import { HistoryBuilder } from './support/history.js';

const tag = (c: number, node = 'n1') => ({ c, node });

describe('checkConvergence', () => {
  it('passes when every replica holds the same values and versions (sibling order aside)', () => {
    const verdict = checkConvergence({
      n1: { x: { values: [1], version: tag(3) }, y: { values: ['a', 'b'], version: [{ n1: 1 }, { n2: 1 }] } },
      n2: { x: { values: [1], version: tag(3) }, y: { values: ['b', 'a'], version: [{ n1: 1 }, { n2: 1 }] } },
    });
    expect(verdict.valid).toBe(true);
    expect(verdict.detail).toMatchObject({ keys: 2, replicas: ['n1', 'n2'], divergentCount: 0 });
  });

  it('names each divergent key with every replica\'s value and version', () => {
    const verdict = checkConvergence({
      n1: { x: { values: [2], version: tag(5) }, y: { values: [0], version: tag(1) } },
      n2: { x: { values: [1], version: tag(3) }, y: { values: [0], version: tag(1) } },
      n3: { x: { values: [2], version: tag(5) }, y: { values: [0], version: tag(1) } },
    });
    expect(verdict).toMatchObject({ valid: false, anomaly: 'divergence' });
    expect(verdict.detail!.divergent).toEqual([{
      key: 'x', differs: 'values', states: 2,
      replicas: { n1: { values: [2], version: tag(5) }, n2: { values: [1], version: tag(3) }, n3: { values: [2], version: tag(5) } },
    }]);
    expect(verdict.reason).toContain('1 of 2 keys diverge');
    expect(verdict.reason).toContain('n2 has [1]');
  });

  it('tells a difference of versions alone, and a key missing on one replica', () => {
    const versions = checkConvergence({ n1: { x: { values: [1], version: tag(3, 'n1') } }, n2: { x: { values: [1], version: tag(3, 'n2') } } });
    expect(versions.detail!.divergent[0]!.differs).toBe('versions');
    const missing = checkConvergence({ n1: { x: { values: [1], version: tag(3) } }, n2: {} });
    expect(missing.detail!.divergent[0]).toMatchObject({ differs: 'missing', replicas: { n1: { values: [1] }, n2: null } });
  });

  it('compares only the replicas meant to hold a key, when told which', () => {
    const states: Record<string, ReplicaState> = {
      n1: { x: { values: [1], version: tag(3) } },
      n2: { x: { values: [1], version: tag(3) } },
      n3: {},
    };
    const replicasOf = (key: string) => (key === 'x' ? ['n1', 'n2'] : ['n3']);
    expect(checkConvergence(states, { replicasOf }).valid).toBe(true);
    // A preference-list replica that lacks the key is divergence; a dead one (no state) is not compared.
    expect(checkConvergence(states, { replicasOf: () => ['n1', 'n3'] }).valid).toBe(false);
    expect(checkConvergence(states, { replicasOf: () => ['n1', 'n2', 'n9'] }).valid).toBe(true);
  });

  it('reports settle time and what anti-entropy spent', () => {
    const trace: TraceEvent[] = [
      { timeMs: 10, kind: 'custom', node: 'n1', name: 'merkle-step', detail: JSON.stringify({ role: 'initiator', bytes: 40 }) },
      { timeMs: 11, kind: 'custom', node: 'n2', name: 'merkle-step', detail: JSON.stringify({ role: 'responder', bytes: 30 }) },
      { timeMs: 12, kind: 'custom', node: 'n1', name: 'merkle-exchange', detail: JSON.stringify({ role: 'initiator', keysSent: ['x'], bytes: 90 }) },
      { timeMs: 13, kind: 'custom', node: 'n2', name: 'merkle-exchange', detail: JSON.stringify({ role: 'responder', keysSent: [], bytes: 50 }) },
      { timeMs: 13, kind: 'custom', node: 'n2', name: 'anti-entropy-repair', detail: JSON.stringify({ peer: 'n1', keys: ['x'] }) },
    ];
    const usage = antiEntropyUsage(trace);
    expect(usage).toEqual({ exchanges: 1, messages: 4, bytes: 210, keysSent: 1, keysRepaired: 1 });
    const history = new HistoryBuilder().at(5).nemesis('healAll').ops;
    expect(settleWindow(history, trace, 1005)).toEqual({ healAtMs: 5, settleTimeMs: 1000, lastRepairAfterHealMs: 8 });
    const verdict = checkConvergence({ n1: {}, n2: {} }, { settleTimeMs: 1000, antiEntropy: usage });
    expect(verdict.detail).toMatchObject({ settleTimeMs: 1000, antiEntropy: usage });
    expect(verdict.reason).toContain('1000 ms after the final heal');
  });

  it('agrees with itself: copies converge, and changing one replica\'s value diverges (property)', () => {
    const stateArb = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.record({ values: fc.array(fc.integer(), { minLength: 1, maxLength: 2 }), version: fc.nat() }), { minKeys: 1 });
    fc.assert(
      fc.property(stateArb, fc.integer({ min: 2, max: 4 }), (state, copies) => {
        const states = Object.fromEntries(Array.from({ length: copies }, (_, i) => [`n${i}`, structuredClone(state)]));
        expect(checkConvergence(states).valid).toBe(true);
        const [key, value] = Object.entries(state)[0]!;
        states.n0![key] = { ...value, values: [...value.values, 'changed'] };
        expect(checkConvergence(states).detail!.divergent.map((d) => d.key)).toEqual([key]);
      }),
    );
  });
});

describe('checkConvergence on simulated runs', () => {
  const cutOffN3: Simulation['faults'] = [{ kind: 'partition-one', atMs: 1, durationMs: 299, targets: ['n3'] }];
  const writes = Array.from({ length: 5 }, (_, i) => ({ process: 0, f: 'write', key: 'x', value: i + 1, atMs: 10 + i * 20 }));

  it('finds replicas that nothing repairs after the heal (no read repair, hints or anti-entropy)', () => {
    const run = simulate({ seed: 3, store: PRESETS['ll-no-repair']!.store, clients: { count: 1 }, ops: writes, faults: cutOffN3 });
    const verdict = checkConvergence(run.replicaStates);
    expect(verdict.valid).toBe(false);
    expect(verdict.detail!.divergent[0]!.replicas.n3?.values ?? null).not.toEqual(verdict.detail!.divergent[0]!.replicas.n1!.values);
  });

  it('passes once anti-entropy has repaired the replica that missed the writes', () => {
    const store = structuredClone(PRESETS['ll-no-repair']!.store) as { leaderless: { antiEntropy: unknown } };
    store.leaderless.antiEntropy = { enabled: true, intervalMs: 100, treeDepth: 3 };
    const run = simulate({ seed: 3, store: store as never, clients: { count: 1 }, ops: writes, faults: cutOffN3, settleMs: 2000 });
    const usage = antiEntropyUsage(run.trace);
    const verdict = checkConvergence(run.replicaStates, { antiEntropy: usage });
    expect(verdict.valid).toBe(true);
    expect(usage.keysRepaired).toBeGreaterThan(0);
    expect(usage.bytes).toBeGreaterThan(0);
  });
});
