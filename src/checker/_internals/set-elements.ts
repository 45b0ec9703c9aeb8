/**
 * The fate of each element of one set key, in Jepsen's set-full words:
 * - ok: acknowledged and present in every final observation;
 * - stale: acknowledged, present in some final observations but not all;
 * - lost: acknowledged and absent from every final observation;
 * - recovered: its add was indeterminate, yet it is present at the end;
 * - never-read: acknowledged, but no client read ever returned it;
 * - unexpected: read, but never added by anyone.
 */
import { canonicalKey } from '../../models/canonical.js';
import type { ClientOp } from './client-ops.js';

/**
 * An element's identity: a number is its own (numbers are what workloads add,
 * and sets of them can be large); anything else is its canonical text, which
 * never equals a number.
 *
 * @example
 * elementId(3) === elementId(3n); // true
 * elementId('3');                  // '"3"'
 */
export type ElementId = string | number;

/**
 * See {@link ElementId}.
 *
 * @example
 * elementId({ b: 1, a: 2 }); // '{"a":2,"b":1}'
 */
export function elementId(element: unknown): ElementId {
  if (typeof element === 'number') return element;
  if (typeof element === 'bigint' && Number.isSafeInteger(Number(element))) return Number(element);
  return canonicalKey(element);
}

/**
 * One element and where it came from.
 */
export interface ElementFate {
  element: unknown;
  /** The process whose add introduced it (the acknowledged one when there is one). */
  process?: number;
  addIndex?: number;
  ackIndex?: number;
  ackNs?: number;
  /** For a stale element: the final observations that lack it. */
  missingFrom?: string[];
}

/**
 * One key's verdict on its elements: counts, and up to `maxListed` elements per fate.
 *
 * @example
 * report.lostCount; // acknowledged adds missing at the end
 */
export interface SetKeyReport {
  key: string | number | undefined;
  attempted: number;
  acknowledged: number;
  ok: number;
  finalObservations: number;
  lostCount: number;
  staleCount: number;
  recoveredCount: number;
  neverReadCount: number;
  unexpectedCount: number;
  lost: ElementFate[];
  stale: ElementFate[];
  recovered: ElementFate[];
  neverRead: ElementFate[];
  unexpected: ElementFate[];
  /** Acknowledgement times of the first and last lost add (ns), for the RPO. */
  lostWindowNs?: { first: number; last: number };
}

/**
 * One final observation of the set: who saw it, and its elements by identity.
 *
 * @example
 * const final: FinalSet = { by: 'n1', elements: new Map([['1', 1]]) };
 */
export interface FinalSet {
  by: string;
  elements: Map<ElementId, unknown>;
}

/**
 * Classifies every element of one key.
 *
 * @example
 * elementsOf('s', adds, reads, [{ by: 'p1 at #9', elements: new Map([['1', 1]]) }], 20).ok; // 1
 */
export function elementsOf(
  key: string | number | undefined,
  adds: readonly ClientOp[],
  reads: readonly ClientOp[],
  finals: readonly FinalSet[],
  maxListed: number,
): SetKeyReport {
  const attempts = attemptsById(adds);
  const everRead = elementsReadById(reads);
  const report = emptyReport(key, attempts.size, finals.length);
  const keep = (list: ElementFate[], fate: ElementFate) => void (list.length < maxListed && list.push(fate));
  for (const [id, attempt] of attempts) {
    const present = finals.filter((f) => f.elements.has(id));
    if (attempt.ack === undefined) {
      if (present.length === 0) continue;
      report.recoveredCount++;
      keep(report.recovered, fateOf(attempt.element, attempt.first));
      continue;
    }
    report.acknowledged++;
    const fate = fateOf(attempt.element, attempt.ack);
    if (!everRead.has(id)) {
      report.neverReadCount++;
      keep(report.neverRead, fate);
    }
    if (finals.length === 0) continue;
    if (present.length === finals.length) report.ok++;
    else if (present.length > 0) {
      report.staleCount++;
      keep(report.stale, { ...fate, missingFrom: finals.filter((f) => !f.elements.has(id)).map((f) => f.by) });
    } else {
      report.lostCount++;
      keep(report.lost, fate);
      const at = attempt.ack.completeNs;
      report.lostWindowNs = { first: Math.min(report.lostWindowNs?.first ?? at, at), last: Math.max(report.lostWindowNs?.last ?? at, at) };
    }
  }
  const seen = new Map(everRead);
  for (const final of finals) for (const [id, element] of final.elements) if (!seen.has(id)) seen.set(id, element);
  for (const [id, element] of seen) {
    if (attempts.has(id)) continue;
    report.unexpectedCount++;
    keep(report.unexpected, { element });
  }
  return report;
}

type Attempt = { element: unknown; first: ClientOp; ack?: ClientOp };

function attemptsById(adds: readonly ClientOp[]): Map<ElementId, Attempt> {
  const attempts = new Map<ElementId, Attempt>();
  for (const add of adds) {
    const id = elementId(add.input);
    const attempt = attempts.get(id) ?? { element: add.input, first: add };
    if (add.outcome === 'ok' && attempt.ack === undefined) attempt.ack = add;
    attempts.set(id, attempt);
  }
  return attempts;
}

/** Every element a client read returned, by identity. */
function elementsReadById(reads: readonly ClientOp[]): Map<ElementId, unknown> {
  const seen = new Map<ElementId, unknown>();
  for (const read of reads) {
    for (const element of read.output as unknown[]) {
      const id = elementId(element);
      if (!seen.has(id)) seen.set(id, element);
    }
  }
  return seen;
}

function fateOf(element: unknown, op: ClientOp): ElementFate {
  const fate: ElementFate = { element, process: op.process, addIndex: op.invokeIndex };
  if (op.outcome === 'ok') Object.assign(fate, { ackIndex: op.completeIndex, ackNs: op.completeNs });
  return fate;
}

function emptyReport(key: string | number | undefined, attempted: number, finalObservations: number): SetKeyReport {
  return {
    key, attempted, acknowledged: 0, ok: 0, finalObservations,
    lostCount: 0, staleCount: 0, recoveredCount: 0, neverReadCount: 0, unexpectedCount: 0,
    lost: [], stale: [], recovered: [], neverRead: [], unexpected: [],
  };
}
