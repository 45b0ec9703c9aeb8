import { describe, expect, test } from 'vitest';
import { simulate } from '../../src/run/simulate.js';
import { validateClientPolicy } from '../../src/client/policy.js';
import { BENIGN_FAULT_KINDS, FAULT_KINDS, PERMANENT_FAULT_KINDS, REGION_FAULT_KINDS, type Fault, type FaultKind } from '../../src/nemesis/fault.js';
import { findPreset, PRESETS, presetNames } from '../../src/presets/index.js';
import { createStore, validateStoreConfig } from '../../src/store/config.js';
import { WORKLOADS } from '../../workloads/index.js';

const REQUIRED = [
  'sl-majority', 'sl-async', 'sl-no-fencing', 'sl-follower-reads', 'sl-lease-skew', 'sl-statement',
  'ml-lww', 'ml-vv', 'll-abd', 'll-quorum', 'll-weak', 'll-sloppy', 'll-no-repair',
  'client-no-idempotency', 'fd-aggressive',
];

/** A uniform generator from a seed, so the preset runs are reproducible. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('the preset catalogue', () => {
  test('holds every preset the issue names, each under its own name, with its promise and its expected failure', () => {
    expect(presetNames()).toEqual(expect.arrayContaining(REQUIRED));
    for (const name of presetNames()) {
      const preset = PRESETS[name]!;
      expect(preset.name).toBe(name);
      for (const text of [preset.summary, preset.promises, preset.expectedToBreak]) expect(text.length).toBeGreaterThan(10);
      expect(preset.safe).toBe(preset.expectedAnomaly === undefined);
    }
  });

  test('the crash-tolerant safe presets are sl-majority and ll-abd, exercised by every kind but the byzantine and region ones', () => {
    // The hot standby is safe too, but promises it only through the loss of its primary (the kinds it lists).
    const standbys = ['sl-standby-hot'];
    const safe = presetNames().filter((name) => PRESETS[name]!.safe && !standbys.includes(name) && PRESETS[name]!.faultKinds.every((kind) => BENIGN_FAULT_KINDS.includes(kind)));
    expect(safe).toEqual(['sl-majority', 'll-abd']);
    for (const name of standbys) expect(PRESETS[name]!.faultKinds).toEqual(expect.arrayContaining(['crash-leader', 'partition-leader']));
    // A destroyed region keeps no copy: no store inside one region can promise durability through it.
    for (const kind of REGION_FAULT_KINDS) expect(BENIGN_FAULT_KINDS).not.toContain(kind);
    expect(BENIGN_FAULT_KINDS).toContain('discovery');
    for (const name of safe) expect(PRESETS[name]!.faultKinds).toEqual([...BENIGN_FAULT_KINDS]);
  });

  test.each(presetNames())('%s: its store config is complete and valid, its workload and fault kinds exist', (name) => {
    const preset = PRESETS[name]!;
    expect(validateStoreConfig(preset.store)).toEqual(preset.store);
    expect(() => createStore(preset.store)).not.toThrow();
    expect(WORKLOADS[preset.workload.workload]).toBeDefined();
    expect(preset.faultKinds.length).toBeGreaterThan(0);
    for (const kind of preset.faultKinds) expect(FAULT_KINDS).toContain(kind);
  });

  test.each(presetNames())('%s: runs through simulate with its workload and every one of its fault kinds', (name) => {
    const preset = PRESETS[name]!;
    const workload = WORKLOADS[preset.workload.workload]!;
    const spec = { ops: 40, clients: 3, keys: 2, ...preset.workload };
    const store = createStore(preset.store);
    // A permanent kind destroys its targets for good: one node, so the run still has a store to read.
    const destroyed = preset.faultKinds.some((kind) => PERMANENT_FAULT_KINDS.includes(kind)) ? [store.nodeIds[0]!] : [];
    const targetsOf = (kind: FaultKind) => (PERMANENT_FAULT_KINDS.includes(kind) ? destroyed : [...store.nodeIds].reverse());
    const faults: Fault[] = preset.faultKinds.map((kind, i) => ({ kind, atMs: 10 + i * 20, durationMs: 60, targets: targetsOf(kind) }));
    const result = simulate({
      seed: 1, store: preset.store, clients: { count: spec.clients, policy: preset.client }, verbs: workload.verbs,
      ops: workload.generate(spec, seeded(1)), faults, trace: { messages: false },
    });
    expect(result.history.filter((op) => op.process !== 'nemesis' && op.type === 'invoke')).toHaveLength(spec.ops);
    const starts = result.history.filter((op) => op.process === 'nemesis' && op.f.startsWith('start-'));
    const stops = result.history.filter((op) => op.process === 'nemesis' && op.f.startsWith('stop-'));
    expect(stops.length).toBe(starts.length);
    expect(Object.keys(result.replicaStates)).toEqual(store.nodeIds.filter((id) => !destroyed.includes(id)));
  });

  test.each(presetNames())('%s: carries a complete client policy beside its store', (name) => {
    const preset = PRESETS[name]!;
    expect(validateClientPolicy(preset.client)).toEqual(preset.client);
    expect('client' in preset.store).toBe(false);
  });

  test('findPreset gives a copy the caller may change', () => {
    const copy = findPreset('sl-majority')!;
    (copy.store as { mode: string }).mode = 'leaderless';
    expect(PRESETS['sl-majority']!.store.mode).toBe('single-leader');
    expect(findPreset('nope')).toBeUndefined();
    expect(findPreset('toString')).toBeUndefined();
  });
});
