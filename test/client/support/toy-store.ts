import type { NodeContext, NodeFactory, SimNode } from '../../../src/sim/node.js';
import { isClientRequest, type ClientMessage, type ClientReply, type ClientRequest } from '../../../src/store/protocol.js';

/**
 * A one-copy key-value node for exercising client processes: it really applies
 * read, write and incr, dedupes idempotency keys, and, when a leader is named,
 * every other node redirects to it (with or without a hint). Faults come from the
 * World (crash, partition, slow), never from the node itself.
 */
export interface ToyStoreOptions {
  /** The only node that serves requests; undefined = every node serves. */
  leader?: string;
  /** Whether redirects name the leader. Default true. */
  hint?: boolean;
  /** Verbs answered with a 'fail' reply (certainly not applied). */
  failVerbs?: string[];
  /** Verbs answered with an 'error' reply after being applied (unknown outcome). */
  errorVerbs?: string[];
}

export class ToyStoreNode implements SimNode<ClientMessage> {
  readonly values = new Map<string, unknown>();
  readonly applied = new Map<string, unknown>();
  /** Requests received, in arrival order. */
  readonly received: ClientRequest[] = [];
  /** The node's clock when each request arrived. */
  readonly receivedAtMs: number[] = [];

  constructor(
    private readonly ctx: NodeContext<ClientMessage>,
    private readonly options: ToyStoreOptions,
  ) {}

  onTimer(): void {}

  onMessage(from: string, msg: ClientMessage): void {
    if (!isClientRequest(msg)) return;
    this.received.push(msg);
    this.receivedAtMs.push(this.ctx.now());
    this.ctx.send(from, this.answer(msg));
  }

  private answer(request: ClientRequest): ClientReply {
    const base = { kind: 'client-reply' as const, requestId: request.requestId };
    const { leader, hint = true, failVerbs = [], errorVerbs = [] } = this.options;
    if (leader !== undefined && leader !== this.ctx.id) {
      return hint ? { ...base, outcome: 'redirect', leader } : { ...base, outcome: 'redirect' };
    }
    if (failVerbs.includes(request.f)) return { ...base, outcome: 'fail', error: 'refused' };
    const value = this.apply(request);
    if (errorVerbs.includes(request.f)) return { ...base, outcome: 'error', error: 'lost-ack' };
    return { ...base, outcome: 'ok', value };
  }

  private apply(request: ClientRequest): unknown {
    const key = request.idempotencyKey;
    if (key !== undefined && this.applied.has(key)) return this.applied.get(key);
    const k = String(request.key);
    let result: unknown;
    if (request.f === 'read') result = this.values.get(k) ?? null;
    else if (request.f === 'incr') {
      result = ((this.values.get(k) as number | undefined) ?? 0) + (request.value as number);
      this.values.set(k, result);
    } else {
      this.values.set(k, request.value);
      result = request.value;
    }
    if (key !== undefined) this.applied.set(key, result);
    return result;
  }
}

/** @example world.addNode('n1', toyStoreFactory({ leader: 'n2' }), { kind: 'store' }); */
export function toyStoreFactory(options: ToyStoreOptions = {}): NodeFactory<ClientMessage> {
  return (ctx) => new ToyStoreNode(ctx, options);
}
