import type { StoreDefinition } from '../store/definition.js';
import type { TraceEvent } from '../sim/trace.js';
import { readStoreEvent } from '../store/trace-events.js';
import type { World } from '../sim/world.js';

const ROLE_CHANGES = ['election', 'step-down'] as const;

/**
 * The store nodes that act as leader now, most recent first. Asks the store
 * when it can say (`StoreDefinition.currentLeaders`); otherwise reads the
 * trace: a node that traced an `election` and has not since traced a
 * `step-down` or crashed is a leader, ranked by its election's epoch.
 *
 * @example
 * const [leader] = currentLeaders(world, store); // 'n2', or undefined when none is known
 */
export function currentLeaders(world: World, store: StoreDefinition<unknown>): string[] {
  const live = (id: string) => (world.nodeIds.includes(id) ? world.node(id) : undefined);
  if (store.currentLeaders !== undefined) return store.currentLeaders(live).filter((id) => store.nodeIds.includes(id));
  return leadersFromTrace(world.trace.events).filter((id) => store.nodeIds.includes(id) && world.isUp(id));
}

/**
 * Leaders as a trace tells them: nodes whose latest role change is an
 * `election`, by that election's epoch (highest first; ties: latest first).
 *
 * @example
 * leadersFromTrace([{ timeMs: 5, kind: 'custom', node: 'n1', name: 'election', detail: '{"epoch":1}' }]); // ['n1']
 */
export function leadersFromTrace(events: readonly TraceEvent[]): string[] {
  const elected = new Map<string, { epoch: number; order: number }>();
  events.forEach((event, order) => {
    if (event.node === undefined) return;
    if (event.kind === 'crash') return void elected.delete(event.node);
    const change = readStoreEvent(event, ROLE_CHANGES);
    if (change?.name === 'step-down') elected.delete(change.node);
    // An election that names no epoch (a hand-written trace) ranks lowest.
    else if (change?.name === 'election') elected.set(change.node, { epoch: typeof change.detail.epoch === 'number' ? change.detail.epoch : 0, order });
  });
  return [...elected.entries()]
    .sort(([, a], [, b]) => b.epoch - a.epoch || b.order - a.order)
    .map(([node]) => node);
}
