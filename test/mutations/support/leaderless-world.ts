/**
 * A small leaderless world for the switch tests: the store's nodes with the
 * given mutations on, and one test client ('c1') that performs requests one at
 * a time.
 */
import type { NodeContext } from '../../../src/sim/node.js';
import { World } from '../../../src/sim/world.js';
import type { LeaderlessConfigInput } from '../../../src/store/leaderless/config.js';
import { leaderlessStore } from '../../../src/store/leaderless/store.js';
import { MutationSwitches, type MutationName } from '../../../src/store/mutations.js';
import type { ClientMessage, ClientReply } from '../../../src/store/protocol.js';
import { CLIENT, TestClient } from '../../store/leaderless/support/harness.js';

/** The world and the shortcuts the switch tests use. */
export interface LeaderlessWorld {
  world: World;
  /** Sends a request now and runs the world until its reply (undefined after 2 s without one). */
  call(node: string, f: string, key: string, value?: unknown): ClientReply | undefined;
  /** Lets `ms` of virtual time pass. */
  advance(ms: number): void;
  /** The values each live node holds for `key` (undefined where it holds nothing). */
  valuesOf(key: string): Record<string, unknown[] | undefined>;
  /** Custom trace events of one name, with the node that traced them. */
  events(name: string): Array<{ node: string; detail: Record<string, unknown> }>;
  /** Cuts (or restores) every link between `node` and the other store nodes; the client reaches everyone. */
  isolate(node: string, cut: boolean): void;
}

/**
 * @example
 * const w = leaderlessWorld(['merkle-without-version'], { antiEntropy: { enabled: true } });
 * w.call('n1', 'write', 'x', 1); // { outcome: 'ok', ... }
 */
export function leaderlessWorld(mutations: MutationName[], config: LeaderlessConfigInput): LeaderlessWorld {
  const store = leaderlessStore(config, new MutationSwitches(mutations));
  const world = new World({ seed: 3, network: { latencyMs: { kind: 'uniform', min: 1, max: 5 } } });
  for (const id of store.nodeIds) world.addNode(id, store.factory, { kind: 'store' });
  world.addNode(CLIENT, (ctx) => new TestClient(ctx as NodeContext<ClientMessage>), { kind: 'client' });
  world.runUntil(0);
  const client = () => world.node<TestClient>(CLIENT)!;
  return {
    world,
    call(node, f, key, value = null) {
      const requestId = client().request(node, f, key, value);
      const deadline = world.now() + 2_000;
      while (!client().replies.has(requestId) && world.now() <= deadline && world.step());
      return client().replies.get(requestId);
    },
    advance: (ms) => world.runUntil(world.now() + ms),
    valuesOf(key) {
      const out: Record<string, unknown[] | undefined> = {};
      for (const id of store.nodeIds) {
        const node = world.node(id);
        out[id] = node === undefined ? undefined : store.replicaState(node)[key]?.values;
      }
      return out;
    },
    events: (name) =>
      world.trace.events
        .filter((event) => event.kind === 'custom' && event.name === name)
        .map((event) => ({ node: event.node!, detail: JSON.parse(event.detail ?? '{}') as Record<string, unknown> })),
    isolate(node, cut) {
      for (const other of store.nodeIds.filter((id) => id !== node)) {
        for (const [from, to] of [[node, other], [other, node]] as const) {
          if (cut) world.blockLink(from, to);
          else world.unblockLink(from, to);
        }
      }
    },
  };
}
