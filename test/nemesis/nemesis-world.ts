import { HistoryRecorder } from '../../src/client/history-recorder.js';
import { DiscoveryService } from '../../src/client/leader-discovery.js';
import { scheduleNemesis, type Nemesis } from '../../src/nemesis/apply.js';
import type { Fault } from '../../src/nemesis/fault.js';
import { DiskFullError, type NodeContext, type SimNode } from '../../src/sim/node.js';
import { World } from '../../src/sim/world.js';
import type { StoreDefinition } from '../../src/store/definition.js';

/** What a pinger saw: for each sender, the sequence numbers in arrival order and each message's delay. */
export interface PingLog {
  seqs: Map<string, number[]>;
  delaysMs: { atMs: number; from: string; delayMs: number }[];
}

/**
 * A small real system for watching faults act: each node appends one record it
 * does not fsync when it starts, then sends a numbered ping to every other node
 * every 5 ms of its own clock, and logs what reaches it (sender, number, delay).
 */
export function pingerStore(count: number, logs: Map<string, PingLog>, extra: Partial<StoreDefinition<unknown>> = {}): StoreDefinition<unknown> {
  const nodeIds = Array.from({ length: count }, (_, i) => `n${i + 1}`);
  return {
    nodeIds,
    entryPoints: nodeIds,
    factory: (ctx) => new Pinger(ctx, logs),
    replicaState: () => ({}),
    ...extra,
  };
}

class Pinger implements SimNode<unknown> {
  private seq = 0;

  constructor(private readonly ctx: NodeContext<unknown>, private readonly logs: Map<string, PingLog>) {}

  start(): void {
    if (!this.logs.has(this.ctx.id)) this.logs.set(this.ctx.id, { seqs: new Map(), delaysMs: [] });
    try {
      this.ctx.disk.append({ started: this.ctx.now() });
    } catch (error) {
      if (!(error instanceof DiskFullError)) throw error;
    }
    this.ctx.setTimer(5, 'ping');
  }

  onTimer(): void {
    const seq = this.seq++;
    for (const peer of this.ctx.peers) this.ctx.send(peer, { seq, sentAtMs: this.ctx.now() });
    this.ctx.setTimer(5, 'ping');
  }

  onMessage(from: string, msg: unknown): void {
    const { seq, sentAtMs } = msg as { seq: number; sentAtMs: number };
    const log = this.logs.get(this.ctx.id)!;
    const seqs = log.seqs.get(from) ?? [];
    seqs.push(seq);
    log.seqs.set(from, seqs);
    log.delaysMs.push({ atMs: this.ctx.now(), from, delayMs: this.ctx.now() - sentAtMs });
  }
}

/**
 * A World running `store`'s nodes (and `clients` quiet client nodes c0..), with
 * `faults` scheduled by the nemesis, the history recorded, and the discovery
 * service the nemesis acts on.
 *
 * @example
 * const { world, history } = nemesisWorld({ store: pingerStore(3, new Map()), faults });
 */
export function nemesisWorld(options: { store: StoreDefinition<unknown>; faults: Fault[]; clients?: number; seed?: number }) {
  const world = new World({ seed: options.seed ?? 1, network: { latencyMs: { kind: 'constant', value: 1 } }, trace: { messages: false } });
  for (const id of options.store.nodeIds) world.addNode(id, options.store.factory, { kind: 'store' });
  for (let i = 0; i < (options.clients ?? 0); i++) {
    world.addNode(`c${i}`, () => ({ onMessage: () => {}, onTimer: () => {} }), { kind: 'client' });
  }
  const history = new HistoryRecorder(() => world.now());
  const discovery = new DiscoveryService();
  const nemesis: Nemesis = scheduleNemesis(world, options.faults, {
    store: options.store, discovery, record: (op) => history.record(op),
  });
  return { world, history, discovery, nemesis };
}

/**
 * The blocked links as sorted `a->b` strings.
 *
 * @example
 * blocked(world); // ['n1->n2', 'n2->n1']
 */
export function blocked(world: World): string[] {
  return world.blockedLinks().map(([from, to]) => `${from}->${to}`).sort();
}
