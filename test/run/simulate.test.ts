import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { simulate, type Simulation } from '../../src/run/simulate.js';
import { createStore, defaultStoreConfig, STORE_MODES, type StoreConfig, type StoreMode } from '../../src/store/config.js';
import { ConfigError } from '../../src/config/config-error.js';
import { clientProcessFactory } from '../../src/client/process.js';
import { queueSource, type PlannedOp } from '../../src/client/op-source.js';
import { createClientRuntime } from '../../src/client/runtime.js';
import { World } from '../../src/sim/world.js';
import type { StoreDefinition } from '../../src/store/definition.js';
import { defaultClientPolicy, type ClientPolicyConfig } from '../../src/client/policy.js';

function leaderless(change: (config: StoreConfig & { mode: 'leaderless' }) => void = () => {}): StoreConfig {
  const config = defaultStoreConfig('leaderless') as StoreConfig & { mode: 'leaderless' };
  change(config);
  return config;
}

/** A busy scenario on any mode: three clients, reads, incrs and writes, a partition, a crash, a clock jump. */
function busyScenario(seed: number, mode: StoreMode = 'leaderless'): Simulation {
  const ops = [0, 1, 2].map((client) =>
    Array.from({ length: 6 }, (_, i) => ({ f: i % 3 === 0 ? 'read' : i % 3 === 1 ? 'add' : 'write', key: `k${i % 2}`, value: i % 3 === 0 ? null : client * 10 + i })),
  );
  const store = defaultStoreConfig(mode);
  const [a, , c] = createStore(store).nodeIds as [string, string, string];
  return {
    seed,
    store,
    clients: { count: 3 },
    ops,
    verbs: { add: 'incr' },
    network: { latencyMs: { kind: 'uniform', min: 1, max: 10 } },
    faults: [
      { kind: 'partition-one', atMs: 5, durationMs: 10_000, targets: [a] },
      { kind: 'crash-one', atMs: 20, durationMs: 280, targets: [c] },
      { kind: 'clock-bump', atMs: 40, durationMs: 10_000, targets: [a], params: { offsetMs: 500 } },
    ],
  };
}

describe('simulate()', () => {
  it('runs the ops through a real store and returns the history, nemesis ops included, and the replica states', () => {
    const result = simulate({
      seed: 1,
      store: leaderless(),
      clients: { count: 2 },
      ops: [{ process: 0, f: 'write', key: 'x', value: 5 }, { process: 1, f: 'read', key: 'x', value: null, atMs: 100 }],
      faults: [{ kind: 'crash-one', atMs: 50, durationMs: 10_000, targets: ['n3'] }],
    });
    const crash = { fault: 0, kind: 'crash-one', nodes: ['n3'] };
    expect(result.history.map(({ process, type, f, value }) => ({ process, type, f, value }))).toEqual([
      { process: 0, type: 'invoke', f: 'write', value: 5 },
      { process: 0, type: 'ok', f: 'write', value: 5 },
      { process: 'nemesis', type: 'info', f: 'start-crash', value: crash },
      { process: 1, type: 'invoke', f: 'read', value: null },
      { process: 1, type: 'ok', f: 'read', value: 5 },
      { process: 'nemesis', type: 'info', f: 'stop-crash', value: crash },
    ]);
    expect(result.history.map((op) => op.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(result.history[2]!.time).toBe(50e6);
    expect(Object.keys(result.replicaStates)).toEqual(['n1', 'n2', 'n3']);
    expect(result.replicaStates.n1!.x!.values).toEqual([5]);
    expect(result.stats).toMatchObject({ clientsFinished: true, openOps: 0, clients: { invoked: 2, ok: 2 } });
    expect(result.trace.some((e) => e.kind === 'crash' && e.node === 'n3')).toBe(true);
    expect(result.trace.some((e) => e.kind === 'restart' && e.node === 'n3')).toBe(true);
  });

  it('accepts one op list per client and maps workload verbs to store verbs', () => {
    const result = simulate({
      seed: 2,
      store: leaderless(),
      clients: { count: 2 },
      ops: [[{ f: 'add', key: 'c', value: 2 }], [{ f: 'add', key: 'c', value: 3, atMs: 100 }, { f: 'read', key: 'c', value: null, atMs: 200 }]],
      verbs: { add: 'incr' },
    });
    const fs = result.history.filter((op) => op.type === 'ok').map((op) => [op.process, op.f, op.value]);
    expect(fs).toEqual([[0, 'add', 2], [1, 'add', 3], [1, 'read', 5]]);
  });

  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(...STORE_MODES)], { numRuns: 1000 })(
    'for 1,000 random seeds, the same scenario gives byte-identical histories and traces, in every mode',
    (seed, mode) => {
      const first = simulate(busyScenario(seed, mode));
      const second = simulate(busyScenario(seed, mode));
      expect(JSON.stringify(second.history)).toBe(JSON.stringify(first.history));
      expect(JSON.stringify(second.trace)).toBe(JSON.stringify(first.trace));
      expect(JSON.stringify(second)).toBe(JSON.stringify(first));
      expect(first.history.filter((op) => op.type === 'invoke')).toHaveLength(18);
    },
  );

  it('different seeds give different runs', () => {
    const histories = new Set([1, 2, 3, 4, 5].map((seed) => JSON.stringify(simulate(busyScenario(seed)).history)));
    expect(histories.size).toBeGreaterThan(1);
  });

  /**
   * An incr whose first reply is lost on the way back to its client (the link
   * n1 -> c0 is cut from 500 to 600 ms); a later read shows the counter. No
   * catalogue fault cuts a single link to a client, so this drives the World
   * directly, wired as simulate() wires it.
   */
  function lostReplyIncr(mode: StoreMode, change: (p: ClientPolicyConfig) => void) {
    const policy = defaultClientPolicy();
    change(policy);
    const store = createStore(defaultStoreConfig(mode)) as StoreDefinition<unknown>;
    const world = new World({ seed: 3 });
    const runtime = createClientRuntime(policy, () => world.now());
    for (const id of store.nodeIds) world.addNode(id, store.factory, { kind: 'store' });
    // at 500 ms the single-leader store has its leader (n1); client 0 starts at n1
    const ops: PlannedOp[][] = [[{ f: 'add', key: 'c', value: 1, atMs: 500 }], [{ f: 'read', key: 'c', value: null, atMs: 2000 }]];
    ops.forEach((list, i) => {
      const factory = clientProcessFactory({ clientIndex: i, clientCount: 2, entryPoints: store.entryPoints, runtime, ops: queueSource(list), verbs: { add: 'incr' } });
      world.addNode(`c${i}`, factory, { kind: 'client' });
    });
    world.schedule(500, 'cut n1->c0', () => world.blockLink('n1', 'c0'));
    world.schedule(600, 'mend n1->c0', () => world.unblockLink('n1', 'c0'));
    world.runUntil(4000);
    const replicaStates = store.nodeIds.map((id) => store.replicaState(world.node(id)!));
    return { history: runtime.recorder.ops, retries: runtime.stats.retries, replicaStates };
  }

  describe.each(['leaderless', 'single-leader'] as const)('a retried incr on the %s store', (mode) => {
    it('with idempotency keys is applied once', () => {
      const result = lostReplyIncr(mode, () => {});
      expect(result.retries).toBe(1);
      const oks = result.history.filter((op) => op.type === 'ok').map((op) => [op.f, op.value]);
      expect(oks).toEqual([['add', 1], ['read', 1]]);
      for (const state of result.replicaStates) expect(state.c!.values).toEqual([1]);
    });

    it('without idempotency keys is applied twice', () => {
      const result = lostReplyIncr(mode, (p) => {
        p.idempotency.enabled = false;
        p.retry.retryUnknown = 'always';
      });
      expect(result.retries).toBe(1);
      const oks = result.history.filter((op) => op.type === 'ok').map((op) => [op.f, op.value]);
      // the client saw one add of 1 succeed; the store counted it twice
      expect(oks).toEqual([['add', 1], ['read', 2]]);
      for (const state of result.replicaStates) expect(state.c!.values).toEqual([2]);
    });
  });

  it('names the bad field of a scenario', () => {
    const base = (): Simulation => ({ seed: 1, store: leaderless(), clients: { count: 1 }, ops: [] });
    const fieldOf = (scenario: Simulation) => {
      try {
        simulate(scenario);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).field;
      }
      return undefined;
    };
    expect(fieldOf({ ...base(), faults: [{ kind: 'explode' as never, atMs: 1, durationMs: 1 }] })).toBe('faults[0].kind');
    expect(fieldOf({ ...base(), faults: [{ kind: 'partition-majority', atMs: -1, durationMs: 1 }] })).toBe('faults[0].atMs');
    expect(fieldOf({ ...base(), ops: [{ process: 1, f: 'read', value: null }] })).toBe('ops[0].process');
    expect(fieldOf({ ...base(), store: leaderless((c) => (c.leaderless.w = 4)) })).toBe('leaderless.w');
    expect(fieldOf({ ...base(), clients: { count: 1, policy: { retry: { maxRetries: -1 } } as never } })).toBe('clients.policy.retry.maxRetries');
    expect(fieldOf({ ...base(), seed: 1.5 })).toBe('seed');
    expect(fieldOf({ ...base(), ops: [{ process: 0, f: 'read', value: null }, null as never] })).toBe('ops[1]');
    expect(fieldOf({ ...base(), ops: [[{ f: 'read', value: null }, { f: 7 as never, value: null }]] })).toBe('ops[0][1].f');
    expect(fieldOf({ ...base(), ops: [[], []] })).toBe('ops[1]');
    expect(fieldOf({ ...base(), ops: [{ process: 0, f: 'read', value: null, atMs: -5 }] })).toBe('ops[0].atMs');
    expect(fieldOf({ ...base(), faults: [{ kind: 'discovery', atMs: 1 } as never] })).toBe('faults[0].durationMs');
    expect(fieldOf({ ...base(), faults: [{ kind: 'discovery', atMs: 1, durationMs: 1 }, { kind: 'crash-one', atMs: 1, durationMs: 1, targets: [''] }] })).toBe('faults[1].targets[0]');
  });

  it('undoes the faults at the end unless told not to', () => {
    const scenario = (healAtEnd: boolean): Simulation => ({
      seed: 4, store: leaderless(), clients: { count: 1 }, ops: [{ process: 0, f: 'read', key: 'x', value: null, atMs: 50 }], healAtEnd,
      faults: [
        { kind: 'crash-one', atMs: 10, durationMs: 10_000, targets: ['n2'] },
        { kind: 'clock-bump', atMs: 10, durationMs: 10_000, targets: ['n1'], params: { offsetMs: 100 } },
      ],
    });
    const healed = simulate(scenario(true));
    // The latest fault is healed first.
    expect(healed.history.slice(-2)).toMatchObject([
      { process: 'nemesis', f: 'stop-clock', value: { fault: 1, nodes: ['n1'] } },
      { process: 'nemesis', f: 'stop-crash', value: { fault: 0, nodes: ['n2'] } },
    ]);
    expect(Object.keys(healed.replicaStates)).toEqual(['n1', 'n2', 'n3']);
    const left = simulate(scenario(false));
    expect(left.history.map((op) => op.f)).toEqual(['start-crash', 'start-clock', 'read', 'read']);
    expect(Object.keys(left.replicaStates)).toEqual(['n1', 'n3']);
  });

  describe('with the single-leader store', () => {
    const writes = (count: number, atMs: number) =>
      [0, 1, 2].map((client) => Array.from({ length: count }, (_, i) => ({ f: 'write', key: 'x', value: client * 10 + i, atMs: atMs + i * 100 })));

    it('clients find the leader through redirects, then go to it directly', () => {
      // n1 stands for leader first; clients 1 and 2 start at n2 and n3
      const result = simulate({ seed: 6, store: defaultStoreConfig('single-leader'), clients: { count: 3 }, ops: writes(2, 500) });
      expect(result.history.filter((op) => op.type === 'ok').map((op) => op.node)).toEqual(Array(6).fill('n1'));
      expect(result.stats.clients).toMatchObject({ ok: 6, redirectsFollowed: 2, retries: 0, requestsSent: 8 });
    });

    it('while discovery is down, clients ignore hints and walk the entry points in turn', () => {
      const result = simulate({
        seed: 6, store: defaultStoreConfig('single-leader'), clients: { count: 3 }, ops: writes(1, 500),
        faults: [{ kind: 'discovery', atMs: 400, durationMs: 1000 }],
      });
      expect(result.history.filter((op) => op.type === 'ok').map((op) => op.node)).toEqual(['n1', 'n1', 'n1']);
      // client 1 tries n2 then n3 then n1; client 2 tries n3 then n1
      expect(result.stats.clients).toMatchObject({ ok: 3, redirectsFollowed: 0, retries: 3 });
    });

    it('after the leader crashes, clients retry and follow redirects to the new leader', () => {
      const policy = defaultClientPolicy();
      policy.retry.maxRetries = 10;
      policy.retry.maxDelayMs = 200;
      const result = simulate({
        seed: 7, store: defaultStoreConfig('single-leader'), clients: { count: 3, policy }, ops: writes(8, 500),
        faults: [{ kind: 'crash-one', atMs: 750, durationMs: 100_000, targets: ['n1'] }],
      });
      const oks = result.history.filter((op) => op.type === 'ok');
      const after = oks.filter((op) => op.time > 1500e6).map((op) => op.node);
      expect(after.length).toBeGreaterThan(0);
      expect(new Set(after).size).toBe(1);
      expect(after[0]).not.toBe('n1');
      expect(result.trace.some((e) => e.name === 'election' && e.node === after[0])).toBe(true);
    });
  });
});
