import { clientProcessFactory } from '../../src/client/process.js';
import { generatorSource } from '../../src/client/op-source.js';
import { defaultClientPolicy } from '../../src/client/policy.js';
import { createClientRuntime } from '../../src/client/runtime.js';
import { World } from '../../src/sim/world.js';
import { createStore, defaultStoreConfig, validateStoreConfig, type StoreConfig } from '../../src/store/config.js';
import type { StoreDefinition } from '../../src/store/definition.js';

export type StoreMode = StoreConfig['mode'];

/** One store benchmark case. */
export interface StoreBenchCase {
  mode: StoreMode;
  nodes: number;
  faults: boolean;
  ops: number;
  clients: number;
}

/** What one case measured. */
export interface StoreBenchFigures extends StoreBenchCase {
  opsPerSec: number;
  okFraction: number;
  heapMbAfter: number;
  virtualSeconds: number;
}

/** A store config of `mode` with `nodes` store nodes. */
export function configFor(mode: StoreMode, nodes: number): StoreConfig {
  const config = defaultStoreConfig(mode) as StoreConfig & Record<string, any>;
  if (mode === 'single-leader') config.singleLeader.nodes = nodes;
  if (mode === 'leaderless') config.leaderless.nodes = nodes;
  if (mode === 'multi-leader') {
    const first = Math.ceil(nodes / 2);
    config.multiLeader.groups = [{ name: 'dc1', nodes: first }, { name: 'dc2', nodes: nodes - first }];
  }
  return validateStoreConfig(config);
}

/**
 * Simulated client ops per wall-clock second: `clients` closed-loop clients doing
 * reads and writes over 100 keys, history streamed (not kept) so memory measures the
 * simulator and store alone. With `faults`, every 2 virtual seconds a node is cut off
 * for 500 ms and another crashes and restarts.
 *
 * @example
 * const figures = benchStore({ mode: 'leaderless', nodes: 3, faults: false, ops: 100_000, clients: 20 });
 */
export function benchStore(c: StoreBenchCase): StoreBenchFigures {
  // As a real run: the store's nodes and the clients promise immutable data, so their
  // messages are shared, not copied ('trust'; the test suite checks the promise with
  // 'verify'). Stores that make no promise still get copies.
  const world = new World({ seed: 1, trace: { enabled: false }, network: { countBytes: false }, immutableData: 'trust' });
  const store = createStore(configFor(c.mode, c.nodes)) as StoreDefinition<unknown>;
  let ok = 0;
  const runtime = createClientRuntime(defaultClientPolicy(), () => world.now(), {
    keep: false,
    onOp: (op) => {
      if (op.type === 'ok') ok++;
    },
  });
  for (const id of store.nodeIds) world.addNode(id, store.factory, { kind: 'store' });
  const perClient = Math.ceil(c.ops / c.clients);
  let done = 0;
  for (let i = 0; i < c.clients; i++) {
    const source = generatorSource((_now, count) => {
      if (count >= perClient) return undefined;
      const key = `k${(count * 7 + i) % 100}`;
      return count % 2 === 0 ? { f: 'write', key, value: count } : { f: 'read', key, value: null };
    });
    const factory = clientProcessFactory({
      clientIndex: i,
      clientCount: c.clients,
      entryPoints: store.entryPoints,
      runtime,
      ops: source,
      onDone: () => {
        if (++done === c.clients) world.stop();
      },
    });
    world.addNode(`c${i}`, factory, { kind: 'client' });
  }
  if (c.faults) scheduleFaults(world, store.nodeIds);
  const started = performance.now();
  world.runUntil(1e9);
  const seconds = (performance.now() - started) / 1000;
  globalThis.gc?.();
  return {
    ...c,
    opsPerSec: c.ops / seconds,
    okFraction: ok / c.ops,
    heapMbAfter: process.memoryUsage().heapUsed / 2 ** 20,
    virtualSeconds: world.now() / 1000,
  };
}

function scheduleFaults(world: World, nodeIds: readonly string[]): void {
  for (let t = 1000, round = 0; t < 1e7; t += 2000, round++) {
    const cut = nodeIds[round % nodeIds.length]!;
    const crash = nodeIds[(round + 1) % nodeIds.length]!;
    const others = nodeIds.filter((id) => id !== cut);
    world.schedule(t, 'partition', () => world.partition(others.flatMap((o) => [[cut, o], [o, cut]] as [string, string][])));
    world.schedule(t + 500, 'heal', () => world.heal());
    world.schedule(t + 1000, 'crash', () => world.crash(crash));
    world.schedule(t + 1300, 'restart', () => world.restart(crash));
  }
}
