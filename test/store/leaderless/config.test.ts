import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.js';
import { defaultLeaderlessConfig, resolveLeaderlessConfig } from '../../../src/store/leaderless/config.js';
import { leaderlessStore } from '../../../src/store/leaderless/store.js';
import { validateLeaderlessConfig } from '../../../src/store/leaderless/validate-config.js';
import { expectConfigError } from '../../support/config-errors.js';

const errorOf = (input: unknown): ConfigError => expectConfigError(() => validateLeaderlessConfig(input));

describe('leaderless configuration', () => {
  it('fills defaults and accepts them', () => {
    expect(validateLeaderlessConfig({})).toEqual(defaultLeaderlessConfig());
    expect(resolveLeaderlessConfig({ antiEntropy: { enabled: true } }).antiEntropy).toEqual({ enabled: true, intervalMs: 1000, treeDepth: 6 });
    expect(JSON.parse(JSON.stringify(defaultLeaderlessConfig()))).toEqual(defaultLeaderlessConfig());
  });

  it('names the field of each bad setting', () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [{ n: 3, w: 4 }, 'leaderless.w', /4 exceeds n = 3/],
      [{ r: 5 }, 'leaderless.r', /exceeds n/],
      [{ nodes: 2 }, 'leaderless.n', /exceeds nodes = 2/],
      [{ nodes: 0 }, 'leaderless.nodes', /integer/],
      [{ vnodes: 1.5 }, 'leaderless.vnodes', /integer/],
      [{ readRepair: 'yes' }, 'leaderless.readRepair', /true or false/],
      [{ versioning: 'crdt' }, 'leaderless.versioning', /one of lww, vv/],
      [{ sloppyQuorum: true, hintedHandoff: false }, 'leaderless.sloppyQuorum', /hintedHandoff/],
      [{ abd: true, versioning: 'vv' }, 'leaderless.abd', /lww/],
      [{ coordinator: 'contacted', versioning: 'vv' }, 'leaderless.coordinator', /lww/],
      [{ replicaTimeoutMs: 300 }, 'leaderless.replicaTimeoutMs', /below requestTimeoutMs/],
      [{ antiEntropy: { treeDepth: 40 } }, 'leaderless.antiEntropy.treeDepth', /\[0, 16\]/],
      [{ antiEntropy: { every: 3 } }, 'leaderless.antiEntropy.every', /not a known field/],
      [{ antiEntropy: 'on' }, 'leaderless.antiEntropy', /object/],
      [{ quorum: 2 }, 'leaderless.quorum', /not a known field/],
      [[], 'leaderless', /object/],
    ];
    for (const [input, field, message] of cases) {
      const error = errorOf(input);
      expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
      expect(error.message.startsWith(`${field}:`)).toBe(true);
    }
  });

  it('builds a store whose nodes are n1..nM, all entry points', () => {
    const store = leaderlessStore({ nodes: 4 });
    expect(store.nodeIds).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(store.entryPoints).toEqual(store.nodeIds);
    expect(() => leaderlessStore({ w: 9 })).toThrow(ConfigError);
  });
});
