/**
 * The anti-entropy verifier: checks, from a leaderless run's trace, that the
 * mechanisms meant to repair replicas repaired what really differed —
 * - Merkle exchanges: every comparison step found exactly the tree nodes whose
 *   keys really differed between the two replicas (brute force over digests of
 *   each key's state that both sides trace);
 * - hinted handoff: every hint was delivered or is still held, none dropped;
 * - read repair: every stale replica a read observed was sent the newest
 *   version seen, and never an older one.
 */
import type { TraceEvent } from '../sim/trace.js';
import { antiEntropyUsage, type AntiEntropyUsage } from './_internals/anti-entropy-usage.js';
import { auditHints, type HintFate } from './_internals/hint-audit.js';
import { auditMerkle, type MerkleAudit } from './_internals/merkle-audit.js';
import { auditReadRepairs, type ReadRepairAudit } from './_internals/read-repair-audit.js';
import { storeEvents } from '../store/trace-events.js';
import { missingContext, type Checker, type Verdict } from './checker.js';

export type { HintFate } from './_internals/hint-audit.js';
export type { MerkleAudit, MerkleMismatch } from './_internals/merkle-audit.js';
export type { ReadRepairAudit, RepairProblem } from './_internals/read-repair-audit.js';

/**
 * The evidence of {@link checkAntiEntropy}.
 *
 * @example
 * checkAntiEntropy(run.trace).detail!.hints.dropped; // []
 */
export interface AntiEntropyDetail {
  merkle: MerkleAudit;
  hints: { stored: number; delivered: number; held: number; dropped: HintFate[] };
  readRepair: ReadRepairAudit;
  usage: AntiEntropyUsage;
}

/**
 * Verifies anti-entropy, hinted handoff and read repair (see the file's
 * description). Invalid, anomaly 'repair-failure', on any mismatch. A run
 * without these mechanisms (no such trace events) passes with nothing checked.
 *
 * @example
 * const verdict = checkAntiEntropy(run.trace);
 * verdict.detail!.merkle.steps; // comparison steps verified
 */
export function checkAntiEntropy(trace: readonly TraceEvent[], options: { maxListed?: number } = {}): Verdict<AntiEntropyDetail> {
  const maxListed = options.maxListed ?? 20;
  const merkle = auditMerkle(storeEvents(trace, ['merkle-step']));
  const hints = auditHints(trace);
  const readRepair = auditReadRepairs(storeEvents(trace, ['read-repair']));
  const dropped = hints.filter((h) => h.fate === 'dropped').sort((a, b) => a.atMs! - b.atMs!);
  const detail: AntiEntropyDetail = {
    merkle: { ...merkle, missed: merkle.missed.slice(0, maxListed), spurious: merkle.spurious.slice(0, maxListed) },
    hints: {
      stored: hints.length,
      delivered: hints.filter((h) => h.fate === 'delivered').length,
      held: hints.filter((h) => h.fate === 'held').length,
      dropped: dropped.slice(0, maxListed),
    },
    readRepair: { ...readRepair, problems: readRepair.problems.slice(0, maxListed) },
    usage: antiEntropyUsage(trace),
  };
  const failures = [
    ...merkle.missed.map((m) => `a Merkle exchange ${m.initiator}->${m.responder} missed ${m.keys.join(', ')} (level ${m.level}, node ${m.index}) at ${m.atMs} ms, which really differed`),
    ...merkle.spurious.map((m) => `a Merkle exchange ${m.initiator}->${m.responder} flagged level ${m.level} node ${m.index} at ${m.atMs} ms, where nothing differed`),
    ...dropped.map((h) => `hint ${h.hint} (key ${h.key} for ${h.owner}) was dropped by ${h.holder} at its restart at ${h.atMs} ms, never delivered`),
    ...readRepair.problems.map((p) => p.problem === 'older-sent'
      ? `read repair of ${p.key} by ${p.coordinator} at ${p.atMs} ms sent ${JSON.stringify(p.sent)}, older than ${p.owner}'s ${JSON.stringify(p.ownerVersion)}`
      : `read repair of ${p.key} by ${p.coordinator} at ${p.atMs} ms left stale ${p.owner} (${JSON.stringify(p.ownerVersion)}) unrepaired`),
  ];
  if (failures.length > 0) return { valid: false, anomaly: 'repair-failure', reason: `${failures.length} repair failures; ${failures[0]}`, detail };
  const summary = `${merkle.steps} Merkle steps matched brute force, ${detail.hints.stored} hints (${detail.hints.delivered} delivered, ${detail.hints.held} held), `
    + `${readRepair.repairs} read repairs sound`;
  return { valid: true, reason: summary, detail };
}

/**
 * The anti-entropy checker: audits the repairs in the context's trace. A
 * recorded history has no trace: the verdict is unknown and says so.
 *
 * @example
 * antiEntropyChecker().check(run.history, { trace: run.trace }).valid;
 */
export function antiEntropyChecker(): Checker {
  return {
    name: 'anti-entropy',
    check(_history, context) {
      return context.trace === undefined ? missingContext('anti-entropy', "the nodes' trace") : checkAntiEntropy(context.trace);
    },
  };
}
