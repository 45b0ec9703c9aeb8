/**
 * Jepsen's set checker: after the final heal, every acknowledged add must be in
 * the set, and nothing that was never added may be. Each element is put in
 * Jepsen's set-full vocabulary: ok, stale, lost, recovered, never-read, unexpected.
 */
import { stringifyExact } from '../history/exact-json.js';
import type { Op } from '../history/op.js';
import type { ReplicaState } from '../store/definition.js';
import { clientOps, groupBy, type ClientOp } from './_internals/client-ops.js';
import { finalReadFloor, healedAtIndex, readName, replicaObservations } from './_internals/final-reads.js';
import { elementId, elementsOf, type ElementFate, type ElementId, type FinalSet, type SetKeyReport } from './_internals/set-elements.js';
import type { Checker, Verdict } from './checker.js';

export type { ElementFate, SetKeyReport } from './_internals/set-elements.js';

/**
 * Options of {@link checkSet}.
 *
 * @example
 * checkSet(history, { finalStates: run.replicaStates });
 */
export interface SetOptions {
  /** Replica states at the end of the run: each replica's set is a final observation too. */
  finalStates?: Record<string, ReplicaState>;
  /** Reads invoked after this history index are final (default: after the final heal and the last add). */
  finalAfterIndex?: number;
  /** Elements listed per fate in the evidence (all are counted). Default 20. */
  maxListed?: number;
}

/**
 * The evidence of {@link checkSet}: totals over all keys, and each key's report.
 *
 * @example
 * checkSet(history).detail!.lost; // acknowledged adds missing at the end
 */
export interface SetDetail {
  attempted: number;
  acknowledged: number;
  ok: number;
  stale: number;
  lost: number;
  recovered: number;
  neverRead: number;
  unexpected: number;
  keys: SetKeyReport[];
}

/**
 * Checks a set history (`add` of an element, `read` of the whole set, per key).
 * Invalid with 'lost-write' when an acknowledged add is missing from every final
 * observation, or 'unexpected-value' when a read shows an element never added;
 * unknown when acknowledged adds exist but nothing observed the final set.
 *
 * @example
 * checkSet([
 *   { index: 0, time: 0, process: 0, type: 'invoke', f: 'add', value: 1 },
 *   { index: 1, time: 1, process: 0, type: 'ok', f: 'add', value: 1 },
 *   { index: 2, time: 2, process: 1, type: 'invoke', f: 'read', value: null },
 *   { index: 3, time: 3, process: 1, type: 'ok', f: 'read', value: [] },
 * ]).anomaly; // 'lost-write'
 */
export function checkSet(history: readonly Op[], options: SetOptions = {}): Verdict<SetDetail> {
  const healedAt = healedAtIndex(history);
  const keys: SetKeyReport[] = [];
  for (const [key, ops] of groupBy(clientOps(history), (op) => op.key)) {
    const adds = ops.filter((op) => op.f === 'add');
    const listsAdded = adds.some((op) => Array.isArray(op.input));
    const reads = ops
      .filter((op) => op.f === 'read' && op.outcome === 'ok' && Array.isArray(op.output))
      .map((op) => ({ ...op, output: elementsRead(op.output as unknown[], listsAdded) }));
    if (adds.length === 0 && reads.length === 0) continue;
    const floor = options.finalAfterIndex ?? finalReadFloor(healedAt, ops, (op) => op.f === 'add');
    keys.push(elementsOf(key, adds, reads, finalSets(key, reads, floor, options.finalStates), options.maxListed ?? 20));
  }
  const detail = totals(keys);
  if (detail.lost > 0) {
    const first = keys.find((k) => k.lost.length > 0)!;
    return { valid: false, anomaly: 'lost-write', reason: `${detail.lost} of ${detail.acknowledged} acknowledged adds lost; ${describe(first, 'lost')}`, detail };
  }
  if (detail.unexpected > 0) {
    const first = keys.find((k) => k.unexpected.length > 0)!;
    return { valid: false, anomaly: 'unexpected-value', reason: `${detail.unexpected} elements read that were never added; ${describe(first, 'unexpected')}`, detail };
  }
  const unjudged = keys.filter((k) => k.finalObservations === 0 && k.acknowledged > 0);
  if (unjudged.length > 0) {
    return { valid: 'unknown', reason: `no final read of ${unjudged.map((k) => String(k.key)).join(', ')}: cannot tell whether its adds survived`, detail };
  }
  return { valid: true, reason: `all ${detail.acknowledged} acknowledged adds present at the end (${detail.stale} stale, ${detail.recovered} recovered)`, detail };
}

/** Final reads, then each replica's set, as lists of element identities. */
function finalSets(key: string | number | undefined, reads: readonly ClientOp[], floor: number, states: SetOptions['finalStates']): FinalSet[] {
  const sets = reads.filter((op) => op.call > floor).map((op) => ({ by: readName(op), elements: byIdentity(op.output as unknown[]) }));
  for (const seen of replicaObservations(states, key)) {
    // A replica holds one set, or concurrent versions of it (siblings) that a read would merge.
    sets.push({ by: seen.by, elements: byIdentity(seen.values.flatMap((value) => (Array.isArray(value) ? value : [value]))) });
  }
  return sets;
}

/**
 * A read of concurrent versions (siblings) answers a list of sets; it saw the
 * elements of each. Only when no add added a list can such a read be told apart.
 */
function elementsRead(output: unknown[], listsAdded: boolean): unknown[] {
  if (listsAdded || output.length === 0 || !output.every(Array.isArray)) return output;
  return (output as unknown[][]).flat();
}

function byIdentity(elements: readonly unknown[]): Map<ElementId, unknown> {
  return new Map(elements.map((element) => [elementId(element), element]));
}

function totals(keys: SetKeyReport[]): SetDetail {
  const sum = (pick: (k: SetKeyReport) => number) => keys.reduce((n, k) => n + pick(k), 0);
  return {
    attempted: sum((k) => k.attempted),
    acknowledged: sum((k) => k.acknowledged),
    ok: sum((k) => k.ok),
    stale: sum((k) => k.staleCount),
    lost: sum((k) => k.lostCount),
    recovered: sum((k) => k.recoveredCount),
    neverRead: sum((k) => k.neverReadCount),
    unexpected: sum((k) => k.unexpectedCount),
    keys,
  };
}

function describe(key: SetKeyReport, fate: 'lost' | 'unexpected'): string {
  const where = key.key === undefined ? '' : `key ${String(key.key)}: `;
  const listed = key[fate].slice(0, 5).map((e: ElementFate) => stringifyExact(e.element)).join(', ');
  return fate === 'lost'
    ? `${where}${listed} acknowledged but absent from every final read`
    : `${where}${listed} read but never added`;
}

/**
 * The set checker (Jepsen's set-full): final observations are the history's
 * final reads and, when the context has them, the replicas' final sets.
 *
 * @example
 * setChecker().check(history.ops, {}).anomaly; // 'lost-write' when an acknowledged add is missing from the final read
 */
export function setChecker(): Checker {
  return {
    name: 'set',
    check: (history, context) => checkSet(history, context.replicaStates === undefined ? {} : { finalStates: context.replicaStates }),
  };
}
