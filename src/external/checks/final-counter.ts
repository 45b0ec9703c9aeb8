import type { Verdict } from '../../checker/checker.js';
import type { Op } from '../../history/op.js';
import type { RunFacts } from '../workloads.js';
import { clientPairs } from './pairs.js';

/** The bounds every final read must lie in, and what each node read. */
export interface FinalCounterDetail {
  lower: number;
  upper: number;
  acknowledged: number;
  indeterminate: number;
  finalReads: Record<string, number>;
  unread: string[];
}

/**
 * A counter's final reads (g-counter, pn-counter): every node must read the
 * sum of the acknowledged adds, give or take the indeterminate ones (each may
 * or may not have happened, so negative ones lower the floor and positive ones
 * raise the ceiling).
 *
 * @example
 * checkFinalCounter(history, facts).detail!.finalReads; // { n1: 12, n2: 12, n3: 12 }
 */
export function checkFinalCounter(history: readonly Op[], facts: RunFacts): Verdict<FinalCounterDetail> {
  const pairs = clientPairs(history);
  let lower = 0;
  let upper = 0;
  let acknowledged = 0;
  let indeterminate = 0;
  for (const pair of pairs) {
    if (pair.invoke.f !== 'add' || pair.complete?.type === 'fail') continue;
    const delta = pair.invoke.value as number;
    if (pair.complete?.type === 'ok') {
      acknowledged++;
      lower += delta;
      upper += delta;
    } else {
      indeterminate++;
      lower += Math.min(0, delta);
      upper += Math.max(0, delta);
    }
  }
  const finalReads: Record<string, number> = {};
  for (const pair of pairs) {
    if (pair.invoke.f === 'read' && pair.complete?.type === 'ok' && pair.invoke.index >= facts.finalFromIndex && pair.invoke.node !== undefined) {
      finalReads[pair.invoke.node] = pair.complete.value as number;
    }
  }
  const unread = facts.nodeIds.filter((node) => !(node in finalReads));
  const detail = { lower, upper, acknowledged, indeterminate, finalReads, unread };
  const bounds = lower === upper ? `${lower}` : `[${lower}, ${upper}]`;
  for (const [node, value] of Object.entries(finalReads)) {
    if (value < lower) return { valid: false, anomaly: 'lost-write', detail, reason: `${node} read ${value} at the end, below ${bounds}: an acknowledged add is missing` };
    if (value > upper) return { valid: false, anomaly: 'double-apply', detail, reason: `${node} read ${value} at the end, above ${bounds}: an add counted twice (or one never made)` };
  }
  if (unread.length > 0) return { valid: 'unknown', detail, reason: `no final read answered by ${unread.join(', ')}` };
  return { valid: true, detail, reason: `every node read a final value within ${bounds} (${acknowledged} acknowledged add(s), ${indeterminate} indeterminate)` };
}
