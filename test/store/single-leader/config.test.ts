import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.js';
import { defaultSingleLeaderConfig } from '../../../src/store/single-leader/config.js';
import { validateSingleLeaderConfig } from '../../../src/store/single-leader/validate-config.js';
import { expectConfigError } from '../../support/config-errors.js';

const errorOf = (input: unknown): ConfigError => expectConfigError(() => validateSingleLeaderConfig(input));

describe('validateSingleLeaderConfig', () => {
  it('fills every default, and keeps what is given', () => {
    expect(validateSingleLeaderConfig({})).toEqual(defaultSingleLeaderConfig());
    const config = validateSingleLeaderConfig({ mode: 'single-leader', acks: 'async', failureDetector: { kind: 'phi', threshold: 12 } });
    expect(config.acks).toBe('async');
    expect(config.failureDetector).toEqual({ kind: 'phi', threshold: 12, windowSize: 100, minStdDevMs: 10 });
    expect(config).not.toHaveProperty('mode');
    expect(JSON.parse(JSON.stringify(config))).toEqual(config); // plain JSON data
  });

  it.each([
    [{ nodes: 0 }, 'singleLeader.nodes', 'singleLeader.nodes: 0 must be an integer in [1, 99]'],
    [{ nodes: 2.5 }, 'singleLeader.nodes', undefined],
    [{ acks: 'quorum' }, 'singleLeader.acks', 'singleLeader.acks: "quorum" must be one of async, semi-sync, sync, majority'],
    [{ replication: 'logical' }, 'singleLeader.replication', undefined],
    [{ reads: 'follower' }, 'singleLeader.reads', undefined],
    [{ fencing: 'yes' }, 'singleLeader.fencing', undefined],
    [{ fsync: 'never' }, 'singleLeader.fsync', undefined],
    [{ leaseMs: -5 }, 'singleLeader.leaseMs', undefined],
    [{ requestTimeoutMs: 0 }, 'singleLeader.requestTimeoutMs', undefined],
    [{ quorumTimeoutMs: 40 }, 'singleLeader.quorumTimeoutMs', undefined],
    [{ reads: 'lease', leaseMs: 50 }, 'singleLeader.leaseMs', undefined],
    [{ failureDetector: { suspectAfterMs: 30, declareAfterMs: 40 } }, 'singleLeader.failureDetector.declareAfterMs', undefined],
    [{ failureDetector: { suspectAfterMs: 400, declareAfterMs: 300 } }, 'singleLeader.failureDetector.suspectAfterMs', undefined],
    [{ failureDetector: { kind: 'phi', threshold: 0 } }, 'singleLeader.failureDetector.threshold', 'singleLeader.failureDetector.threshold: 0 must be a number > 0'],
    [{ failureDetector: { kind: 'phi', windowSize: 1 } }, 'singleLeader.failureDetector.windowSize', undefined],
    [{ failureDetector: { kind: 'swim' } }, 'singleLeader.failureDetector.kind', undefined],
    [{ failureDetector: { kind: 'phi', declareAfterMs: 5 } }, 'singleLeader.failureDetector.declareAfterMs', undefined],
    [{ leaderCount: 2 }, 'singleLeader.leaderCount', undefined],
    [{ mode: 'leaderless' }, 'singleLeader.mode', undefined],
  ])('rejects %j naming %s', (input, field, message) => {
    const error = errorOf(input);
    expect(error.field).toBe(field);
    expect(error.message.startsWith(`${field}: `)).toBe(true);
    if (message !== undefined) expect(error.message).toBe(message);
  });

  it('rejects what is not an object', () => {
    expect(errorOf(null).field).toBe('singleLeader');
    expect(errorOf([]).field).toBe('singleLeader');
  });

  it('prefixes fields with the path it is given', () => {
    try {
      validateSingleLeaderConfig({ nodes: -1 }, 'store');
    } catch (error) {
      expect((error as ConfigError).field).toBe('store.nodes');
    }
  });
});
