import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/presets/index.js';
import { World } from '../../src/sim/world.js';
import { createStore, defaultStoreConfig, validateStoreConfig, type StoreConfig } from '../../src/store/config.js';
import { ConfigError } from '../../src/config/config-error.js';
import { MUTATION_NAMES, MUTATIONS, MutationSwitches, NO_MUTATIONS, validateMutations } from '../../src/store/mutations.js';
import type { SingleLeaderNode } from '../../src/store/single-leader/node.js';
import { MUTATION_CASES } from './mutation-cases.js';
import { configErrorOf } from '../support/config-errors.js';

/** The field a ConfigError names, and its message. */
function rejection(run: () => unknown): { field: string; message: string } | undefined {
  const error = configErrorOf(run);
  return error === undefined ? undefined : { field: error.field, message: error.message };
}

describe('the mutation catalogue', () => {
  it('lists six bugs, each of one mode, each hunted by the mutation test', () => {
    expect(MUTATION_NAMES).toEqual([
      'follower-out-of-order', 'failover-least-up-to-date', 'ack-before-fsync',
      'hints-dropped-on-restart', 'merkle-without-version', 'read-repair-writes-older',
    ]);
    for (const name of MUTATION_NAMES) {
      expect(MUTATIONS[name].name).toBe(name);
      expect(['single-leader', 'leaderless']).toContain(MUTATIONS[name].mode);
    }
    const hunted = MUTATION_CASES.map((hunt) => hunt.mutation);
    expect(hunted).toEqual(MUTATION_NAMES);
    for (const hunt of MUTATION_CASES) expect(hunt.store.mode).toBe(MUTATIONS[hunt.mutation].mode);
  });

  it('is off by default and in every preset', () => {
    expect(NO_MUTATIONS.on('ack-before-fsync')).toBe(false);
    for (const preset of Object.values(PRESETS)) {
      expect(preset.store.mutations ?? []).toEqual([]);
      expect(validateStoreConfig(preset.store).mutations).toBeUndefined();
    }
    for (const hunt of MUTATION_CASES) expect(hunt.store.mutations ?? []).toEqual([]);
  });

  it('switches on exactly the named bugs', () => {
    const switches = new MutationSwitches(['ack-before-fsync', 'follower-out-of-order']);
    expect(MUTATION_NAMES.filter((name) => switches.on(name))).toEqual(['follower-out-of-order', 'ack-before-fsync']);
  });
});

describe('StoreConfig.mutations', () => {
  it('keeps a list of the mode\'s mutations, and leaves an empty one out', () => {
    const config = validateStoreConfig({ mode: 'single-leader', mutations: ['ack-before-fsync'] });
    expect(config.mutations).toEqual(['ack-before-fsync']);
    expect(validateStoreConfig({ mode: 'single-leader', mutations: [] })).toEqual(defaultStoreConfig('single-leader'));
    expect(validateStoreConfig(JSON.parse(JSON.stringify(config)))).toEqual(config);
    const leaderless = validateStoreConfig({ mode: 'leaderless', mutations: ['merkle-without-version', 'read-repair-writes-older'] });
    expect(leaderless.mutations).toEqual(['merkle-without-version', 'read-repair-writes-older']);
  });

  it('names the entry of an unknown name, another mode\'s bug, a duplicate or a non-list', () => {
    expect(rejection(() => validateStoreConfig({ mode: 'single-leader', mutations: ['slow-fsync'] }))).toMatchObject({
      field: 'mutations[0]',
      message: expect.stringContaining('is not a known mutation (known: follower-out-of-order,'),
    });
    expect(rejection(() => validateStoreConfig({ mode: 'leaderless', mutations: ['read-repair-writes-older', 'ack-before-fsync'] }))).toEqual({
      field: 'mutations[1]',
      message: 'mutations[1]: "ack-before-fsync" applies to single-leader stores only',
    });
    expect(rejection(() => validateStoreConfig({ mode: 'multi-leader', mutations: ['merkle-without-version'] }))?.field).toBe('mutations[0]');
    expect(rejection(() => validateMutations(['ack-before-fsync', 'ack-before-fsync'], 'single-leader'))).toMatchObject({
      field: 'mutations[1]',
      message: expect.stringContaining('is listed twice'),
    });
    expect(rejection(() => validateStoreConfig({ mode: 'single-leader', mutations: 'ack-before-fsync' }))?.field).toBe('mutations');
    expect(rejection(() => validateStoreConfig({ mode: 'single-leader', mutations: [3] }))?.field).toBe('mutations[0]');
  });

  it('createStore builds nodes with the switches on', () => {
    const switchesOf = (config: StoreConfig) => {
      const store = createStore(config);
      const world = new World({ seed: 1 });
      for (const id of store.nodeIds) world.addNode(id, store.factory, { kind: 'store' });
      world.runUntil(1);
      return MUTATION_NAMES.filter((name) => world.node<SingleLeaderNode>('n2')!.mutations.on(name));
    };
    expect(switchesOf({ ...defaultStoreConfig('single-leader'), mutations: ['failover-least-up-to-date'] })).toEqual(['failover-least-up-to-date']);
    expect(switchesOf(defaultStoreConfig('single-leader'))).toEqual([]);
    expect(() => createStore({ ...defaultStoreConfig('leaderless'), mutations: ['failover-least-up-to-date'] })).toThrow(ConfigError);
  });
});
