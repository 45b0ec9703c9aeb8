/**
 * Verifies each Merkle comparison step against brute force. Both sides of a
 * step trace ('merkle-step') digests of each key's whole state under the
 * compared tree nodes, taken when they hashed those nodes; a node really
 * differs when the two sides' digests under it differ. The responder's answer
 * must name exactly the nodes that really differ.
 */
import type { StoreTraceEvent } from '../../store/trace-events.js';

/** One 'merkle-step' event, as the store traces it. */
type MerkleStep = StoreTraceEvent<'merkle-step'>;

/**
 * A tree node whose verdict disagrees with brute force: `missed` (it differed
 * and the tree said equal) or `spurious` (the tree said different, and it was not).
 */
export interface MerkleMismatch {
  atMs: number;
  initiator: string;
  responder: string;
  level: number;
  index: number;
  /** The keys under the node whose states really differ. */
  keys: string[];
}

/**
 * The outcome of auditing every step.
 *
 * @example
 * auditMerkle(events).missed.length; // 0 for a sound tree
 */
export interface MerkleAudit {
  steps: number;
  /** Responder steps whose initiator step is not in the trace (e.g. trimmed away). */
  unpaired: number;
  missed: MerkleMismatch[];
  spurious: MerkleMismatch[];
}

/**
 * Pairs each responder step with the initiator step it answered (same session,
 * level and node hashes, latest before it) and compares node by node.
 *
 * @example
 * auditMerkle(storeEvents(trace, ['merkle-step']));
 */
export function auditMerkle(events: readonly MerkleStep[]): MerkleAudit {
  const audit: MerkleAudit = { steps: 0, unpaired: 0, missed: [], spurious: [] };
  const sent = new Map<string, MerkleStep[]>();
  for (const event of events) {
    const step = event.detail;
    const key = `${step.session}|${step.level}|${JSON.stringify(step.nodes)}`;
    if (step.role === 'initiator') {
      (sent.get(key) ?? sent.set(key, []).get(key)!).push(event);
      continue;
    }
    audit.steps++;
    const asked = sent.get(key)?.filter((e) => e.node === step.peer && e.timeMs <= event.timeMs).pop();
    if (asked === undefined) {
      audit.unpaired++;
      continue;
    }
    compareStep(asked, event, audit);
  }
  return audit;
}

function compareStep(asked: MerkleStep, answered: MerkleStep, audit: MerkleAudit): void {
  const flagged = new Set(answered.detail.differing ?? []);
  for (const { index } of answered.detail.nodes) {
    const keys = differingKeys(asked.detail.digests[index] ?? {}, answered.detail.digests[index] ?? {});
    const really = keys.length > 0;
    if (really === flagged.has(index)) continue;
    const mismatch: MerkleMismatch = { atMs: answered.timeMs, initiator: asked.node, responder: answered.node, level: answered.detail.level, index, keys };
    (really ? audit.missed : audit.spurious).push(mismatch);
  }
}

/** Keys present on one side only, or with different state digests, sorted. */
function differingKeys(a: Record<string, number>, b: Record<string, number>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => a[key] !== b[key]).sort();
}
