/**
 * Session guarantees, per client process and key, for registers whose written
 * values are unique (so a read names the write it saw): read-your-writes,
 * monotonic reads, monotonic writes and writes-follow-reads.
 *
 * A store may order concurrent writes as it likes, so a read only breaks a
 * guarantee when what it saw is certainly older than what the session had
 * already written or seen. "Certainly older" follows from real time (a write
 * completed before another was invoked) and from the sessions' own facts (see
 * write-order.ts).
 */
import type { Op } from '../history/op.js';
import { canonicalKey } from '../models/canonical.js';
import { clientOps } from './_internals/client-ops.js';
import { registerView } from './_internals/register-view.js';
import { sessionViolations, type SessionGuarantee, type SessionViolation } from './_internals/session-walk.js';
import { WriteOrder } from './_internals/write-order.js';
import type { Checker, Verdict } from './checker.js';

export type { SessionGuarantee, SessionViolation } from './_internals/session-walk.js';

/**
 * Options of {@link checkSessions}.
 *
 * @example
 * checkSessions(history, { realTime: false }); // a store that promises causal order only
 */
export interface SessionOptions {
  /**
   * Take a write completed before another was invoked as older (the order a
   * single-copy store keeps). Turn off for stores that order writes of
   * different clients freely. Default true.
   */
  realTime?: boolean;
  /** The registers' value before any write. Default null. */
  initial?: unknown;
  /** Violations listed in the evidence (all are counted). Default 20. */
  maxListed?: number;
}

/**
 * The evidence of {@link checkSessions}: counts per guarantee, and the violations.
 *
 * @example
 * checkSessions(history).detail!.broken['read-your-writes']; // 0
 */
export interface SessionDetail {
  sessions: number;
  reads: number;
  broken: Record<SessionGuarantee, number>;
  violations: SessionViolation[];
  /** Keys skipped because two writes wrote the same value (a read could not name its write). */
  ambiguousKeys: Array<string | number | undefined>;
}

/**
 * Checks every client's session guarantees. Invalid (anomaly 'session') when a
 * client read a value certainly older than one it had written or read before.
 *
 * @example
 * checkSessions([
 *   { index: 0, time: 0, process: 0, type: 'invoke', f: 'write', key: 'x', value: 1 },
 *   { index: 1, time: 1, process: 0, type: 'ok', f: 'write', key: 'x', value: 1 },
 *   { index: 2, time: 2, process: 0, type: 'invoke', f: 'read', key: 'x', value: null },
 *   { index: 3, time: 3, process: 0, type: 'ok', f: 'read', key: 'x', value: null },
 * ]).detail!.broken['read-your-writes']; // 1
 */
export function checkSessions(history: readonly Op[], options: SessionOptions = {}): Verdict<SessionDetail> {
  const realTime = options.realTime ?? true;
  const initialId = canonicalKey(options.initial ?? null);
  const broken: Record<SessionGuarantee, number> = { 'read-your-writes': 0, 'monotonic-reads': 0, 'monotonic-writes': 0, 'writes-follow-reads': 0 };
  const violations: SessionViolation[] = [];
  const processes = new Set<number>();
  const ambiguousKeys: SessionDetail['ambiguousKeys'] = [];
  let reads = 0;
  for (const view of registerView(clientOps(history)).values()) {
    if ([...view.writesById.values()].some((writes) => writes.length > 1)) {
      ambiguousKeys.push(view.key);
      continue;
    }
    const orders = {
      full: new WriteOrder(view, { realTime, writesFollowReads: true }),
      withoutFollowReads: new WriteOrder(view, { realTime, writesFollowReads: false }),
    };
    reads += view.reads.length;
    const keyProcesses = new Set([...view.reads, ...view.writes].map((x) => x.op.process));
    for (const process of keyProcesses) {
      processes.add(process);
      for (const found of sessionViolations(view, process, orders, initialId)) {
        broken[found.guarantee]++;
        violations.push(found);
      }
    }
  }
  violations.sort((a, b) => a.readIndex - b.readIndex);
  const detail: SessionDetail = { sessions: processes.size, reads, broken, violations: violations.slice(0, options.maxListed ?? 20), ambiguousKeys };
  if (violations.length === 0) {
    const skipped = ambiguousKeys.length === 0 ? '' : ` (${ambiguousKeys.length} keys with repeated values skipped)`;
    return { valid: true, reason: `${processes.size} sessions kept all four guarantees over ${reads} reads${skipped}`, detail };
  }
  const first = violations[0]!;
  const where = first.key === undefined ? '' : ` of key ${String(first.key)}`;
  const reason = `${violations.length} session violations; ${first.guarantee}: p${first.process}'s read${where} at #${first.readIndex} `
    + `returned ${JSON.stringify(first.read)}, older than ${JSON.stringify(first.atLeast)} (${first.because})`;
  return { valid: false, anomaly: 'session', reason, detail };
}

/**
 * The sessions checker for registers of unique values, starting from `initial` (default null).
 *
 * @example
 * sessionsChecker({ initial: null }).check(history.ops, {}).valid;
 */
export function sessionsChecker(options: { initial?: unknown } = {}): Checker {
  return { name: 'sessions', check: (history) => checkSessions(history, { initial: options.initial ?? null }) };
}
