import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.js';
import { defaultMultiLeaderConfig } from '../../../src/store/multi-leader/config.js';
import { multiLeaderStore } from '../../../src/store/multi-leader/store.js';
import { Topology } from '../../../src/store/multi-leader/topology.js';
import { validateMultiLeaderConfig } from '../../../src/store/multi-leader/validate-config.js';
import { expectConfigError } from '../../support/config-errors.js';

const fieldOf = (input: unknown): string => expectConfigError(() => validateMultiLeaderConfig(input)).field;

describe('validateMultiLeaderConfig', () => {
  it('fills defaults and accepts a tagged config', () => {
    expect(validateMultiLeaderConfig({})).toEqual(defaultMultiLeaderConfig());
    expect(validateMultiLeaderConfig({ mode: 'multi-leader', homeRouting: true }).homeRouting).toBe(true);
  });

  it('names the bad field', () => {
    expect(fieldOf(null)).toBe('multiLeader');
    expect(fieldOf({ mode: 'leaderless' })).toBe('multiLeader.mode');
    expect(fieldOf({ bogus: 1 })).toBe('multiLeader.bogus');
    expect(fieldOf({ groups: [] })).toBe('multiLeader.groups');
    expect(fieldOf({ groups: 'dc1' })).toBe('multiLeader.groups');
    expect(fieldOf({ groups: [{ name: 'a', nodes: 1 }, { name: 'b', nodes: [] }] })).toBe('multiLeader.groups[1].nodes');
    expect(fieldOf({ groups: [{ name: 'a', nodes: 0 }] })).toBe('multiLeader.groups[0].nodes');
    expect(fieldOf({ groups: [{ name: 'a', nodes: ['x', ''] }] })).toBe('multiLeader.groups[0].nodes[1]');
    expect(fieldOf({ groups: [{ name: '', nodes: 1 }] })).toBe('multiLeader.groups[0].name');
    expect(fieldOf({ groups: [{ name: 'a', nodes: 1 }, { name: 'a', nodes: 1 }] })).toBe('multiLeader.groups[1].name');
    expect(fieldOf({ groups: [{ name: 'a', nodes: ['x'] }, { name: 'b', nodes: ['x'] }] })).toBe('multiLeader.groups[1].nodes');
    expect(fieldOf({ groups: [{ name: 'a', nodes: 1, leader: 'x' }] })).toBe('multiLeader.groups[0].leader');
    expect(fieldOf({ replicationIntervalMs: 0 })).toBe('multiLeader.replicationIntervalMs');
    expect(fieldOf({ replicationBatch: 1.5 })).toBe('multiLeader.replicationBatch');
    expect(fieldOf({ homeRouting: 'yes' })).toBe('multiLeader.homeRouting');
    expect(fieldOf({ conflictResolution: 'crdt' })).toBe('multiLeader.conflictResolution');
    expect(fieldOf({ readFrom: 'follower' })).toBe('multiLeader.readFrom');
    expect(fieldOf({ forwardTimeoutMs: -1 })).toBe('multiLeader.forwardTimeoutMs');
  });

  it('puts the path prefix and the value in the message', () => {
    expect(() => validateMultiLeaderConfig({ replicationBatch: 0 }, 'store')).toThrow(
      'store.replicationBatch: 0 must be an integer >= 1',
    );
  });

  it('makes multiLeaderStore refuse a bad config', () => {
    expect(() => multiLeaderStore({ groups: [] })).toThrow(ConfigError);
  });

  it('hands out fresh copies of the defaults', () => {
    const a = defaultMultiLeaderConfig();
    a.groups.push({ name: 'dc3', nodes: 1 });
    expect(defaultMultiLeaderConfig().groups).toHaveLength(2);
  });
});

describe('Topology', () => {
  it('names nodes, picks the first node of each group as its leader', () => {
    const store = multiLeaderStore({ groups: [{ name: 'eu', nodes: 2 }, { name: 'us', nodes: ['a', 'b', 'c'] }] });
    expect(store.nodeIds).toEqual(['eu-n1', 'eu-n2', 'a', 'b', 'c']);
    expect(store.entryPoints).toEqual(['eu-n1', 'a']);
    const topology = new Topology({ groups: [{ name: 'eu', nodes: 2 }, { name: 'us', nodes: ['a', 'b', 'c'] }] });
    expect(topology.groupOf('c')).toMatchObject({ name: 'us', leader: 'a', followers: ['b', 'c'] });
    expect(topology.peerLeaders('a')).toEqual(['eu-n1']);
    expect(() => topology.groupOf('zz')).toThrow();
  });

  it('gives every key one home leader, the same on every computation, spread over the groups', () => {
    const groups = [{ name: 'a', nodes: 1 }, { name: 'b', nodes: 1 }, { name: 'c', nodes: 1 }];
    const one = new Topology({ groups });
    const two = new Topology({ groups });
    fc.assert(
      fc.property(fc.string(), (key) => {
        expect(one.homeLeader(key)).toBe(two.homeLeader(key));
      }),
    );
    const homes = new Set(Array.from({ length: 60 }, (_, i) => one.homeLeader(`key${i}`)));
    expect(homes).toEqual(new Set(['a-n1', 'b-n1', 'c-n1']));
  });
});
