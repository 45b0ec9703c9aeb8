import { clientProcessFactory, type ClientProcess } from '../../../src/client/process.js';
import { queueSource, type PlannedOp } from '../../../src/client/op-source.js';
import { defaultClientPolicy, type ClientPolicyConfig } from '../../../src/client/policy.js';
import { createClientRuntime, type ClientRuntime } from '../../../src/client/runtime.js';
import { World } from '../../../src/sim/world.js';
import { toyStoreFactory, type ToyStoreNode, type ToyStoreOptions } from './toy-store.js';

/** A World with toy store nodes n1..nK and one client process per op list (c0, c1, ...). */
export interface Harness {
  world: World;
  runtime: ClientRuntime;
  store(id: string): ToyStoreNode;
  client(index: number): ClientProcess;
}

export interface HarnessOptions {
  seed?: number;
  storeNodes?: number;
  store?: ToyStoreOptions;
  /** Changes to the default policy. */
  policy?: (policy: ClientPolicyConfig) => void;
  /** One op list per client. */
  ops: PlannedOp[][];
  entryPoints?: string[];
  verbs?: Record<string, string>;
  /** Constant one-way latency in ms. Default 1. */
  latencyMs?: number;
}

export function makeHarness(options: HarnessOptions): Harness {
  const latency = options.latencyMs ?? 1;
  const world = new World({ seed: options.seed ?? 1, network: { latencyMs: { kind: 'constant', value: latency } } });
  const policy = defaultClientPolicy();
  options.policy?.(policy);
  const runtime = createClientRuntime(policy, () => world.now());
  const storeIds = Array.from({ length: options.storeNodes ?? 3 }, (_, i) => `n${i + 1}`);
  for (const id of storeIds) world.addNode(id, toyStoreFactory(options.store), { kind: 'store' });
  options.ops.forEach((ops, i) => {
    const factory = clientProcessFactory({
      clientIndex: i,
      clientCount: options.ops.length,
      entryPoints: options.entryPoints ?? storeIds,
      runtime,
      ops: queueSource(ops),
      verbs: options.verbs,
    });
    world.addNode(`c${i}`, factory, { kind: 'client' });
  });
  return {
    world,
    runtime,
    store: (id) => world.node<ToyStoreNode>(id)!,
    client: (index) => world.node<ClientProcess>(`c${index}`)!,
  };
}

/** The ops of a history without index and time, for compact assertions. */
export function brief(ops: readonly { process: unknown; type: string; f: string; value: unknown; node?: string; error?: string }[]) {
  return ops.map(({ process, type, f, value, node, error }) => ({ process, type, f, value, node, error }));
}
