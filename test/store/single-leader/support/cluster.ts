import type { NodeContext, SimNode } from '../../../../src/sim/node.js';
import { World, type WorldOptions } from '../../../../src/sim/world.js';
import type { ClientReply, ClientRequest } from '../../../../src/store/protocol.js';
import type { CdcChange, SingleLeaderMessage } from '../../../../src/store/single-leader/messages.js';
import { SingleLeaderNode } from '../../../../src/store/single-leader/node.js';
import { singleLeaderStore } from '../../../../src/store/single-leader/store.js';
import type { SingleLeaderConfigInput } from '../../../../src/store/single-leader/validate-config.js';
import type { StoreDefinition } from '../../../../src/store/definition.js';

/** One logical request of the test client, with every reply it got (redirects included). */
export interface RequestRecord {
  id: string;
  f: string;
  key: string;
  value: unknown;
  idempotencyKey?: string;
  sentAtMs: number;
  /** Node of the latest attempt. */
  target: string;
  replies: ClientReply[];
  /** The last non-redirect reply, once there is one. */
  final?: ClientReply;
  answeredBy?: string;
  answeredAtMs?: number;
}

export interface SendOptions {
  idempotencyKey?: string;
  /** Follow redirects that name a leader (default true). */
  followRedirects?: boolean;
}

/**
 * A minimal client for scenario tests: sends requests to the node it is told,
 * follows redirects, records every reply, and collects CDC changes.
 */
export class TestClient implements SimNode<SingleLeaderMessage> {
  readonly requests: RequestRecord[] = [];
  readonly cdc: CdcChange[] = [];
  readonly cdcErrors: string[] = [];
  /** Node-to-node messages sent back to this client (when it posed as a node with `raw`). */
  readonly peerReplies: Array<{ from: string; msg: SingleLeaderMessage }> = [];
  private readonly byAttempt = new Map<string, { record: RequestRecord; follow: boolean }>();
  private attempts = 0;

  constructor(
    private readonly ctx: NodeContext<SingleLeaderMessage>,
    private readonly world: World,
  ) {}

  send(to: string, f: string, key: string, value: unknown, options: SendOptions = {}): RequestRecord {
    const record: RequestRecord = { id: `${this.ctx.id}-${this.requests.length + 1}`, f, key, value, sentAtMs: this.world.now(), target: to, replies: [] };
    if (options.idempotencyKey !== undefined) record.idempotencyKey = options.idempotencyKey;
    this.requests.push(record);
    this.attempt(record, to, options.followRedirects ?? true);
    return record;
  }

  /** Sends the same logical request again (a retry), to `to`. */
  retry(record: RequestRecord, to: string): void {
    delete record.final;
    this.attempt(record, to, true);
  }

  /** Sends any message, e.g. a forged append from a stale leader. */
  raw(to: string, msg: SingleLeaderMessage): void {
    this.ctx.send(to, msg);
  }

  subscribe(to: string, fromOffset: number): void {
    this.ctx.send(to, { kind: 'cdc-subscribe', fromOffset });
  }

  onMessage(from: string, msg: SingleLeaderMessage): void {
    if (msg.kind === 'cdc-change') return void this.cdc.push(msg);
    if (msg.kind === 'cdc-error') return void this.cdcErrors.push(msg.error);
    if (msg.kind !== 'client-reply') return void this.peerReplies.push({ from, msg });
    const pending = this.byAttempt.get(msg.requestId);
    if (pending === undefined) return;
    this.byAttempt.delete(msg.requestId);
    const { record, follow } = pending;
    record.replies.push(msg);
    if (msg.outcome === 'redirect' && follow && msg.leader !== undefined && msg.leader !== from) {
      return this.attempt(record, msg.leader, follow);
    }
    record.final = msg;
    record.answeredBy = from;
    record.answeredAtMs = this.world.now();
  }

  onTimer(): void {}

  private attempt(record: RequestRecord, to: string, follow: boolean): void {
    const requestId = `${record.id}.${++this.attempts}`;
    record.target = to;
    this.byAttempt.set(requestId, { record, follow });
    const request: ClientRequest = { kind: 'client-request', requestId, f: record.f, key: record.key, value: record.value };
    if (record.idempotencyKey !== undefined) request.idempotencyKey = record.idempotencyKey;
    this.ctx.send(to, request);
  }
}

export interface Cluster {
  world: World;
  store: StoreDefinition<SingleLeaderMessage>;
  /** The test client (node id 'c1'); valid once the world has started. */
  client(): TestClient;
  node(id: string): SingleLeaderNode | undefined;
  /** The live node that is leader in the highest epoch, if any. */
  leader(): string | undefined;
  /** Runs `fn` at virtual time `atMs`. */
  at(atMs: number, fn: () => void): void;
  /** Custom trace events of one name, with their detail parsed. */
  events(name: string): Array<{ timeMs: number; node: string; detail: Record<string, unknown> }>;
  /** Each live store node's replica state. */
  states(): Record<string, unknown>;
}

/**
 * A single-leader store with one test client in a fresh world: constant 1-5 ms
 * latency, no faults until the test adds some.
 */
export function cluster(config: SingleLeaderConfigInput = {}, options: Partial<WorldOptions> = {}): Cluster {
  const world = new World({ seed: 7, network: { latencyMs: { kind: 'uniform', min: 1, max: 5 } }, ...options });
  const store = singleLeaderStore(config);
  for (const id of store.nodeIds) world.addNode(id, store.factory, { kind: 'store' });
  for (const service of store.services ?? []) world.addNode(service.id, service.factory, { kind: 'service' });
  world.addNode('c1', (ctx: NodeContext<SingleLeaderMessage>) => new TestClient(ctx, world), { kind: 'client' });
  const node = (id: string): SingleLeaderNode | undefined => {
    const live = world.node(id);
    return live instanceof SingleLeaderNode ? live : undefined;
  };
  return {
    world,
    store,
    client: () => world.node<TestClient>('c1')!,
    node,
    leader: () => {
      const leaders = store.nodeIds.map(node).filter((n) => n?.role === 'leader') as SingleLeaderNode[];
      leaders.sort((a, b) => b.replica.epoch - a.replica.epoch);
      return leaders[0]?.ctx.id;
    },
    at: (atMs, fn) => void world.schedule(atMs, 'test step', fn),
    events: (name) =>
      world.trace.events
        .filter((event) => event.kind === 'custom' && event.name === name)
        .map((event) => ({ timeMs: event.timeMs, node: event.node!, detail: JSON.parse(event.detail ?? '{}') as Record<string, unknown> })),
    states: () => Object.fromEntries(store.nodeIds.filter((id) => node(id) !== undefined).map((id) => [id, store.replicaState(node(id)!)])),
  };
}

/** The value of `key` in a replica state, or undefined. */
export function valueIn(state: unknown, key: string): unknown {
  return (state as Record<string, { values: unknown[] }>)[key]?.values[0];
}
