import { describe, expect, test } from 'vitest';
import { checkLinearizable } from '../../../src/checker/linearizable/check.js';
import { validateScenario } from '../../../src/explore/validate-scenario.js';
import { registerModel } from '../../../src/models/register.js';
import { simulate, type Simulation } from '../../../src/run/simulate.js';
import { presetStore } from '../../../src/presets/build.js';
import type { Fault } from '../../../src/nemesis/fault.js';
import type { StoreConfig } from '../../../src/store/config.js';
import { storeEvents } from '../../../src/store/trace-events.js';
import { leaderlessStore } from '../../../src/store/leaderless/store.js';
import type { LeaderlessMessage, ReplicaWrite } from '../../../src/store/leaderless/messages.js';
import { intactSeal, sealMessage } from '../../../src/store/leaderless/seals.js';

/** Two clients writing and reading one key for ~600 ms of virtual time. */
function scenario(store: StoreConfig, faults: Fault[], seed = 5): Simulation {
  const ops = Array.from({ length: 40 }, (_, i) => ({
    process: i % 2, f: i % 2 === 0 ? 'write' : 'read', key: 'x', value: i % 2 === 0 ? i : null, atMs: 20 + i * 15,
  }));
  return { seed, store, clients: { count: 2 }, ops, faults, settleMs: 1500 };
}

const LL = presetStore('leaderless', { abd: true });
const LL_CHECKSUMS = presetStore('leaderless', { abd: true, checksums: true });

/** Every value a client read successfully. */
function readValues(history: ReturnType<typeof simulate>['history']): unknown[] {
  return history.filter((op) => op.type === 'ok' && op.f === 'read').map((op) => op.value);
}

const written = (value: unknown): boolean => value === null || (typeof value === 'number' && value < 40);

const write: ReplicaWrite = { kind: 'replica-write', opId: 'n1.a.7', key: 'x', state: { kind: 'tagged', tag: { c: 5, node: 'n1' }, value: 4 } };

const tools = { self: 'n1', node: () => undefined, random: () => 0.9 };

describe('leaderless corrupt-message', () => {
  test('alters both the value and the version of what a node sends', () => {
    const tamper = leaderlessStore({}).byzantine!.tamper['corrupt-message']!(tools);
    const [sent] = tamper('n2', structuredClone(write)) as ReplicaWrite[];
    expect(sent!.state.kind).toBe('tagged');
    const state = sent!.state as Extract<ReplicaWrite['state'], { kind: 'tagged' }>;
    expect(state.value).not.toBe(4);
    expect(state.tag.c).toBeGreaterThan(5);
  });

  test('without checksums, coordinators and replicas take the altered states, which win with their versions', () => {
    const faults: Fault[] = [{ kind: 'corrupt-message', atMs: 100, durationMs: 300, targets: ['n1'] }];
    const result = simulate(scenario(LL, faults));
    expect(readValues(result.history).some((value) => !written(value))).toBe(true);
  });

  test('with checksums, altered messages are dropped and the reads stay linearizable', () => {
    const faults: Fault[] = [{ kind: 'corrupt-message', atMs: 100, durationMs: 300, targets: ['n1'] }];
    const result = simulate(scenario(LL_CHECKSUMS, faults));
    expect(storeEvents(result.trace, ['corrupt-dropped']).filter((event) => event.detail.where === 'message').length).toBeGreaterThan(0);
    expect(readValues(result.history).every(written)).toBe(true);
    expect(checkLinearizable(result.history, registerModel()).valid).toBe(true);
  });
});

describe('leaderless message checksums', () => {
  test('cover every field, the op id included, so an old write under a new op id does not pass', () => {
    const sealed = sealMessage(write) as ReplicaWrite;
    expect(intactSeal(sealed)).toBe(true);
    expect(intactSeal({ ...sealed, opId: 'n1.a.9' })).toBe(false);
    expect(intactSeal({ ...sealed, state: { ...write.state, tag: { c: 6, node: 'n1' } } } as LeaderlessMessage)).toBe(false);
    expect(intactSeal(write)).toBe(false);
  });
});

describe('leaderless replay-old', () => {
  test('sends an older write of the same key under the new op id, with the old checksum', () => {
    const tamper = leaderlessStore({}).byzantine!.tamper['replay-old']!({ ...tools, random: () => 0.9 });
    const older = sealMessage(write) as ReplicaWrite;
    const newer = sealMessage({ ...write, opId: 'n1.a.8', state: { kind: 'tagged', tag: { c: 6, node: 'n1' }, value: 5 } }) as ReplicaWrite;
    tamper('n2', older);
    const [sent] = tamper('n2', newer) as ReplicaWrite[];
    expect(sent!.opId).toBe('n1.a.8');
    expect(sent!.state).toEqual(write.state);
    expect(intactSeal(sent!)).toBe(false);
  });

  test('without checksums, a write acknowledged by a replica that got an old one is missed by later reads', () => {
    const faults: Fault[] = [{ kind: 'replay-old', atMs: 50, durationMs: 550, targets: ['n1'] }];
    const results = [1, 2, 3, 4, 5].map((seed) => simulate(scenario(LL, faults, seed)));
    expect(results.some((result) => !checkLinearizable(result.history, registerModel()).valid)).toBe(true);
  });

  test('with checksums, the replayed writes are dropped and the histories stay linearizable', () => {
    const faults: Fault[] = [{ kind: 'replay-old', atMs: 50, durationMs: 550, targets: ['n1'] }];
    for (const seed of [1, 2, 3, 4, 5]) {
      const result = simulate(scenario(LL_CHECKSUMS, faults, seed));
      expect(checkLinearizable(result.history, registerModel()).valid).toBe(true);
    }
  });
});

describe('leaderless corrupt-disk', () => {
  // n2 goes down at 300 ms with rot in its records and restarts at 400 ms.
  const faults: Fault[] = [{ kind: 'corrupt-disk', atMs: 300, durationMs: 100, targets: ['n2'] }];

  /** The counter of each replica's tag of x. */
  const tagCounters = (result: ReturnType<typeof simulate>): number[] =>
    Object.values(result.replicaStates).map((state) => (state.x as { version: { c: number } }).version.c);

  test('without checksums, the rotten record is read back, and its pushed-up version spreads to every replica', () => {
    const result = simulate(scenario(LL, faults));
    expect(storeEvents(result.trace, ['corrupt-dropped'])).toEqual([]);
    expect(tagCounters(result).every((c) => c > 1 << 20)).toBe(true);
  });

  test('with checksums, the record is dropped, the key re-fetched from the other replicas, and nothing rotten is read', () => {
    const result = simulate(scenario(LL_CHECKSUMS, faults));
    expect(storeEvents(result.trace, ['corrupt-dropped']).map((event) => [event.node, event.detail.where, event.detail.key])).toEqual([['n2', 'disk', 'x']]);
    const [refetched] = storeEvents(result.trace, ['key-refetched']);
    expect(refetched?.node).toBe('n2');
    expect(refetched!.detail.from).toEqual(['n1', 'n3']);
    expect(readValues(result.history).every(written)).toBe(true);
    expect(checkLinearizable(result.history, registerModel()).valid).toBe(true);
    expect(tagCounters(result).every((c) => c < 1 << 20)).toBe(true);
    const values = Object.values(result.replicaStates).map((state) => JSON.stringify(state.x));
    expect(new Set(values).size).toBe(1);
  });
});

describe('leaderless equivocate and forge-epoch', () => {
  test('are refused in a schedule, naming the fault, the mode and why', () => {
    const base = { seed: 1, store: LL, workload: { workload: 'register', ops: 5, clients: 1, keys: 1 } };
    expect(() => validateScenario({ ...base, faults: [{ kind: 'forge-epoch', atMs: 0, durationMs: 10 }] }))
      .toThrow(/^faults\[0\]\.kind: forge-epoch cannot apply to a leaderless store: there is no leader and no epoch to claim/);
    expect(() => validateScenario({ ...base, faults: [{ kind: 'lie-read', atMs: 0, durationMs: 10 }, { kind: 'equivocate', atMs: 0, durationMs: 10 }] }))
      .toThrow(/^faults\[1\]\.kind: equivocate cannot apply to a leaderless store/);
    expect(validateScenario({ ...base, faults: [{ kind: 'corrupt-disk', atMs: 0, durationMs: 10 }] }).faults).toHaveLength(1);
  });
});
