import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallerStores } from '../../src/explore/_internals/shrink-store.js';
import { storeConfigArb } from '../../src/gen/store-config-arb.js';
import { defaultStoreConfig, STORE_MODES, validateStoreConfig, type StoreConfig } from '../../src/store/config.js';
import { HashRing } from '../../src/store/shared/hash-ring.js';
import { findMode, MODES } from '../../src/store/modes.js';
import { MUTATION_NAMES, MUTATIONS, validateMutations } from '../../src/store/mutations.js';
import { storeTopology } from '../../src/store/topology.js';
import { configErrorOf } from '../support/config-errors.js';
import { primaryBackupMode } from '../support/primary-backup-mode.js';

const own = { mode: 'primary-backup', primaryBackup: { syncIntervalMs: 10 } } as unknown as StoreConfig;

describe('the registry of store modes', () => {
  it('holds one entry per mode, named as the mode, with its own settings field', () => {
    expect(Object.keys(MODES)).toEqual([...STORE_MODES]);
    for (const mode of STORE_MODES) {
      expect(MODES[mode].name).toBe(mode);
      expect(Object.keys(defaultStoreConfig(mode))).toEqual(['mode', MODES[mode].field]);
    }
  });

  it('each mode\'s topology names the nodes its store builds', () => {
    fc.assert(fc.property(storeConfigArb(), (config) => {
      const built = findMode(config.mode).create((config as unknown as Record<string, unknown>)[findMode(config.mode).field], undefined as never);
      expect(storeTopology(config).nodeIds).toEqual([...built.nodeIds]);
      expect(storeTopology(config).groups).toEqual((built.groups ?? []).map((group) => [...group]));
    }), { numRuns: 60 });
  });

  it('a leaderless key lives on its preference list; other modes keep every key everywhere', () => {
    const config = validateStoreConfig({ mode: 'leaderless', leaderless: { nodes: 5, n: 2 } });
    const ring = new HashRing(['n1', 'n2', 'n3', 'n4', 'n5'], 8);
    for (const key of ['a', 'k0', 'user:7']) expect(storeTopology(config).replicasOf!(key)).toEqual(ring.preferenceList(key, 2));
    expect(storeTopology(defaultStoreConfig('single-leader')).replicasOf).toBeUndefined();
  });

  it('collects the built-in deliberate bugs in registry order', () => {
    expect(MUTATION_NAMES).toEqual([
      'follower-out-of-order', 'failover-least-up-to-date', 'ack-before-fsync',
      'hints-dropped-on-restart', 'merkle-without-version', 'read-repair-writes-older',
    ]);
    for (const name of MUTATION_NAMES) expect(MODES[MUTATIONS[name].mode as 'leaderless'].mutations!.some((m) => m.name === name)).toBe(true);
  });

  it('shrinking a store of an unknown mode is an error naming the known ones, not silently nothing', () => {
    const error = configErrorOf(() => [...smallerStores(own)]);
    expect(error?.field).toBe('store.mode');
    expect(error?.message).toMatch(/must be one of single-leader, multi-leader, leaderless/);
  });
});

describe('a mode of your own, given beside the built-in ones', () => {
  const modes = [primaryBackupMode];

  it('validates, builds and places its nodes through its definition', () => {
    expect(validateStoreConfig(own, modes)).toEqual({ mode: 'primary-backup', primaryBackup: { syncIntervalMs: 10, failoverAfterMs: 150 } });
    expect(configErrorOf(() => validateStoreConfig({ mode: 'primary-backup', primaryBackup: { failoverAfterMs: 5 } }, modes))?.field)
      .toBe('primaryBackup.failoverAfterMs');
    expect(configErrorOf(() => validateStoreConfig({ mode: 'primary-backup', mutations: ['ack-before-fsync'] }, modes))?.message)
      .toMatch(/applies to single-leader stores only/);
    expect(storeTopology(own, modes)).toEqual({ nodeIds: ['n1', 'n2'], groups: [] });
    expect([...smallerStores(own, modes)]).toEqual([]);
  });

  it('is drawn by storeConfigArb with its own arbitrary, valid by construction', () => {
    for (const config of fc.sample(storeConfigArb({ modes }), { seed: 2, numRuns: 30 })) {
      expect(config.mode).toBe('primary-backup');
      expect(validateStoreConfig(config, modes)).toEqual(config);
    }
  });

  it('its own mutations are checked against its mode', () => {
    const buggy = { ...primaryBackupMode, mutations: [{ name: 'ack-early', mode: 'primary-backup', bug: 'acks early', breaks: 'durability' }] };
    expect(validateMutations(['ack-early'], buggy)).toEqual(['ack-early']);
    expect(configErrorOf(() => validateMutations(['ack-early'], 'leaderless'))?.message).toMatch(/is not a known mutation/);
  });
});
