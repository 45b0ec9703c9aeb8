/**
 * Verifies read repair from its trace ('read-repair' {key, replicas, sent,
 * observed}): what a coordinator sent must be at least as new as every answer
 * it compared (never an older value), and every owner whose answer was behind
 * it must be among those repaired.
 */
import { isBehind } from './versions.js';
import type { StoreTraceData, StoreTraceEvent } from '../../store/trace-events.js';

/**
 * A repair that broke the rule: it `sent` a version older than one `observed`
 * (`olderSent`), or left a stale owner out (`unrepaired`).
 */
export interface RepairProblem {
  atMs: number;
  coordinator: string;
  key: string;
  problem: 'older-sent' | 'unrepaired';
  owner: string;
  ownerVersion: unknown;
  sent: unknown;
}

/**
 * The outcome of auditing every read repair.
 *
 * @example
 * auditReadRepairs(events).problems.length; // 0
 */
export interface ReadRepairAudit {
  repairs: number;
  /** Repairs traced without the versions needed to verify them. */
  unverifiable: number;
  problems: RepairProblem[];
}

/**
 * Audits each read repair (see the file's description).
 *
 * @example
 * auditReadRepairs(storeEvents(trace, ['read-repair']));
 */
export function auditReadRepairs(events: ReadonlyArray<StoreTraceEvent<'read-repair'>>): ReadRepairAudit {
  const audit: ReadRepairAudit = { repairs: events.length, unverifiable: 0, problems: [] };
  for (const event of events) {
    const { key, replicas } = event.detail;
    // Older traces lack `sent` and `observed`: such a repair cannot be verified.
    const { sent, observed }: Partial<StoreTraceData['read-repair']> = event.detail;
    if (sent === undefined || observed === undefined) {
      audit.unverifiable++;
      continue;
    }
    const problem = (kind: RepairProblem['problem'], owner: string, ownerVersion: unknown) =>
      audit.problems.push({ atMs: event.timeMs, coordinator: event.node, key, problem: kind, owner, ownerVersion, sent });
    for (const [owner, version] of Object.entries(observed)) {
      if (version !== null && isBehind(sent, version)) problem('older-sent', owner, version);
      else if (isBehind(version, sent) && !(replicas ?? []).includes(owner)) problem('unrepaired', owner, version);
    }
  }
  return audit;
}
