import { describe, expect, it } from 'vitest';
import { cutAfterFailure, dropClients, dropFaults, fewerNodes, removeOpChunks, shortenFaults, truncateOps } from '../../../src/explore/_internals/shrink-passes.js';
import { smallerStores } from '../../../src/explore/_internals/shrink-store.js';
import { smallerValues } from '../../../src/explore/_internals/shrink-values.js';
import type { Scenario } from '../../../src/run/scenario.js';
import { runScenario } from '../../../src/run/run-scenario.js';
import { validateStoreConfig } from '../../../src/store/config.js';
import { PRESETS } from '../../../src/presets/index.js';

const ops = [
  { process: 0, f: 'write', key: 'k0', value: 7, atMs: 0 },
  { process: 2, f: 'read', key: 'k0', value: null, atMs: 5 },
  { process: 0, f: 'cas', key: 'k0', value: [7, 12], atMs: 9 },
  { process: 2, f: 'write', key: 'k0', value: 30, atMs: 20 },
];
const scenario: Scenario = {
  seed: 1,
  store: PRESETS['sl-majority']!.store,
  workload: { workload: 'cas-register', ops: 4, clients: 3, keys: 1 },
  ops,
  faults: [
    { kind: 'crash-one', atMs: 1, durationMs: 40, targets: ['n3'] },
    { kind: 'loss', atMs: 2, durationMs: 9, targets: ['n1', 'n3'], params: { probability: 0.5 } },
  ],
};

describe('shrink passes', () => {
  it('dropFaults offers no faults, then each one left out', () => {
    expect([...dropFaults(scenario)].map((s) => s.faults.map((f) => f.kind))).toEqual([[], ['crash-one'], ['loss']]);
  });

  it('truncateOps offers prefixes 1, 2 and n-1, keeping the op count in step', () => {
    const candidates = [...truncateOps(scenario)];
    expect(candidates.map((s) => s.ops!.length)).toEqual([1, 2, 3]);
    expect(candidates.map((s) => s.workload.ops)).toEqual([1, 2, 3]);
  });

  it('removeOpChunks removes halves, then single ops', () => {
    const removed = [...removeOpChunks(scenario)].map((s) => ops.filter((op) => !s.ops!.includes(op)).map((op) => ops.indexOf(op)));
    expect(removed).toEqual([[2, 3], [0, 1], [3], [2], [1], [0]]);
  });

  it('dropClients renumbers clients densely, then drops each client', () => {
    const [dense, ...dropped] = [...dropClients(scenario)];
    expect(dense!.workload.clients).toBe(2);
    expect(dense!.ops!.map((op) => op.process)).toEqual([0, 1, 0, 1]);
    expect(dropped.map((s) => s.ops!.map((op) => op.f))).toEqual([['write', 'cas'], ['read', 'write']]);
    expect(dropped.every((s) => s.workload.clients === 1 && s.ops!.every((op) => op.process === 0))).toBe(true);
  });

  it('fewerNodes drops the last node and the targets (and faults) that named it', () => {
    const [smaller] = [...fewerNodes(scenario)];
    expect(smaller!.store).toMatchObject({ singleLeader: { nodes: 2 } });
    expect(smaller!.faults).toEqual([{ ...scenario.faults[1], targets: ['n1'] }]);
  });

  it('shortenFaults halves durations, then drops a target of multi-target kinds', () => {
    const candidates = [...shortenFaults(scenario)];
    expect(candidates.map((s) => s.faults.map((f) => f.durationMs))).toEqual([[20, 9], [40, 4], [40, 9], [40, 9]]);
    expect(candidates.slice(2).map((s) => s.faults[1]!.targets)).toEqual([['n1'], ['n3']]);
  });

  it('smallerValues renumbers values in order of appearance, keeping equal values equal', () => {
    const [smaller] = [...smallerValues(scenario)];
    expect(smaller!.ops!.map((op) => op.value)).toEqual([1, null, [1, 2], 3]);
    expect([...smallerValues(smaller!)]).toEqual([]);
  });

  it('smallerStores only offers stores the store validation accepts', () => {
    const stores = [PRESETS['ll-quorum']!.store, PRESETS['ml-lww']!.store, PRESETS['sl-async']!.store];
    for (const store of stores) {
      const smaller = [...smallerStores(store)];
      expect(smaller.length).toBeGreaterThan(0);
      for (const candidate of smaller) expect(() => validateStoreConfig(candidate)).not.toThrow();
    }
  });
});

describe('cutAfterFailure', () => {
  it('leaves out the ops and faults that start after the failing op completed, and the run still fails alike', () => {
    const stale: Scenario = {
      seed: 1,
      store: PRESETS['ll-weak']!.store,
      workload: { workload: 'register', ops: 4, clients: 2, keys: 1 },
      ops: [
        { process: 0, f: 'write', key: 'k0', value: 1, atMs: 0 },
        { process: 1, f: 'read', key: 'k0', value: null, atMs: 11 },
        { process: 0, f: 'write', key: 'k0', value: 2, atMs: 500 },
        { process: 1, f: 'read', key: 'k0', value: null, atMs: 600 },
      ],
      faults: [
        { kind: 'partition-one', atMs: 0, durationMs: 100, targets: ['n1'] },
        { kind: 'crash-one', atMs: 550, durationMs: 100, targets: ['n2'] },
      ],
    };
    const failing = runScenario(stale);
    expect(failing.verdict.valid).toBe(false);
    const [cut] = [...cutAfterFailure(stale, failing)];
    expect(cut!.ops).toEqual(stale.ops!.slice(0, 2));
    expect(cut!.faults).toEqual(stale.faults.slice(0, 1));
    expect(runScenario(cut!).verdict).toMatchObject({ valid: false, anomaly: failing.verdict.anomaly });
    expect([...cutAfterFailure(cut!, runScenario(cut!))]).toEqual([]);
  });
});
