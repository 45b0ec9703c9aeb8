import { copyJson } from '../sim/json-copy.js';
import type { ClientNodeContext } from './trace-events.js';
import type { ClientMessage, ClientRequest } from '../store/protocol.js';
import type { LogicalOp } from './logical-op.js';
import type { ClientRuntime } from './runtime.js';
import type { TimeoutKind } from './timeouts.js';

/**
 * Why an attempt was refused before it was sent: it certainly did not happen.
 *
 * @example
 * const refused: LocalRejection | undefined = sender.send(op, 'n1', timeout);
 */
export type LocalRejection = 'circuit-open' | 'bulkhead-full';

/**
 * Sends a client process's attempts through the shared per-node circuit breaker
 * and bulkhead, and reports each attempt's end back to them.
 *
 * @example
 * const sender = new Sender(ctx, runtime);
 * const refused = sender.send(op, 'n1', { kind: 'timeout', afterMs: 1000 }); // undefined when sent or queued
 */
export class Sender {
  constructor(
    private readonly ctx: ClientNodeContext<ClientMessage>,
    private readonly runtime: ClientRuntime,
  ) {}

  /** The run's shared clock, which the shared breakers and discovery service run on. */
  nowMs(): number {
    return this.runtime.clockMs();
  }

  /**
   * Sends the op's next attempt to `nodeId`, or queues it for a bulkhead slot
   * (it is sent when one frees), or refuses it.
   */
  send(op: LogicalOp, nodeId: string, timeout: { kind: TimeoutKind; afterMs: number }): LocalRejection | undefined {
    const { policy, breakers, bulkheads, stats } = this.runtime;
    op.target = nodeId;
    op.permit = undefined;
    if (policy.circuitBreaker.enabled) {
      op.permit = breakers.forNode(nodeId).tryAcquire(this.nowMs());
      if (op.permit === undefined) {
        stats.circuitOpenRejections++;
        return 'circuit-open';
      }
    }
    if (policy.bulkhead.enabled) {
      op.phase = 'queued';
      const admission = bulkheads.forNode(nodeId).acquire(() => this.dispatch(op, nodeId, timeout));
      if (admission === 'rejected') {
        if (op.permit !== undefined) breakers.forNode(nodeId).release(op.permit);
        stats.bulkheadRejections++;
        return 'bulkhead-full';
      }
      if (admission === 'queued') return undefined;
    }
    this.dispatch(op, nodeId, timeout);
    return undefined;
  }

  /** Reports the end of the op's attempt in flight: frees its slot, tells its breaker. */
  settle(op: LogicalOp, nodeId: string, success: boolean): void {
    const { policy, breakers, bulkheads } = this.runtime;
    if (op.permit !== undefined) {
      const change = breakers.forNode(nodeId).onResult(op.permit, success, this.nowMs());
      if (change !== undefined) this.ctx.trace('circuit-breaker', { node: nodeId, state: change });
      op.permit = undefined;
    }
    if (policy.bulkhead.enabled) bulkheads.forNode(nodeId).release();
  }

  private dispatch(op: LogicalOp, nodeId: string, timeout: { kind: TimeoutKind; afterMs: number }): void {
    const request: ClientRequest = {
      kind: 'client-request',
      requestId: `${this.ctx.id}/${op.number}/${op.attempts}`,
      f: op.verb,
      // The planned value belongs to the workload, which may reuse it: the store gets its own.
      value: copyJson(op.planned.value),
    };
    if (op.planned.key !== undefined) request.key = op.planned.key;
    if (op.idempotencyKey !== undefined) request.idempotencyKey = op.idempotencyKey;
    op.attempts++;
    op.phase = 'sent';
    op.requestId = request.requestId;
    op.timeoutKind = timeout.kind;
    this.runtime.stats.requestsSent++;
    this.ctx.send(nodeId, request);
    this.ctx.setTimer(timeout.afterMs, 'attempt-timeout');
  }
}
