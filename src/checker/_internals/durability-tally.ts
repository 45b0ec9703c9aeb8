/**
 * Durability's tally, key by key: each acknowledged write judged against the
 * key's final observations (see write-fates.ts), the lost ones listed with
 * their evidence, and the recovery point widened to span them.
 */
import type { Verdict } from '../checker.js';
import type { RegisterKey } from './register-view.js';
import { writeFate, type SeenState } from './write-fates.js';

/**
 * A write in the evidence: which, by whom, acknowledged when, and what the final observations showed instead.
 */
export interface WriteEvidence {
  key: string | number | undefined;
  value: unknown;
  process: number;
  invokeIndex: number;
  ackIndex?: number;
  ackNs?: number;
  /** What each final observation showed. */
  finally: Record<string, unknown[]>;
}

/**
 * The recovery point: acknowledged writes lost, and the window of their acknowledgements.
 */
export interface RecoveryPoint {
  lostWrites: number;
  firstLostNs?: number;
  lastLostNs?: number;
  windowMs?: number;
}

/**
 * The evidence of {@link checkDurability} for registers.
 *
 * @example
 * checkDurability(history).detail!.rpo.lostWrites; // 0
 */
export interface DurabilityDetail {
  model: 'register' | 'set' | 'counter';
  keys: number;
  /** Keys with acknowledged writes but no final observation: not judged. */
  unjudgedKeys: Array<string | number | undefined>;
  acknowledged: number;
  visible: number;
  superseded: number;
  stale: number;
  lost: number;
  neverRead: number;
  recovered: number;
  unexpected: number;
  rpo: RecoveryPoint;
  lostWrites: WriteEvidence[];
  staleWrites: WriteEvidence[];
  unexpectedValues: Array<{ key: string | number | undefined; by: string; value: unknown }>;
  /** For sets and counters: the checker that judged them, with its own evidence. */
  delegated?: Verdict;
}

/**
 * Judges one key's writes against its final observations, adding to `detail`.
 *
 * @example
 * judgeKey(view, seen, detail, 20);
 */
export function judgeKey(view: RegisterKey, seen: SeenState[], detail: DurabilityDetail, maxListed: number): void {
  detail.keys++;
  const acknowledged = view.writes.filter((w) => w.op.outcome === 'ok');
  if (seen.length === 0) {
    if (acknowledged.length > 0) detail.unjudgedKeys.push(view.key);
    return;
  }
  const everRead = new Set(view.reads.flatMap((r) => r.observed));
  const evidence = (w: (typeof acknowledged)[number]): WriteEvidence => ({
    key: view.key, value: w.value, process: w.op.process, invokeIndex: w.op.invokeIndex,
    ...(w.op.completeIndex === undefined ? {} : { ackIndex: w.op.completeIndex, ackNs: w.op.completeNs }),
    finally: Object.fromEntries(seen.map((s) => [s.by, s.values])),
  });
  for (const write of view.writes) {
    const fate = writeFate(write, seen);
    if (write.op.outcome !== 'ok') {
      if (seen.some((s) => s.ids.has(write.id))) detail.recovered++;
      continue;
    }
    detail.acknowledged++;
    if (!everRead.has(write.id)) detail.neverRead++;
    detail[fate]++;
    if (fate === 'lost') {
      if (detail.lostWrites.length < maxListed) detail.lostWrites.push(evidence(write));
      widenWindow(detail.rpo, write.op.completeNs);
    } else if (fate === 'stale' && detail.staleWrites.length < maxListed) detail.staleWrites.push(evidence(write));
  }
  for (const state of seen) {
    for (const value of state.unknown) {
      detail.unexpected++;
      if (detail.unexpectedValues.length < maxListed) detail.unexpectedValues.push({ key: view.key, by: state.by, value });
    }
  }
}

/**
 * Counts one more lost write acknowledged at `ackNs` into the recovery point.
 *
 * @example
 * widenWindow(detail.rpo, op.completeNs);
 */
export function widenWindow(rpo: RecoveryPoint, ackNs: number): void {
  rpo.lostWrites++;
  rpo.firstLostNs = Math.min(rpo.firstLostNs ?? ackNs, ackNs);
  rpo.lastLostNs = Math.max(rpo.lastLostNs ?? ackNs, ackNs);
  rpo.windowMs = (rpo.lastLostNs - rpo.firstLostNs) / 1e6;
}

/**
 * A detail with nothing counted yet.
 *
 * @example
 * emptyDetail('register').lost; // 0
 */
export function emptyDetail(model: DurabilityDetail['model']): DurabilityDetail {
  return {
    model, keys: 0, unjudgedKeys: [], acknowledged: 0, visible: 0, superseded: 0, stale: 0, lost: 0,
    neverRead: 0, recovered: 0, unexpected: 0, rpo: { lostWrites: 0 }, lostWrites: [], staleWrites: [], unexpectedValues: [],
  };
}
