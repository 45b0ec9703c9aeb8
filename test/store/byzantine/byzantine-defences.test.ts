import { describe, expect, test } from 'vitest';
import { checkLinearizable } from '../../../src/checker/linearizable/check.js';
import { casRegisterModel } from '../../../src/models/cas-register.js';
import { simulate, type Simulation } from '../../../src/run/simulate.js';
import { presetStore } from '../../../src/presets/build.js';
import type { Fault } from '../../../src/nemesis/fault.js';
import { validateStoreConfig, type StoreConfig } from '../../../src/store/config.js';
import { storeEvents } from '../../../src/store/trace-events.js';

/** Two clients writing and reading one key for ~600 ms of virtual time. */
function scenario(store: StoreConfig, faults: Fault[], seed = 5): Simulation {
  const ops = Array.from({ length: 40 }, (_, i) => ({
    process: i % 2, f: i % 2 === 0 ? 'write' : 'read', key: 'x', value: i % 2 === 0 ? i : null, atMs: 20 + i * 15,
  }));
  return { seed, store, clients: { count: 2 }, ops, faults, settleMs: 1500 };
}

const SL = presetStore('single-leader', {});
const SL_DEFENDED = presetStore('single-leader', { checksums: true, authenticatedEpochs: true });
const LL = presetStore('leaderless', { abd: true });
const LL_VERIFIED = presetStore('leaderless', { abd: true, readVerification: true });

/** Every value a client read successfully. */
function readValues(history: ReturnType<typeof simulate>['history']): unknown[] {
  const reads = new Set(history.filter((op) => op.type === 'invoke' && op.f === 'read').map((op) => op.process));
  return history.filter((op) => op.type === 'ok' && op.f === 'read' && reads.has(op.process)).map((op) => op.value);
}

const written = (value: unknown): boolean => value === null || (typeof value === 'number' && value < 40);

describe('single-leader under corrupt-message', () => {
  const faults: Fault[] = [{ kind: 'corrupt-message', atMs: 100, durationMs: 300, targets: ['n1'] }];

  test('without checksums, followers and clients take the altered values', () => {
    const result = simulate(scenario(SL, faults));
    expect(readValues(result.history).some((value) => !written(value))).toBe(true);
  });

  test('with checksums, altered entries are dropped and fetched again, altered replies never taken', () => {
    const result = simulate(scenario(SL_DEFENDED, faults));
    expect(readValues(result.history).every(written)).toBe(true);
    expect(storeEvents(result.trace, ['checksum-mismatch']).length).toBeGreaterThan(0);
    // Re-fetched: once healed, every replica holds the leader's value.
    const values = Object.values(result.replicaStates).map((state) => JSON.stringify(state.x));
    expect(new Set(values).size).toBe(1);
  });
});

describe('single-leader under corrupt-disk', () => {
  // n2 is a follower: it goes down at 300 ms with rot in its log and restarts at 400 ms.
  const faults: Fault[] = [{ kind: 'corrupt-disk', atMs: 300, durationMs: 100, targets: ['n2'] }];

  test('without checksums, the rotten record is read back and kept', () => {
    const result = simulate(scenario(SL, faults));
    expect(result.history.some((op) => op.f === 'start-byzantine')).toBe(true);
    expect(storeEvents(result.trace, ['rot-recovery'])).toEqual([]);
  });

  test('with checksums, the node drops its log from the rot on, fetches it again and converges', () => {
    const result = simulate(scenario(SL_DEFENDED, faults));
    const [recovery] = storeEvents(result.trace, ['rot-recovery']);
    expect(recovery?.node).toBe('n2');
    expect(recovery!.detail.keptThrough).toBeLessThan(recovery!.detail.lostThrough);
    const values = Object.values(result.replicaStates).map((state) => JSON.stringify(state.x));
    expect(new Set(values).size).toBe(1);
  });
});

describe('single-leader under forge-epoch', () => {
  const faults: Fault[] = [{ kind: 'forge-epoch', atMs: 100, durationMs: 400, targets: ['n3'] }];

  /** Log truncations done on the word of n3, a node that never won an election. */
  const truncatedByForger = (result: ReturnType<typeof simulate>) => {
    expect(storeEvents(result.trace, ['election']).filter((event) => event.node === 'n3')).toEqual([]);
    return storeEvents(result.trace, ['truncate']).filter((event) => event.detail.reason.startsWith('divergent from n3'));
  };

  test('without authenticated epochs, the leader steps down for it and cuts its own log to take its entry', () => {
    const result = simulate(scenario(SL, faults));
    expect(truncatedByForger(result).length).toBeGreaterThan(0);
  });

  test('with authenticated epochs, its appends are ignored for want of a certificate', () => {
    const result = simulate(scenario(SL_DEFENDED, faults));
    expect(storeEvents(result.trace, ['epoch-unproven']).length).toBeGreaterThan(0);
    expect(truncatedByForger(result)).toEqual([]);
    expect(readValues(result.history).every(written)).toBe(true);
    expect(checkLinearizable(result.history, casRegisterModel()).valid).toBe(true);
  });
});

describe('leaderless under lie-read', () => {
  const faults: Fault[] = [{ kind: 'lie-read', atMs: 50, durationMs: 500, targets: ['n1'] }];

  test('without read verification, the lie wins the merge and is read', () => {
    const result = simulate(scenario(LL, faults));
    expect(readValues(result.history).some((value) => !written(value))).toBe(true);
  });

  test('with read verification, the lie is never returned: outvoted, or reported as an error', () => {
    const result = simulate(scenario(LL_VERIFIED, faults));
    expect(readValues(result.history).every(written)).toBe(true);
    expect(checkLinearizable(result.history, casRegisterModel()).valid).toBe(true);
  });
});

describe('the defences as settings', () => {
  test('are validated like the other settings', () => {
    expect(() => validateStoreConfig({ mode: 'single-leader', singleLeader: { checksums: 'yes' } })).toThrow(/singleLeader\.checksums: .*true or false/);
    expect(() => validateStoreConfig({ mode: 'leaderless', leaderless: { readVerification: true, versioning: 'vv' } })).toThrow(/leaderless\.readVerification/);
  });
});
