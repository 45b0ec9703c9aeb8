import { World, type NetworkOptions } from '../../../../src/sim/world.js';
import type { NodeContext, SimNode } from '../../../../src/sim/node.js';
import type { ClientReply, ClientRequest } from '../../../../src/store/protocol.js';
import type { ReplicaState, StoreDefinition } from '../../../../src/store/definition.js';
import { multiLeaderStore } from '../../../../src/store/multi-leader/store.js';
import type { MultiLeaderConfigInput } from '../../../../src/store/multi-leader/config.js';
import type { MultiLeaderMessage } from '../../../../src/store/multi-leader/messages.js';

/** A reply as the test client saw it: who answered and when (virtual ms). */
export interface SeenReply {
  reply: ClientReply;
  from: string;
  atMs: number;
}

/**
 * A minimal client process for scenario tests: it sends the requests the test
 * asks for and records every reply, nothing more (no retries, no timeouts).
 */
export class TestClient implements SimNode<MultiLeaderMessage> {
  readonly replies = new Map<string, SeenReply>();
  /** Every store-internal message that reached this client (for protocol tests). */
  readonly received: Array<{ from: string; msg: MultiLeaderMessage }> = [];
  private counter = 0;

  constructor(private readonly ctx: NodeContext<MultiLeaderMessage>) {}

  send(to: string, request: Omit<ClientRequest, 'kind' | 'requestId'>): string {
    this.counter++;
    const requestId = `${this.ctx.id}/${this.counter}`;
    this.ctx.send(to, { kind: 'client-request', requestId, ...request });
    return requestId;
  }

  onMessage(from: string, msg: MultiLeaderMessage): void {
    if (msg.kind === 'client-reply') this.replies.set(msg.requestId, { reply: msg, from, atMs: this.ctx.now() });
    else this.received.push({ from, msg });
  }

  /** Sends any message, e.g. a hand-made replication message, as if from a store node. */
  sendRaw(to: string, msg: MultiLeaderMessage): void {
    this.ctx.send(to, msg);
  }

  onTimer(): void {}
}

/** The request a test schedules: a verb on a key, optionally with an idempotency key. */
export interface TestOp {
  f: string;
  key?: string;
  value?: unknown;
  idempotencyKey?: string;
}

/**
 * A world running a multi-leader store plus one test client `c`, with fixed 2 ms
 * latency so tests reason about timing exactly.
 */
export class Harness {
  readonly world: World;
  readonly store: StoreDefinition<MultiLeaderMessage>;
  private readonly requestIds = new Map<string, string>();

  constructor(config: MultiLeaderConfigInput, options: { seed?: number; network?: NetworkOptions } = {}) {
    this.store = multiLeaderStore(config);
    this.world = new World({
      seed: options.seed ?? 1,
      network: options.network ?? { latencyMs: { kind: 'constant', value: 2 } },
    });
    for (const id of this.store.nodeIds) this.world.addNode(id, this.store.factory, { kind: 'store' });
    this.world.addNode('c', (ctx) => new TestClient(ctx as NodeContext<MultiLeaderMessage>), { kind: 'client' });
  }

  get client(): TestClient {
    return this.world.node<TestClient>('c')!;
  }

  /** Schedules `op` to be sent to `to` at `atMs`; `label` names it for {@link reply}. */
  at(atMs: number, label: string, to: string, op: TestOp): void {
    this.world.schedule(atMs, label, () => {
      const request: Omit<ClientRequest, 'kind' | 'requestId'> = { f: op.f, value: op.value ?? null };
      if (op.key !== undefined) request.key = op.key;
      if (op.idempotencyKey !== undefined) request.idempotencyKey = op.idempotencyKey;
      this.requestIds.set(label, this.client.send(to, request));
    });
  }

  /** Schedules a fault or any other driver action. */
  do(atMs: number, label: string, action: () => void): void {
    this.world.schedule(atMs, label, action);
  }

  /** The reply to the op scheduled as `label` (undefined while none came). */
  reply(label: string): SeenReply | undefined {
    const requestId = this.requestIds.get(label);
    return requestId === undefined ? undefined : this.client.replies.get(requestId);
  }

  /** The live node's replica state. */
  state(nodeId: string): ReplicaState {
    const node = this.world.node<SimNode<MultiLeaderMessage>>(nodeId);
    if (node === undefined) throw new Error(`${nodeId} is down`);
    return this.store.replicaState(node);
  }

  /** Custom trace events named `name`, with their details parsed. */
  traced(name: string): Array<{ node: string; timeMs: number; detail: Record<string, unknown> }> {
    return this.world.trace.events
      .filter((event) => event.kind === 'custom' && event.name === name)
      .map((event) => ({ node: event.node!, timeMs: event.timeMs, detail: JSON.parse(event.detail ?? '{}') }));
  }

  runUntil(timeMs: number): void {
    this.world.runUntil(timeMs);
  }
}
