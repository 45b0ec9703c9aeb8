import type { ComposeEntry } from '../../checker/compose.js';
import type { Verdict } from '../../checker/checker.js';
import type { Op } from '../../history/op.js';
import type { RunFacts } from '../workloads.js';
import { clientPairs, percentiles, type OpPair } from './pairs.js';

/**
 * The fate of a set's (or a broadcast's) elements at the end of a run.
 * `lost`: acknowledged, yet missing from some node's final read. `stale`: in
 * every final read, but missing from a read that began after it was
 * acknowledged. `neverRead`: added without an acknowledgement and seen by no
 * read. `unexpected`: read but never added.
 */
export interface FinalSetsDetail {
  attempted: number;
  acknowledged: number;
  lost: number;
  stale: number;
  neverRead: number;
  unexpected: number;
  /** The first few lost elements, each with the nodes whose final read lacks it. */
  lostExamples: { element: unknown; missingOn: string[] }[];
  unexpectedExamples: unknown[];
  /** Nodes that answered no final read. */
  unread: string[];
  /** Time from an add's invocation until every node's reads always held it, ms. */
  stableLatencyMs: ReturnType<typeof percentiles>;
  /** Broadcast only: messages between servers per broadcast op. */
  msgsPerOp?: number;
}

/**
 * Checks set-like histories (broadcast, g-set): every acknowledged element in
 * every node's final read, nothing read that was never added.
 *
 * @example
 * checkFinalSets(history, facts, true)['broadcast']();
 */
export function checkFinalSets(history: readonly Op[], facts: RunFacts, broadcast: boolean): Record<string, ComposeEntry> {
  return { [broadcast ? 'broadcast' : 'set']: () => judge(history, facts, broadcast) };
}

function judge(history: readonly Op[], facts: RunFacts, broadcast: boolean): Verdict<FinalSetsDetail> {
  const pairs = clientPairs(history);
  const adds = pairs.filter((pair) => pair.invoke.f === 'add' && pair.complete?.type !== 'fail');
  const reads = pairs.filter((pair) => pair.invoke.f === 'read' && pair.complete?.type === 'ok');
  const finals = new Map<string, Set<string>>();
  for (const read of reads) {
    if (read.invoke.index >= facts.finalFromIndex && read.invoke.node !== undefined) finals.set(read.invoke.node, keysOf(read));
  }
  const unread = facts.nodeIds.filter((node) => !finals.has(node));
  const added = new Map(adds.map((pair) => [JSON.stringify(pair.invoke.value), pair]));
  const everRead = new Set(reads.flatMap((read) => [...keysOf(read)]));
  const detail: FinalSetsDetail = {
    attempted: adds.length, acknowledged: 0, lost: 0, stale: 0, neverRead: 0, unexpected: 0,
    lostExamples: [], unexpectedExamples: [], unread, stableLatencyMs: { count: 0 },
  };
  const latencies: number[] = [];
  for (const [key, pair] of added) {
    if (pair.complete?.type !== 'ok') {
      if (!everRead.has(key)) detail.neverRead++;
      continue;
    }
    detail.acknowledged++;
    const missingOn = [...finals].filter(([, set]) => !set.has(key)).map(([node]) => node);
    if (missingOn.length > 0) {
      detail.lost++;
      if (detail.lostExamples.length < 10) detail.lostExamples.push({ element: pair.invoke.value, missingOn });
      continue;
    }
    const stable = stableAtMs(key, pair, reads, facts.nodeIds);
    if (stable.stale) detail.stale++;
    latencies.push(stable.latencyMs);
  }
  for (const key of everRead) {
    if (added.has(key) || pairs.some((pair) => pair.invoke.f === 'add' && JSON.stringify(pair.invoke.value) === key)) continue;
    detail.unexpected++;
    if (detail.unexpectedExamples.length < 10) detail.unexpectedExamples.push(JSON.parse(key));
  }
  detail.stableLatencyMs = percentiles(latencies);
  if (broadcast) detail.msgsPerOp = Math.round((facts.serverMessages / Math.max(1, adds.length)) * 100) / 100;
  return verdictOf(detail);
}

function verdictOf(detail: FinalSetsDetail): Verdict<FinalSetsDetail> {
  if (detail.lost > 0) {
    const first = detail.lostExamples[0]!;
    return {
      valid: false, anomaly: 'lost-write', detail,
      reason: `${detail.lost} of ${detail.acknowledged} acknowledged element(s) missing from a final read; e.g. ${JSON.stringify(first.element)} is not on ${first.missingOn.join(', ')}`,
    };
  }
  if (detail.unexpected > 0) {
    return { valid: false, anomaly: 'unexpected-value', detail, reason: `${detail.unexpected} element(s) read that no client added, e.g. ${JSON.stringify(detail.unexpectedExamples[0])}` };
  }
  if (detail.unread.length > 0) {
    return { valid: 'unknown', detail, reason: `no final read answered by ${detail.unread.join(', ')}: whether they hold every element is not known` };
  }
  const stable = detail.stableLatencyMs.count === 0 ? '' : `; stable after ${detail.stableLatencyMs.p50} ms (p50), ${detail.stableLatencyMs.p99} ms (p99)`;
  const perOp = detail.msgsPerOp === undefined ? '' : `; ${detail.msgsPerOp} server message(s) per broadcast`;
  return { valid: true, detail, reason: `all ${detail.acknowledged} acknowledged element(s) in every node's final read (${detail.stale} stale for a while)${stable}${perOp}` };
}

function keysOf(read: OpPair): Set<string> {
  return new Set((read.complete!.value as unknown[]).map((element) => JSON.stringify(element)));
}

/**
 * When an element became visible for good on every node: per node, the end of
 * the last read begun after the add that lacked it (or the add itself, when
 * none did); the latest of these, from the add's invocation.
 */
function stableAtMs(key: string, add: OpPair, reads: readonly OpPair[], nodes: readonly string[]): { latencyMs: number; stale: boolean } {
  const start = add.invoke.time;
  let stableNs = start;
  let stale = false;
  for (const node of nodes) {
    for (const read of reads) {
      if (read.invoke.node !== node || read.invoke.time < start || keysOf(read).has(key)) continue;
      stableNs = Math.max(stableNs, read.complete!.time);
      if (read.invoke.time > add.complete!.time) stale = true;
    }
  }
  return { latencyMs: (stableNs - start) / 1e6, stale };
}
