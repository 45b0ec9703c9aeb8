import type { Router } from './router.js';
import type { Body, Message } from './protocol.js';

/**
 * One RPC endpoint with a client id (`c1`, …): sends requests through the
 * router and resolves each with its reply, or with 'timeout' when none comes in
 * time (the op is then indeterminate).
 *
 * @example
 * const client = new RpcClient('c1', router, 2000);
 * const reply = await client.call('n1', { type: 'read', key: 1 });
 */
export class RpcClient {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: Body | 'timeout') => void>();

  constructor(
    readonly id: string,
    private readonly router: Router,
    private readonly timeoutMs: number,
  ) {
    router.addEndpoint(id, (message) => this.receive(message));
  }

  call(dest: string, body: Omit<Body, 'msg_id'>, timeoutMs = this.timeoutMs): Promise<Body | 'timeout'> {
    const msgId = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(msgId);
        resolve('timeout');
      }, timeoutMs);
      this.pending.set(msgId, (reply) => {
        clearTimeout(timer);
        this.pending.delete(msgId);
        resolve(reply);
      });
      this.router.send({ src: this.id, dest, body: { ...body, msg_id: msgId } as Body });
    });
  }

  /** Fails every pending call as a timeout (the run is ending). */
  abandon(): void {
    for (const resolve of [...this.pending.values()]) resolve('timeout');
  }

  private receive(message: Message): void {
    const inReplyTo = message.body.in_reply_to;
    // A reply to a request that timed out, or no reply at all: nothing waits for it.
    if (typeof inReplyTo === 'number') this.pending.get(inReplyTo)?.(message.body);
  }
}
