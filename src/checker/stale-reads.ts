/**
 * Stale reads, for registers whose written values are unique: a read that
 * returned a value already overwritten before the read began — some write
 * invoked after the value's write had completed was itself acknowledged before
 * the read was invoked. No order the store may choose makes such a read fresh,
 * so each one is a plain, explainable instance of non-linearizability.
 */
import type { Op } from '../history/op.js';
import { canonicalKey } from '../models/canonical.js';
import { clientOps } from './_internals/client-ops.js';
import type { RegisterKey, RegisterRead, RegisterWrite } from './_internals/register-view.js';
import { registerView } from './_internals/register-view.js';
import type { Checker, Verdict } from './checker.js';

/**
 * A stale read: what it returned, and the write that had already replaced it.
 */
export interface StaleRead {
  key: string | number | undefined;
  process: number;
  readIndex: number;
  read: unknown[];
  /** The value of the newer write that completed before the read began. */
  overwrittenBy: unknown;
  overwriteAckIndex: number;
  /** How long before the read began that newer write had been acknowledged, in ms. */
  stalenessMs: number;
}

/**
 * The evidence of {@link checkStaleReads}.
 *
 * @example
 * checkStaleReads(history).detail!.stale; // 0
 */
export interface StaleReadsDetail {
  reads: number;
  stale: number;
  staleReads: StaleRead[];
}

/**
 * Finds stale reads (see the file's description). Invalid, anomaly 'stale-read'.
 *
 * @example
 * checkStaleReads([
 *   { index: 0, time: 0, process: 0, type: 'invoke', f: 'write', value: 1 },
 *   { index: 1, time: 1, process: 0, type: 'ok', f: 'write', value: 1 },
 *   { index: 2, time: 2, process: 1, type: 'invoke', f: 'read', value: null },
 *   { index: 3, time: 3, process: 1, type: 'ok', f: 'read', value: null },
 * ]).anomaly; // 'stale-read'
 */
export function checkStaleReads(history: readonly Op[], options: { initial?: unknown; maxListed?: number } = {}): Verdict<StaleReadsDetail> {
  const initialId = canonicalKey(options.initial ?? null);
  const found: StaleRead[] = [];
  let reads = 0;
  for (const view of registerView(clientOps(history)).values()) {
    const newest = new NewestAcknowledged(view.writes);
    for (const read of view.reads) {
      if (read.cas) continue;
      reads++;
      const stale = staleness(view, read, newest, initialId);
      if (stale !== undefined) found.push(stale);
    }
  }
  found.sort((a, b) => a.readIndex - b.readIndex);
  const detail: StaleReadsDetail = { reads, stale: found.length, staleReads: found.slice(0, options.maxListed ?? 20) };
  if (found.length === 0) return { valid: true, reason: `none of ${reads} reads returned an overwritten value`, detail };
  const first = found[0]!;
  const where = first.key === undefined ? '' : ` of key ${String(first.key)}`;
  const reason = `${found.length} stale reads; p${first.process}'s read${where} at #${first.readIndex} returned ${JSON.stringify(first.read)}, `
    + `but ${JSON.stringify(first.overwrittenBy)} had replaced it ${first.stalenessMs} ms before the read began (acknowledged at #${first.overwriteAckIndex})`;
  return { valid: false, anomaly: 'stale-read', reason, detail };
}

/** A read is stale when every value it saw was overwritten before it began (the initial value counts too). */
function staleness(view: RegisterKey, read: RegisterRead, newest: NewestAcknowledged, initialId: string): StaleRead | undefined {
  const latest = newest.latestInvokedBefore(read.op.call);
  if (latest === undefined) return undefined;
  for (const id of read.observed) {
    const writes = view.writesById.get(id);
    if (writes === undefined && id !== initialId) return undefined; // an unknown value: not this checker's
    const completedAt = Math.max(-1, ...(writes ?? []).map((w) => w.op.ret));
    if (latest.op.call <= completedAt) return undefined;
  }
  const values = read.observed.length > 1 ? (read.op.output as unknown[]) : [read.op.output];
  return {
    key: view.key, process: read.op.process, readIndex: read.op.invokeIndex, read: values, overwrittenBy: latest.value,
    overwriteAckIndex: latest.op.completeIndex!, stalenessMs: (read.op.callNs - latest.op.completeNs) / 1e6,
  };
}

/** Among the acknowledged writes completed before a point, the one invoked last. */
class NewestAcknowledged {
  private readonly rets: number[] = [];
  private readonly latest: RegisterWrite[] = [];

  constructor(writes: readonly RegisterWrite[]) {
    const acknowledged = writes.filter((w) => w.op.outcome === 'ok').sort((a, b) => a.op.ret - b.op.ret);
    for (const write of acknowledged) {
      const previous = this.latest[this.latest.length - 1];
      this.rets.push(write.op.ret);
      this.latest.push(previous !== undefined && previous.op.call > write.op.call ? previous : write);
    }
  }

  /** The acknowledged write, completed before `call`, with the latest invocation. */
  latestInvokedBefore(call: number): RegisterWrite | undefined {
    let low = 0;
    let high = this.rets.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.rets[mid]! < call) low = mid + 1;
      else high = mid;
    }
    return low === 0 ? undefined : this.latest[low - 1];
  }
}

/**
 * The stale-reads checker for registers of unique values, starting from `initial` (default null).
 *
 * @example
 * staleReadsChecker({ initial: null }).check(history.ops, {}).anomaly; // 'stale-read' or undefined
 */
export function staleReadsChecker(options: { initial?: unknown } = {}): Checker {
  return { name: 'stale-reads', check: (history) => checkStaleReads(history, { initial: options.initial ?? null }) };
}
