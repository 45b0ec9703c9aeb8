import type { BreakerPermit } from './circuit-breaker.js';
import type { PlannedOp } from './op-source.js';
import type { TimeoutKind } from './timeouts.js';

/**
 * Where a logical op stands: waiting for a bulkhead slot, sent and awaiting its
 * reply, or sleeping before a retry.
 *
 * @example
 * if (op.phase === 'sent') attempts.onNoReply(op);
 */
export type OpPhase = 'queued' | 'sent' | 'backoff';

/**
 * One logical op of a client process, across all its attempts.
 *
 * @example
 * const op = startOp(0, { f: 'add', key: 'c', value: 1 }, 'incr', 'c0/0');
 * op.uncertain; // false until an attempt ends without a definite answer
 */
export interface LogicalOp {
  /** The client's op counter when it started: unique per client, also across its crashes. */
  readonly number: number;
  readonly planned: PlannedOp;
  /** The store verb the workload's f maps to. */
  readonly verb: string;
  /** Shared by every attempt; undefined when keys are off. */
  readonly idempotencyKey: string | undefined;
  phase: OpPhase;
  /** The node of the latest attempt. */
  target: string;
  /** The latest attempt's request id; replies to earlier attempts are ignored. */
  requestId: string | undefined;
  /** Requests sent for this op so far. */
  attempts: number;
  timeoutKind: TimeoutKind | undefined;
  retriesDone: number;
  redirectsFollowed: number;
  /** Some attempt may have applied: the op can no longer be recorded as fail. */
  uncertain: boolean;
  /** The breaker's leave for the attempt in flight (when breakers are on). */
  permit: BreakerPermit | undefined;
}

/**
 * A logical op about to make its first attempt.
 *
 * @example
 * startOp(3, { f: 'read', key: 'x', value: null }, 'read', undefined).attempts; // 0
 */
export function startOp(number: number, planned: PlannedOp, verb: string, idempotencyKey: string | undefined): LogicalOp {
  return {
    number,
    planned,
    verb,
    idempotencyKey,
    phase: 'queued',
    target: '',
    requestId: undefined,
    attempts: 0,
    timeoutKind: undefined,
    retriesDone: 0,
    redirectsFollowed: 0,
    uncertain: false,
    permit: undefined,
  };
}
