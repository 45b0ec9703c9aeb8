/**
 * A small single-leader world for the switch tests: three nodes, one test
 * client ('c1'), quick constant-ish latency, and the given mutations on.
 */
import type { NodeContext } from '../../../src/sim/node.js';
import { World } from '../../../src/sim/world.js';
import { MutationSwitches, type MutationName } from '../../../src/store/mutations.js';
import type { SingleLeaderMessage } from '../../../src/store/single-leader/messages.js';
import { SingleLeaderNode } from '../../../src/store/single-leader/node.js';
import { singleLeaderStore } from '../../../src/store/single-leader/store.js';
import type { SingleLeaderConfigInput } from '../../../src/store/single-leader/validate-config.js';
import { TestClient } from '../../store/single-leader/support/cluster.js';

/** The world, its client, and shortcuts the switch tests use. */
export interface SingleLeaderWorld {
  world: World;
  client(): TestClient;
  node(id: string): SingleLeaderNode | undefined;
  /** Live leaders, highest epoch first (the store's own currentLeaders). */
  leaders(): string[];
  /** Runs `fn` at virtual time `atMs`. */
  at(atMs: number, fn: () => void): void;
  /** Cuts (or restores) every link between `id` and the other store nodes. */
  isolate(id: string, cut: boolean): void;
  /** Custom trace events of one name, with the node that traced them. */
  events(name: string): Array<{ timeMs: number; node: string; detail: Record<string, unknown> }>;
}

const NODES = ['n1', 'n2', 'n3'];

/**
 * @example
 * const w = singleLeaderWorld(['ack-before-fsync']);
 * w.at(100, () => w.client().send('n1', 'write', 'x', 1));
 * w.world.runUntil(500);
 */
export function singleLeaderWorld(mutations: MutationName[], config: SingleLeaderConfigInput = {}): SingleLeaderWorld {
  const world = new World({ seed: 11, network: { latencyMs: { kind: 'uniform', min: 1, max: 5 } } });
  const store = singleLeaderStore(config, new MutationSwitches(mutations));
  for (const id of store.nodeIds) world.addNode(id, store.factory, { kind: 'store' });
  world.addNode('c1', (ctx: NodeContext<SingleLeaderMessage>) => new TestClient(ctx, world), { kind: 'client' });
  return {
    world,
    client: () => world.node<TestClient>('c1')!,
    node: (id) => world.node<SingleLeaderNode>(id),
    leaders: () => store.currentLeaders!((id) => world.node(id)),
    at: (atMs, fn) => void world.schedule(atMs, 'test step', fn),
    isolate: (id, cut) => {
      for (const other of NODES.filter((n) => n !== id)) {
        for (const [from, to] of [[id, other], [other, id]] as const) {
          if (cut) world.blockLink(from, to);
          else world.unblockLink(from, to);
        }
      }
    },
    events: (name) =>
      world.trace.events
        .filter((event) => event.kind === 'custom' && event.name === name)
        .map((event) => ({ timeMs: event.timeMs, node: event.node!, detail: JSON.parse(event.detail ?? '{}') as Record<string, unknown> })),
  };
}
