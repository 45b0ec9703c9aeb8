import type { StoreNodeContext } from '../trace-events.js';
import type { ClientReply, ClientRequest } from '../protocol.js';
import type { ForwardReply, MultiLeaderMessage } from './messages.js';
import { replyTo } from './requests.js';

const TIMER_PREFIX = 'forward:';

interface PendingForward {
  client: string;
  request: ClientRequest;
}

/**
 * Home routing's relay: sends a client's write on to the key's home leader, and
 * the home leader's answer back to the client. When no answer comes within
 * `timeoutMs` the client is told `error` (the outcome is unknown: the home leader
 * may have applied the write and only its reply was lost). Pending forwards live in
 * memory only; after a crash the client's own timeout covers them.
 *
 * @example
 * const forwarder = new Forwarder(ctx, 500);
 * forwarder.forward('client-1', request, 'dc2-n1');
 * // later, in onMessage: forwarder.onReply(msg); in onTimer: forwarder.onTimer(name)
 */
export class Forwarder {
  private readonly pending = new Map<string, PendingForward>();
  private counter = 0;

  constructor(
    private readonly ctx: StoreNodeContext<MultiLeaderMessage>,
    private readonly timeoutMs: number,
  ) {}

  /** Sends `request` from `client` on to `homeLeader`. */
  forward(client: string, request: ClientRequest, homeLeader: string): void {
    this.counter++;
    const forwardId = `${this.ctx.id}/${this.counter}`;
    this.pending.set(forwardId, { client, request });
    this.ctx.send(homeLeader, { kind: 'ml-forward', forwardId, request });
    this.ctx.setTimer(this.timeoutMs, TIMER_PREFIX + forwardId);
    this.ctx.trace('forward', { key: request.key ?? null, to: homeLeader, requestId: request.requestId });
  }

  /** Relays the home leader's reply to the waiting client (a late reply is dropped). */
  onReply(msg: ForwardReply): void {
    const waiting = this.pending.get(msg.forwardId);
    if (waiting === undefined) return;
    this.pending.delete(msg.forwardId);
    this.ctx.cancelTimer(TIMER_PREFIX + msg.forwardId);
    const reply: ClientReply = { ...msg.reply, requestId: waiting.request.requestId };
    this.ctx.send(waiting.client, reply);
  }

  /** Handles a timer; returns false when it was not one of the forwarder's. */
  onTimer(name: string): boolean {
    if (!name.startsWith(TIMER_PREFIX)) return false;
    const forwardId = name.slice(TIMER_PREFIX.length);
    const waiting = this.pending.get(forwardId);
    if (waiting === undefined) return true;
    this.pending.delete(forwardId);
    this.ctx.send(waiting.client, replyTo(waiting.request, 'error', { error: 'forward-timeout' }));
    return true;
  }
}
