/**
 * Verifies read repair from its trace ('read-repair' {key, replicas, sent,
 * observed}): what a coordinator sent must be at least as new as every answer
 * it compared (never an older value), and every owner whose answer was behind
 * it must be among those repaired.
 */
import { isBehind } from './versions.js';
import type { CustomEvent } from './trace-events.js';

/**
 * One 'read-repair' event's detail (older traces lack `sent` and `observed`).
 *
 * @example
 * const r: ReadRepairEvent = { key: 'x', replicas: ['n3'], sent: { c: 9, node: 'n1' }, observed: { n1: { c: 9, node: 'n1' }, n3: null } };
 */
export interface ReadRepairEvent {
  key: string;
  replicas: string[];
  sent?: unknown;
  observed?: Record<string, unknown>;
}

/**
 * A repair that broke the rule: it `sent` a version older than one `observed`
 * (`olderSent`), or left a stale owner out (`unrepaired`).
 *
 * @example
 * const p: RepairProblem = { atMs: 310, coordinator: 'n1', key: 'x', problem: 'unrepaired', owner: 'n3', ownerVersion: null, sent: { c: 9, node: 'n1' } };
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
 * auditReadRepairs(customEvents<ReadRepairEvent>(trace, ['read-repair']));
 */
export function auditReadRepairs(events: ReadonlyArray<CustomEvent<ReadRepairEvent>>): ReadRepairAudit {
  const audit: ReadRepairAudit = { repairs: events.length, unverifiable: 0, problems: [] };
  for (const event of events) {
    const { key, replicas, sent, observed } = event.detail;
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
