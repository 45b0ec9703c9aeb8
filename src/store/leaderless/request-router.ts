/**
 * Where a client's request is coordinated. With `coordinator: 'contacted'` the
 * contacted node coordinates it. With `'preference-list'` it does so only when it
 * is one of the key's replicas; otherwise it forwards the request to the first
 * replica it does not suspect, and relays the answer. A forward unanswered after
 * twice requestTimeoutMs (the coordinator's own budget plus slack for the network)
 * is answered 'error' (unknown outcome: the coordinator may have applied it).
 *
 * @example
 * router.onClientRequest('c1', request);
 */
import { ChurnTable } from '../../sim/churn-table.js';
import type { ClientReply, ClientRequest } from '../protocol.js';
import { keyOf, type Answer } from './coordinated-op.js';
import type { Coordinator } from './coordinator.js';
import type { Forward, ForwardReply } from './messages.js';
import type { NodeEnv } from './node-env.js';

interface PendingForward {
  client: string;
  requestId: string;
  target: string;
}

/**
 * Decides where each client request is coordinated (see the file's description).
 *
 * @example
 * const router = new RequestRouter(env, coordinator);
 * router.onClientRequest('c1', request);
 */
export class RequestRouter {
  private readonly forwards = new ChurnTable<PendingForward>();

  constructor(
    private readonly env: NodeEnv,
    private readonly coordinator: Coordinator,
  ) {}

  onClientRequest(client: string, request: ClientRequest): void {
    const owners = this.env.owners(keyOf(request));
    if (this.env.config.coordinator === 'contacted' || owners.includes(this.env.id)) {
      return this.coordinator.coordinate(request, (answer) => this.env.ctx.send(client, toReply(request.requestId, answer)));
    }
    const target = owners.find((owner) => !this.env.isSuspected(owner)) ?? owners[0]!;
    const forwardId = this.env.newId();
    this.forwards.set(forwardId, { client, requestId: request.requestId, target });
    this.env.ctx.send(target, { kind: 'forward', forwardId, request } satisfies Forward);
    this.env.ctx.setTimer(2 * this.env.config.requestTimeoutMs, `forward:${forwardId}`);
  }

  /** Another node asks this one to coordinate a request for it. */
  onForward(from: string, forward: Forward): void {
    this.coordinator.coordinate(forward.request, (answer) => {
      const reply = toReply(forward.request.requestId, answer);
      this.env.ctx.send(from, { kind: 'forward-reply', forwardId: forward.forwardId, reply } satisfies ForwardReply);
    });
  }

  onForwardReply(reply: ForwardReply): void {
    const pending = this.forwards.get(reply.forwardId);
    if (!pending) return;
    this.forwards.delete(reply.forwardId);
    this.env.ctx.cancelTimer(`forward:${reply.forwardId}`);
    this.env.ctx.send(pending.client, { ...reply.reply, requestId: pending.requestId });
  }

  /** Handles the forward timers; false when the timer is not one of them. */
  onTimer(name: string): boolean {
    if (!name.startsWith('forward:')) return false;
    const forwardId = name.slice('forward:'.length);
    const pending = this.forwards.get(forwardId);
    if (pending) {
      this.forwards.delete(forwardId);
      this.env.suspect(pending.target);
      this.env.ctx.send(pending.client, toReply(pending.requestId, { outcome: 'error', error: 'forward-timeout' }));
    }
    return true;
  }
}

/**
 * A coordinator's answer as a client reply.
 *
 * @example
 * toReply('r1', { outcome: 'ok', value: 3 }); // { kind: 'client-reply', requestId: 'r1', outcome: 'ok', value: 3 }
 */
export function toReply(requestId: string, answer: Answer): ClientReply {
  const reply: ClientReply = { kind: 'client-reply', requestId, outcome: answer.outcome };
  if (answer.value !== undefined) reply.value = answer.value;
  if (answer.error !== undefined) reply.error = answer.error;
  return reply;
}
