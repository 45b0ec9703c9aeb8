/**
 * A small scenario harness for the leaderless store: a world with the store's
 * nodes and one test client, and helpers to perform requests one at a time, read
 * replica states and pick out custom trace events.
 */
import type { NodeContext, SimNode } from '../../../../src/sim/node.js';
import { World } from '../../../../src/sim/world.js';
import type { LatencyDistribution } from '../../../../src/sim/latency.js';
import type { ReplicaState, StoreDefinition } from '../../../../src/store/definition.js';
import type { ClientMessage, ClientReply, ClientRequest } from '../../../../src/store/protocol.js';
import { leaderlessStore } from '../../../../src/store/leaderless/store.js';
import type { LeaderlessConfigInput } from '../../../../src/store/leaderless/config.js';

export const CLIENT = 'c1';

/** A client node that sends what it is told and keeps every reply. */
export class TestClient implements SimNode<ClientMessage> {
  /** It never writes to what it sends or gets, so its messages are shared (and frozen: see the world below). */
  readonly immutableData = true;
  readonly replies = new Map<string, ClientReply & { from: string }>();
  private counter = 0;

  constructor(private readonly ctx: NodeContext<ClientMessage>) {}

  request(node: string, f: string, key: string, value: unknown, idempotencyKey?: string): string {
    const requestId = `r${++this.counter}`;
    const request: ClientRequest = { kind: 'client-request', requestId, f, key, value };
    if (idempotencyKey !== undefined) request.idempotencyKey = idempotencyKey;
    this.ctx.send(node, request);
    return requestId;
  }

  onMessage(from: string, msg: ClientMessage): void {
    if (msg.kind === 'client-reply') this.replies.set(msg.requestId, { ...msg, from });
  }

  onTimer(): void {}
}

export interface HarnessOptions {
  seed?: number;
  latencyMs?: LatencyDistribution;
}

export class Harness {
  readonly world: World;
  readonly store: StoreDefinition;

  constructor(config: LeaderlessConfigInput, options: HarnessOptions = {}) {
    this.store = leaderlessStore(config) as StoreDefinition;
    // 'verify': data the store shares between its nodes (and with this client) is frozen, so any write to it throws.
    this.world = new World({
      seed: options.seed ?? 1,
      network: { latencyMs: options.latencyMs ?? { kind: 'uniform', min: 1, max: 5 } },
      immutableData: 'verify',
    });
    for (const id of this.store.nodeIds) this.world.addNode(id, this.store.factory, { kind: 'store' });
    this.world.addNode(CLIENT, (ctx) => new TestClient(ctx as NodeContext<ClientMessage>), { kind: 'client' });
    this.world.runUntil(0);
  }

  get client(): TestClient {
    return this.world.node<TestClient>(CLIENT)!;
  }

  /** Sends a request now and runs the world until its reply arrives (undefined if none within maxWaitMs). */
  call(node: string, f: string, key: string, value: unknown = null, idempotencyKey?: string, maxWaitMs = 2_000): ClientReply | undefined {
    const requestId = this.client.request(node, f, key, value, idempotencyKey);
    const deadline = this.world.now() + maxWaitMs;
    while (!this.client.replies.has(requestId) && this.world.now() <= deadline) {
      if (!this.world.step()) break;
    }
    return this.client.replies.get(requestId);
  }

  /** Sends a request now without waiting; returns its request id. */
  send(node: string, f: string, key: string, value: unknown = null, idempotencyKey?: string): string {
    return this.client.request(node, f, key, value, idempotencyKey);
  }

  reply(requestId: string): ClientReply | undefined {
    return this.client.replies.get(requestId);
  }

  /** Lets `ms` of virtual time pass. */
  advance(ms: number): void {
    this.world.runUntil(this.world.now() + ms);
  }

  state(node: string): ReplicaState {
    return this.store.replicaState(this.world.node(node)!);
  }

  /** The values each node holds for `key` (undefined where it holds nothing). */
  valuesOf(key: string): Record<string, unknown[] | undefined> {
    const out: Record<string, unknown[] | undefined> = {};
    for (const id of this.store.nodeIds) out[id] = this.world.node(id) ? this.state(id)[key]?.values : undefined;
    return out;
  }

  /** The custom trace events of one name, with their detail parsed. */
  events(name: string): Array<{ node: string; timeMs: number; detail: Record<string, any> }> {
    return this.world.trace.events
      .filter((e) => e.kind === 'custom' && e.name === name)
      .map((e) => ({ node: e.node!, timeMs: e.timeMs, detail: e.detail === undefined ? {} : JSON.parse(e.detail) }));
  }

  /** Cuts every link between `node` and the other store nodes, both ways (the client still reaches everyone). */
  isolate(node: string): void {
    const others = this.store.nodeIds.filter((id) => id !== node);
    this.world.partition(others.flatMap((other) => [[node, other] as [string, string], [other, node] as [string, string]]));
  }
}
