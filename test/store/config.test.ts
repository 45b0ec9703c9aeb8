import { describe, expect, it } from 'vitest';
import { createStore, defaultStoreConfig, STORE_MODES, validateStoreConfig } from '../../src/store/config.js';
import { configErrorOf } from '../support/config-errors.js';

/** The field a ConfigError names, or undefined when `run` passes. */
const badField = (run: () => unknown): string | undefined => configErrorOf(run)?.field;

describe('StoreConfig', () => {
  it.each(STORE_MODES)('the %s default is valid JSON data and validates to itself', (mode) => {
    const config = defaultStoreConfig(mode);
    expect(config.mode).toBe(mode);
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
    expect(validateStoreConfig(JSON.parse(JSON.stringify(config)))).toEqual(config);
  });

  it('completes a partial config with the mode defaults', () => {
    const config = validateStoreConfig({ mode: 'leaderless', leaderless: { w: 1 } });
    expect(config).toEqual({
      ...defaultStoreConfig('leaderless'),
      leaderless: { ...(defaultStoreConfig('leaderless') as { leaderless: object }).leaderless, w: 1 },
    });
    expect(validateStoreConfig({ mode: 'single-leader' })).toEqual(defaultStoreConfig('single-leader'));
  });

  it('names the field for wrong types and unknown fields', () => {
    expect(badField(() => validateStoreConfig(null))).toBe('store');
    expect(badField(() => validateStoreConfig({}))).toBe('mode');
    expect(badField(() => validateStoreConfig({ mode: 'raft' }))).toBe('mode');
    expect(() => validateStoreConfig({ mode: 'raft' })).toThrow('mode: "raft" must be one of single-leader, multi-leader, leaderless');
    expect(badField(() => validateStoreConfig({ mode: 'leaderless', colour: 'red' }))).toBe('colour');
    expect(badField(() => validateStoreConfig({ mode: 'leaderless', singleLeader: {} }))).toBe('singleLeader');
    expect(badField(() => validateStoreConfig({ mode: 'leaderless', leaderless: { n: '3' } }))).toBe('leaderless.n');
    expect(badField(() => validateStoreConfig({ mode: 'leaderless', leaderless: { quorum: 2 } }))).toBe('leaderless.quorum');
    expect(badField(() => validateStoreConfig({ mode: 'single-leader', singleLeader: { acks: 'quorum' } }))).toBe('singleLeader.acks');
    expect(badField(() => validateStoreConfig({ mode: 'multi-leader', multiLeader: { homeRouting: 'yes' } }))).toBe('multiLeader.homeRouting');
    // The clients' policy belongs to the scenario; the error says where it went.
    expect(badField(() => validateStoreConfig({ mode: 'leaderless', client: {} }))).toBe('client');
    expect(() => validateStoreConfig({ mode: 'leaderless', client: {} })).toThrow("the client policy is the scenario's `client` now");
  });

  it('names the field of an invalid combination', () => {
    expect(badField(() => validateStoreConfig({ mode: 'leaderless', leaderless: { w: 4 } }))).toBe('leaderless.w');
    expect(() => validateStoreConfig({ mode: 'leaderless', leaderless: { w: 4 } })).toThrow('leaderless.w: 4 exceeds n = 3');
    expect(badField(() => validateStoreConfig({ mode: 'leaderless', leaderless: { nodes: 2 } }))).toBe('leaderless.n');
    const noNodes = { mode: 'multi-leader', multiLeader: { groups: [{ name: 'eu', nodes: [] }] } };
    expect(badField(() => validateStoreConfig(noNodes))).toBe('multiLeader.groups[0].nodes');
    expect(badField(() => validateStoreConfig({ mode: 'multi-leader', multiLeader: { groups: [] } }))).toBe('multiLeader.groups');
    expect(badField(() => validateStoreConfig({ mode: 'single-leader', singleLeader: { nodes: 0 } }))).toBe('singleLeader.nodes');
  });

  it('createStore builds the mode the config names', () => {
    expect(createStore(defaultStoreConfig('single-leader')).nodeIds).toEqual(['n1', 'n2', 'n3']);
    expect(createStore(defaultStoreConfig('leaderless')).entryPoints).toEqual(['n1', 'n2', 'n3']);
    const multi = createStore(validateStoreConfig({ mode: 'multi-leader', multiLeader: { groups: [{ name: 'eu', nodes: 2 }, { name: 'us', nodes: 1 }] } }));
    expect(multi.nodeIds).toEqual(['eu-n1', 'eu-n2', 'us-n1']);
    expect(multi.entryPoints).toEqual(['eu-n1', 'us-n1']);
    expect(badField(() => createStore({ ...defaultStoreConfig('leaderless'), leaderless: { w: 9 } } as never))).toBe('leaderless.w');
  });
});
