import type { NodeContext, NodeFactory, SimNode } from '../../src/sim/index.js';
import { World, type WorldOptions } from '../../src/sim/index.js';

/** What a recording node saw, in order: messages as `from:payload`, timers as `timer:name`. */
export interface Recorder extends SimNode<unknown> {
  readonly ctx: NodeContext<unknown>;
  readonly seen: string[];
  /** Virtual times (from the world) at which each entry of `seen` happened. */
  readonly atMs: number[];
}

/**
 * A node that records everything it receives and does nothing else, unless
 * `onStart` is given. It reads the world's time through `world.now()`.
 */
export function recorderFactory(world: World, onStart?: (ctx: NodeContext<unknown>) => void): NodeFactory<unknown> {
  return (ctx) => {
    const seen: string[] = [];
    const atMs: number[] = [];
    const node: Recorder = {
      ctx,
      seen,
      atMs,
      start: () => onStart?.(ctx),
      onMessage(from, msg) {
        seen.push(`${from}:${JSON.stringify(msg)}`);
        atMs.push(world.now());
      },
      onTimer(name) {
        seen.push(`timer:${name}`);
        atMs.push(world.now());
      },
    };
    return node;
  };
}

/** A world of recorder nodes with the given ids, started (time 0 events run). */
export function recorderWorld(ids: string[], options: Partial<WorldOptions> = {}): World {
  const world = new World({ seed: 1, network: { latencyMs: { kind: 'constant', value: 1 } }, ...options });
  for (const id of ids) world.addNode(id, recorderFactory(world));
  world.runUntil(0);
  return world;
}

export function recorder(world: World, id: string): Recorder {
  const node = world.node<Recorder>(id);
  if (node === undefined) throw new Error(`${id} is not up`);
  return node;
}

/** Sends `count` messages numbered from `first` on, from `from` to `to`, through `from`'s context. */
export function sendNumbered(world: World, from: string, to: string, count: number, first = 0): void {
  for (let i = first; i < first + count; i++) recorder(world, from).ctx.send(to, i);
}

/** The numbers `id` received, in delivery order. */
export function receivedNumbers(world: World, id: string): number[] {
  return recorder(world, id)
    .seen.filter((entry) => !entry.startsWith('timer:'))
    .map((entry) => Number(entry.slice(entry.indexOf(':') + 1)));
}
