/**
 * The leaderless store and the client processes promise immutable data (see
 * SimNode.immutableData), so the simulator shares their messages and disk records
 * instead of copying them. These runs freeze everything shared ('verify'): any
 * write to shared data would throw, across every verb, both versionings, hinted
 * handoff, read repair, anti-entropy, crashes and restarts.
 */
import { describe, expect, it } from 'vitest';
import { clientProcessFactory } from '../../../src/client/process.js';
import { generatorSource } from '../../../src/client/op-source.js';
import { defaultClientPolicy } from '../../../src/client/policy.js';
import { createClientRuntime } from '../../../src/client/runtime.js';
import type { ImmutableDataMode } from '../../../src/sim/immutable-data.js';
import { World } from '../../../src/sim/world.js';
import type { LeaderlessConfigInput } from '../../../src/store/leaderless/config.js';
import { leaderlessStore } from '../../../src/store/leaderless/store.js';

const VERBS = ['write', 'read', 'cas', 'incr', 'append', 'sadd'] as const;

function argumentFor(f: (typeof VERBS)[number], n: number): unknown {
  if (f === 'cas') return [n % 3, (n + 1) % 3];
  if (f === 'append') return `${n % 10}`;
  if (f === 'sadd') return [n % 4];
  if (f === 'read') return null;
  return n % 5;
}

function run(config: LeaderlessConfigInput, immutableData: ImmutableDataMode) {
  const world = new World({ seed: 7, immutableData, network: { duplicateProbability: 0.05 } });
  const store = leaderlessStore(config);
  const runtime = createClientRuntime(defaultClientPolicy(), () => world.now());
  for (const id of store.nodeIds) world.addNode(id, store.factory, { kind: 'store' });
  for (let i = 0; i < 6; i++) {
    const source = generatorSource((_nowMs, count) => {
      if (count >= 60) return undefined;
      const f = VERBS[(count + i) % VERBS.length]!;
      const key = `${f === 'incr' ? 'count' : f === 'append' ? 'log' : f === 'sadd' ? 'set' : 'reg'}-${count % 3}`;
      return { f, key, value: argumentFor(f, count) };
    });
    world.addNode(`c${i}`, clientProcessFactory({ clientIndex: i, clientCount: 6, entryPoints: store.entryPoints, runtime, ops: source }), { kind: 'client' });
  }
  const [a, b] = store.nodeIds;
  world.schedule(200, 'isolate', () => world.partition(store.nodeIds.filter((id) => id !== a).flatMap((id) => [[a!, id], [id, a!]] as Array<[string, string]>)));
  world.schedule(700, 'heal', () => world.heal());
  world.schedule(900, 'crash', () => world.crash(b!));
  world.schedule(1_300, 'restart', () => world.restart(b!));
  world.runUntil(20_000);
  return { world, history: runtime.recorder.ops, states: store.nodeIds.map((id) => store.replicaState(world.node(id)!)) };
}

describe('leaderless store with shared, frozen data', () => {
  const configs: Record<string, LeaderlessConfigInput> = {
    lww: { nodes: 4, n: 3, antiEntropy: { enabled: true, intervalMs: 300 } },
    vv: { nodes: 4, n: 3, versioning: 'vv', antiEntropy: { enabled: true, intervalMs: 300 } },
    'abd, sloppy quorum': { nodes: 5, n: 3, abd: true, sloppyQuorum: true },
    'abd, checksums': { nodes: 4, n: 3, abd: true, checksums: true, antiEntropy: { enabled: true, intervalMs: 300 } },
  };
  for (const [name, config] of Object.entries(configs)) {
    it(`never writes to shared data, and behaves exactly as when trusted (${name})`, () => {
      const verified = run(config, 'verify');
      expect(verified.history.filter((op) => op.type === 'ok').length).toBeGreaterThan(200);
      const stored = verified.world.disk('n3').read(); // copies: the disk still hands out private data
      expect(stored.length).toBeGreaterThan(0);
      const trusted = run(config, 'trust');
      expect(JSON.stringify(trusted.history)).toBe(JSON.stringify(verified.history));
      expect(trusted.states).toEqual(verified.states);
    });
  }
});
