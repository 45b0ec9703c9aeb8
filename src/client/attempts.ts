import type { OpType } from '../history/op.js';
import { copyJson } from '../sim/json-copy.js';
import type { ClientNodeContext } from './trace-events.js';
import type { ClientMessage, ClientReply } from '../store/protocol.js';
import { EntryPointWalk } from './entry-points.js';
import { LeaderCache } from './leader-discovery.js';
import type { LogicalOp } from './logical-op.js';
import { backoffDelayMs, type FailureClass, mayRetry } from './retry.js';
import type { ClientRuntime } from './runtime.js';
import { Sender } from './sender.js';
import { attemptTimeout, Connections } from './timeouts.js';

/**
 * How a logical op ended: its completion type, the node last involved, and its error or value.
 */
export interface OpEnd {
  type: Exclude<OpType, 'invoke'>;
  nodeId: string;
  error?: string;
  value?: unknown;
}

/**
 * Carries one client process's ops through their attempts: picks the node (the
 * cached leader, else the current entry point), sends, follows redirects, and on
 * failure retries after a jittered backoff when the retry rule allows. It hands
 * each op's end to `onEnd`.
 *
 * @example
 * const attempts = new Attempts(ctx, runtime, ['n1', 'n2'], 0, (op, end) => record(op, end));
 * attempts.start(op);
 */
export class Attempts {
  private readonly connections = new Connections();
  private readonly leaders: LeaderCache;
  private readonly walk: EntryPointWalk;
  private readonly sender: Sender;

  constructor(
    private readonly ctx: ClientNodeContext<ClientMessage>,
    private readonly runtime: ClientRuntime,
    entryPoints: readonly string[],
    firstEntryPoint: number,
    private readonly onEnd: (op: LogicalOp, end: OpEnd) => void,
  ) {
    this.leaders = new LeaderCache(runtime.policy.discovery, runtime.discovery);
    this.walk = new EntryPointWalk(entryPoints, firstEntryPoint);
    this.sender = new Sender(ctx, runtime);
  }

  start(op: LogicalOp): void {
    this.tryNode(op, this.chooseNode());
  }

  /** The backoff is over: try again. */
  onBackoffOver(op: LogicalOp): void {
    if (op.phase === 'backoff') this.tryNode(op, this.chooseNode());
  }

  /** A reply from `from`; replies to abandoned attempts only show the connection is alive. */
  onReply(op: LogicalOp | undefined, from: string, reply: ClientReply): void {
    this.connections.heardFrom(from);
    if (op?.phase !== 'sent' || reply.requestId !== op.requestId) return;
    this.ctx.cancelTimer('attempt-timeout');
    this.sender.settle(op, from, reply.outcome !== 'error');
    this.handleReply(op, from, reply);
  }

  /** No reply in time: the request may have applied, and the node may be gone. */
  onNoReply(op: LogicalOp): void {
    if (op.phase !== 'sent') return;
    const nodeId = op.target;
    this.sender.settle(op, nodeId, false);
    op.uncertain = true;
    this.connections.timedOut(nodeId);
    this.leaders.forget(nodeId);
    const kind = op.timeoutKind!;
    if (kind === 'connect-timeout') this.runtime.stats.connectTimeouts++;
    else this.runtime.stats.timeouts++;
    this.onFailure(op, nodeId, 'unknown', kind);
  }

  /** The cached leader while discovery works, else the current entry point. */
  private chooseNode(): string {
    return this.leaders.leader(this.sender.nowMs()) ?? this.walk.current();
  }

  private tryNode(op: LogicalOp, nodeId: string): void {
    const timeout = attemptTimeout(this.runtime.policy.timeouts, this.connections.isLive(nodeId));
    const rejection = this.sender.send(op, nodeId, timeout);
    if (rejection !== undefined) this.onEnd(op, { type: op.uncertain ? 'info' : 'fail', nodeId, error: rejection });
  }

  private handleReply(op: LogicalOp, from: string, reply: ClientReply): void {
    const nowMs = this.sender.nowMs();
    switch (reply.outcome) {
      case 'ok':
        this.leaders.learn(from, nowMs);
        // A read's value may be the store's own memory (messages are shared when both sides allow): the history gets a copy.
        return this.onEnd(op, { type: 'ok', nodeId: from, value: op.verb === 'read' ? copyJson(reply.value) : op.planned.value });
      case 'redirect':
        if (this.mayFollow(op, from, reply.leader)) {
          op.redirectsFollowed++;
          this.runtime.stats.redirectsFollowed++;
          this.leaders.learn(reply.leader!, nowMs);
          return this.tryNode(op, reply.leader!);
        }
        this.leaders.forget(from);
        return this.onFailure(op, from, 'definite', reply.error ?? 'redirect');
      case 'fail':
        return this.onFailure(op, from, 'definite', reply.error ?? 'fail');
      case 'error':
        op.uncertain = true;
        return this.onFailure(op, from, 'unknown', reply.error ?? 'error');
    }
  }

  private mayFollow(op: LogicalOp, from: string, leader: string | undefined): boolean {
    return leader !== undefined && leader !== from && this.leaders.usable(this.sender.nowMs())
      && op.redirectsFollowed < this.runtime.policy.retry.maxRedirects;
  }

  /** Retries after a jittered backoff when the retry rule allows, else ends the op. */
  private onFailure(op: LogicalOp, nodeId: string, failure: FailureClass, error: string): void {
    this.walk.passOver(nodeId);
    const { policy, stats } = this.runtime;
    const hasIdempotencyKey = op.idempotencyKey !== undefined;
    if (!mayRetry(policy.retry, { failure, hasIdempotencyKey, retriesDone: op.retriesDone })) {
      return this.onEnd(op, { type: op.uncertain ? 'info' : 'fail', nodeId, error });
    }
    const delayMs = backoffDelayMs(policy.retry, op.retriesDone, () => this.ctx.random());
    op.retriesDone++;
    stats.retries++;
    op.phase = 'backoff';
    this.ctx.setTimer(delayMs, 'backoff');
  }
}
