/**
 * Availability: how the system served clients through its faults. Per fault,
 * the recovery time (from its start to the first successful op invoked after
 * it) and the share of ops that succeeded while it was in force; latency
 * percentiles before, during and after faults; leader elections, and the
 * false failovers among them — a live, reachable leader deposed because it
 * was briefly paused or slow — with the availability they cost.
 */
import type { Op } from '../history/op.js';
import type { TraceEvent } from '../sim/trace.js';
import { isStoreEvent } from '../store/trace-events.js';
import { clientOps, type ClientOp } from './_internals/client-ops.js';
import { failovers, type Failover } from './_internals/failovers.js';
import { latencyByPhase, type PhaseLatency } from './_internals/latency-phases.js';
import { faultIntervals, type FaultInterval } from './_internals/nemesis-faults.js';
import { missingContext, type Checker, type Verdict } from './checker.js';

export type { Failover, FailoverCause } from './_internals/failovers.js';
export type { PhaseLatency } from './_internals/latency-phases.js';

/**
 * Options of {@link checkAvailability}.
 *
 * @example
 * checkAvailability(run.history, run.trace, { failoverGraceMs: 500 });
 */
export interface AvailabilityOptions {
  /**
   * The shortest silence (pause, slowness, delay) of a live, reachable leader
   * that may justify deposing it, in ms. An election sooner than that after the
   * fault began (or with no fault at all) is a false failover. Default 250.
   */
  failoverGraceMs?: number;
}

/**
 * One fault's effect on clients.
 */
export interface FaultAvailability {
  fault: string;
  startMs: number;
  /** null when the fault was never healed. */
  endMs: number | null;
  /** ms from the fault's start to the completion of the first successful op invoked after it; null when none. */
  rtoMs: number | null;
  /** Ops invoked while it was in force, and how many of them succeeded. */
  ops: number;
  ok: number;
  successRate: number | null;
}

/**
 * A false failover and what it cost: ms from the fault that silenced the
 * leader (or the election, with no fault) to the first success after the
 * election, and the ops that failed or went unanswered in between.
 */
export interface FalseFailover extends Failover {
  unavailableMs: number | null;
  opsFailed: number;
}

/**
 * The evidence of {@link checkAvailability}.
 *
 * @example
 * checkAvailability(history, trace).detail!.elections; // 1
 */
export interface AvailabilityDetail {
  faults: FaultAvailability[];
  phases: PhaseLatency[];
  elections: number;
  failovers: Failover[];
  falseFailovers: FalseFailover[];
}

/**
 * Measures availability; invalid (anomaly 'false-failover') only when a leader
 * was deposed while live and reachable (see {@link AvailabilityOptions}).
 *
 * @example
 * const verdict = checkAvailability(run.history, run.trace);
 * verdict.detail!.phases.find((p) => p.phase === 'during')?.p99Ms;
 */
export function checkAvailability(history: readonly Op[], trace: readonly TraceEvent[], options: AvailabilityOptions = {}): Verdict<AvailabilityDetail> {
  const ops = clientOps(history);
  const faults = faultIntervals(history);
  const found = failovers(trace, options.failoverGraceMs ?? 250);
  const elections = trace.filter((e) => isStoreEvent(e, 'election')).length;
  const falseFailovers = found.filter((f) => f.falseFailover).map((f) => costOf(f, ops));
  const detail: AvailabilityDetail = { faults: faults.map((f) => faultAvailability(f, ops)), phases: latencyByPhase(ops, faults), elections, failovers: found, falseFailovers };
  if (falseFailovers.length === 0) {
    return { valid: true, reason: `${faults.length} faults, ${elections} elections, no false failover`, detail };
  }
  const first = falseFailovers[0]!;
  const why = first.cause === 'none' ? 'with no fault on it' : `${first.silentForMs} ms after a ${first.cause} fault began`;
  const cost = first.unavailableMs === null ? 'no op succeeded after it' : `${first.unavailableMs} ms without a success, ${first.opsFailed} ops failed or unanswered`;
  return {
    valid: false,
    anomaly: 'false-failover',
    reason: `${falseFailovers.length} of ${found.length} failovers deposed a live, reachable leader; ${first.previousLeader} was replaced by ${first.leader} at ${first.atMs} ms ${why} (${cost})`,
    detail,
  };
}

function faultAvailability(fault: FaultInterval, ops: readonly ClientOp[]): FaultAvailability {
  const during = ops.filter((op) => op.callNs >= fault.startNs && op.callNs < fault.endNs);
  const ok = during.filter((op) => op.outcome === 'ok').length;
  const firstSuccess = firstOkCompletion(ops, fault.startNs);
  return {
    fault: fault.name,
    startMs: fault.startNs / 1e6,
    endMs: Number.isFinite(fault.endNs) ? fault.endNs / 1e6 : null,
    rtoMs: firstSuccess === undefined ? null : (firstSuccess - fault.startNs) / 1e6,
    ops: during.length,
    ok,
    successRate: during.length === 0 ? null : ok / during.length,
  };
}

/** The earliest completion of an op invoked at or after `fromNs` that succeeded. */
function firstOkCompletion(ops: readonly ClientOp[], fromNs: number): number | undefined {
  let first: number | undefined;
  for (const op of ops) if (op.outcome === 'ok' && op.callNs >= fromNs && (first === undefined || op.completeNs < first)) first = op.completeNs;
  return first;
}

function costOf(failover: Failover, ops: readonly ClientOp[]): FalseFailover {
  const fromMs = failover.silentForMs === null ? failover.atMs : failover.atMs - failover.silentForMs;
  const firstOk = firstOkCompletion(ops, failover.atMs * 1e6);
  const untilNs = firstOk ?? Infinity;
  const opsFailed = ops.filter((op) => op.outcome !== 'ok' && op.callNs >= fromMs * 1e6 && op.callNs <= untilNs).length;
  return { ...failover, unavailableMs: firstOk === undefined ? null : firstOk / 1e6 - fromMs, opsFailed };
}

/**
 * The availability checker: the history's latencies and the failovers in the
 * context's trace. A recorded history has no trace: the verdict is unknown and
 * says so.
 *
 * @example
 * availabilityChecker().check(run.history, { trace: run.trace }).anomaly; // 'false-failover' or undefined
 */
export function availabilityChecker(): Checker {
  return {
    name: 'availability',
    check(history, context) {
      return context.trace === undefined ? missingContext('availability', "the nodes' trace") : checkAvailability(history, context.trace);
    },
  };
}
