import { describe, expect, test } from 'vitest';
import { validateScenario } from '../../../src/explore/validate-scenario.js';
import { simulate, type Simulation } from '../../../src/run/simulate.js';
import { presetStore } from '../../../src/presets/build.js';
import type { Fault } from '../../../src/nemesis/fault.js';
import type { StoreConfig } from '../../../src/store/config.js';
import { storeEvents } from '../../../src/store/trace-events.js';
import { multiLeaderStore } from '../../../src/store/multi-leader/store.js';
import type { ShipWrites } from '../../../src/store/multi-leader/messages.js';
import { intactWrite, sealWrite } from '../../../src/store/multi-leader/checksums.js';

/** Four clients writing and reading one key for ~600 ms of virtual time, two per datacenter leader. */
function scenario(store: StoreConfig, faults: Fault[], seed = 5): Simulation {
  const ops = Array.from({ length: 40 }, (_, i) => ({
    process: i % 4, f: i % 3 === 2 ? 'read' : 'write', key: 'x', value: i % 3 === 2 ? null : i, atMs: 20 + i * 15,
  }));
  return { seed, store, clients: { count: 4 }, ops, faults, settleMs: 1500 };
}

const ML = presetStore('multi-leader', { conflictResolution: 'siblings' });
const ML_CHECKSUMS = presetStore('multi-leader', { conflictResolution: 'siblings', checksums: true });

type Result = ReturnType<typeof simulate>;

const written = (value: unknown): boolean => typeof value === 'number' && value < 40;

/** Every value some replica holds for x at the end. */
function finalValues(result: Result): unknown[] {
  return Object.values(result.replicaStates).flatMap((state) => (state.x as { values: unknown[] } | undefined)?.values ?? []);
}

/** Every value an ok read returned (siblings spread out). */
function readValues(result: Result): unknown[] {
  return result.history.filter((op) => op.type === 'ok' && op.f === 'read').flatMap((op) => (Array.isArray(op.value) ? op.value : [op.value])).filter((value) => value !== null);
}

/** True when every node ends with the same data. */
function converged(result: Result): boolean {
  return new Set(Object.values(result.replicaStates).map((state) => JSON.stringify(state))).size === 1;
}

const write = { key: 'x', version: { vv: { 'dc1-n1': 1 }, stamp: { ts: 10, node: 'dc1-n1' }, datum: { kind: 'register' as const, value: 4 } }, origin: { node: 'dc1-n1', seq: 1 } };
const tools = { self: 'dc1-n1', node: () => undefined, random: () => 0.9 };

describe('multi-leader corrupt-message', () => {
  test('alters the value, the version vector and the timestamp of a shipped write', () => {
    const tamper = multiLeaderStore({}).byzantine!.tamper['corrupt-message']!(tools);
    const [sent] = tamper('dc2-n1', { kind: 'ml-ship', entries: [sealWrite(write)] }) as ShipWrites[];
    const version = sent!.entries[0]!.version;
    expect(version.datum).not.toEqual(write.version.datum);
    expect(version.vv['dc1-n1']).toBeGreaterThan(1);
    expect(version.stamp.ts).toBeGreaterThan(10);
    expect(intactWrite(sent!.entries[0]!)).toBe(false);
  });

  test('without checksums, peers and followers keep the altered write, whose version beats the real ones', () => {
    const result = simulate(scenario(ML, [{ kind: 'corrupt-message', atMs: 100, durationMs: 300, targets: ['dc1-n1'] }]));
    expect(finalValues(result).some((value) => !written(value))).toBe(true);
  });

  test('with checksums, altered writes are dropped and shipped again, and every replica converges on written values', () => {
    const result = simulate(scenario(ML_CHECKSUMS, [{ kind: 'corrupt-message', atMs: 100, durationMs: 300, targets: ['dc1-n1'] }]));
    expect(storeEvents(result.trace, ['corrupt-dropped']).length).toBeGreaterThan(0);
    expect(finalValues(result).every(written)).toBe(true);
    expect(readValues(result).every(written)).toBe(true);
    expect(converged(result)).toBe(true);
  });
});

describe('multi-leader replay-old', () => {
  const faults: Fault[] = [{ kind: 'replay-old', atMs: 50, durationMs: 550, targets: ['dc1-n1'] }];

  test('without checksums, an old write in a new write\'s slot keeps the new one from the other group', () => {
    const results = [1, 2, 3, 4, 5].map((seed) => simulate(scenario(ML, faults, seed)));
    expect(results.some((result) => !converged(result))).toBe(true);
  });

  test('with checksums, the replayed writes are dropped and shipped again as they were: every run converges', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const result = simulate(scenario(ML_CHECKSUMS, faults, seed));
      expect(converged(result)).toBe(true);
      expect(finalValues(result).every(written)).toBe(true);
    }
  });
});

describe('multi-leader corrupt-disk', () => {
  test('without checksums, a rotten entry is read back at restart and shown', () => {
    const result = simulate(scenario(ML, [{ kind: 'corrupt-disk', atMs: 300, durationMs: 100, targets: ['dc1-n2'] }]));
    expect(storeEvents(result.trace, ['corrupt-dropped'])).toEqual([]);
    expect(finalValues(result).some((value) => !written(value))).toBe(true);
  });

  test.each(['dc1-n2', 'dc1-n1'])('with checksums, %s takes the rotten entry again from its group before serving, and converges', (node) => {
    const result = simulate(scenario(ML_CHECKSUMS, [{ kind: 'corrupt-disk', atMs: 300, durationMs: 100, targets: [node] }]));
    expect(storeEvents(result.trace, ['corrupt-dropped']).map((event) => [event.node, event.detail.where])).toEqual([[node, 'disk']]);
    const [refetched] = storeEvents(result.trace, ['entry-refetched']);
    expect(refetched?.node).toBe(node);
    expect(refetched!.detail.from).toBe(node === 'dc1-n1' ? 'dc1-n2' : 'dc1-n1');
    expect(finalValues(result).every(written)).toBe(true);
    expect(readValues(result).every(written)).toBe(true);
    expect(converged(result)).toBe(true);
  });
});

describe('multi-leader corrupt-disk of a write no other node has yet', () => {
  test('with checksums, the leader finds the rot and refuses to serve from a log with a gap, rather than answer', () => {
    // dc1-n1 acknowledges the write at once and rots before its first shipment (every 20 ms).
    const ops = [
      { process: 0, f: 'write', key: 'x', value: 1, atMs: 1 },
      { process: 0, f: 'read', key: 'x', value: null, atMs: 60 },
      { process: 0, f: 'write', key: 'x', value: 2, atMs: 120 },
    ];
    const result = simulate({ seed: 5, store: ML_CHECKSUMS, clients: { count: 2 }, ops, faults: [{ kind: 'corrupt-disk', atMs: 5, durationMs: 10, targets: ['dc1-n1'] }], settleMs: 500 });
    expect(storeEvents(result.trace, ['corrupt-dropped']).map((event) => event.node)).toEqual(['dc1-n1']);
    expect(storeEvents(result.trace, ['entry-refetched'])).toEqual([]);
    // The write acknowledged before the rot, then the read and the write refused while the gap stays.
    const completions = result.history.filter((op) => op.type !== 'invoke' && op.process === 0);
    expect(completions.map((op) => [op.f, op.type])).toEqual([['write', 'ok'], ['read', 'fail'], ['write', 'fail']]);
    expect(result.replicaStates['dc1-n1']).toEqual({});
  });
});

describe('multi-leader equivocate and lie-read', () => {
  test('an equivocating leader splits its followers from the other group, checksums or not', () => {
    for (const store of [ML, ML_CHECKSUMS]) {
      // Writes by one client to dc1-n1 only, all made while it equivocates, so that nothing honest supersedes the two versions.
      const simulation = scenario(store, [{ kind: 'equivocate', atMs: 10, durationMs: 600, targets: ['dc1-n1'] }]);
      // (A fault ends with the workload: a last read at 600 ms keeps it on while the writes replicate.)
      const ops = [...simulation.ops!.slice(0, 30).map((op, i) => ({ ...op, process: 0, atMs: 20 + i * 8 })), { process: 0, f: 'read', key: 'x', value: null, atMs: 600 }];
      const result = simulate({ ...simulation, ops });
      expect(converged(result)).toBe(false);
      expect(finalValues(result).some((value) => !written(value))).toBe(true);
    }
  });

  test('a lying node answers reads with values nobody wrote, checksums or not', () => {
    for (const store of [ML, ML_CHECKSUMS]) {
      const result = simulate(scenario(store, [{ kind: 'lie-read', atMs: 50, durationMs: 550, targets: ['dc1-n1'] }]));
      expect(readValues(result).some((value) => !written(value))).toBe(true);
    }
  });

  test('forge-epoch is refused in a schedule: leaders are fixed', () => {
    const base = { seed: 1, store: ML, workload: { workload: 'register', ops: 5, clients: 1, keys: 1 } };
    expect(() => validateScenario({ ...base, faults: [{ kind: 'forge-epoch', atMs: 0, durationMs: 10 }] }))
      .toThrow(/^faults\[0\]\.kind: forge-epoch cannot apply to a multi-leader store: leaders are fixed/);
  });
});
