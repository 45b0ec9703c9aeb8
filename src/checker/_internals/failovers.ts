/**
 * Why each leader election after the first happened, read from the trace: was
 * the deposed leader crashed, cut off, out of disk, stepping down on its own —
 * or running and reachable, only paused, slowed, delayed or skewed (a failure
 * detector that suspected a live leader)?
 */
import type { TraceEvent } from '../../sim/trace.js';
import { isStoreEvent, readStoreEvent } from '../../store/trace-events.js';

/**
 * What explains a failover. The first four make it necessary; the rest leave a
 * live, reachable leader ('none': no fault touched it at all).
 */
export type FailoverCause = 'crash' | 'partition' | 'disk' | 'step-down' | 'pause' | 'slow' | 'clock' | 'network' | 'none';

/**
 * One election that replaced a leader.
 */
export interface Failover {
  atMs: number;
  leader: string;
  previousLeader: string;
  cause: FailoverCause;
  /** For a live leader: ms from the fault that silenced it (its latest in this term) to the election. */
  silentForMs: number | null;
  falseFailover: boolean;
}

const NECESSARY: readonly FailoverCause[] = ['crash', 'partition', 'disk', 'step-down'];

/**
 * The failovers of a trace: every 'election' that replaced a sitting leader.
 * An election of an epoch no newer than the sitting leader's (a candidate that
 * won, then sat paused while the others moved on) replaces no one. A failover
 * is false when the deposed leader was live and reachable, and either no fault
 * touched it or the fault that silenced it began less than `graceMs` before.
 *
 * @example
 * failovers(run.trace, 250).filter((f) => f.falseFailover).length;
 */
export function failovers(trace: readonly TraceEvent[], graceMs: number): Failover[] {
  const result: Failover[] = [];
  const cuts = new CutLinks();
  let leader: { node: string; epoch: number; touched: Array<{ cause: FailoverCause; atMs: number }> } | undefined;
  for (const event of trace) {
    const changed = cuts.apply(event);
    if (leader !== undefined) {
      const cause = touches(event, leader.node, changed, cuts);
      if (cause !== undefined) leader.touched.push({ cause, atMs: event.timeMs });
    }
    const election = event.node === undefined ? undefined : readStoreEvent(event, ['election']);
    if (election === undefined) continue;
    // An election that names no epoch (a hand-written trace) counts as the next one.
    const epoch = typeof election.detail.epoch === 'number' ? election.detail.epoch : (leader?.epoch ?? 0) + 1;
    if (leader !== undefined && epoch <= leader.epoch) continue;
    if (leader !== undefined) result.push(judge(election.timeMs, election.node, leader.node, leader.touched, graceMs));
    leader = { node: election.node, epoch, touched: cuts.touching(election.node) ? [{ cause: 'partition', atMs: election.timeMs }] : [] };
  }
  return result;
}

function judge(atMs: number, node: string, previous: string, touched: ReadonlyArray<{ cause: FailoverCause; atMs: number }>, graceMs: number): Failover {
  const necessary = NECESSARY.find((cause) => touched.some((t) => t.cause === cause));
  if (necessary !== undefined) return { atMs, leader: node, previousLeader: previous, cause: necessary, silentForMs: null, falseFailover: false };
  const latest = touched[touched.length - 1];
  if (latest === undefined) return { atMs, leader: node, previousLeader: previous, cause: 'none', silentForMs: null, falseFailover: true };
  const silentForMs = atMs - latest.atMs;
  return { atMs, leader: node, previousLeader: previous, cause: latest.cause, silentForMs, falseFailover: silentForMs < graceMs };
}

/** What a trace event did to the leader, if anything. */
function touches(event: TraceEvent, leader: string, cutsChanged: boolean, cuts: CutLinks): FailoverCause | undefined {
  if (cutsChanged) return cuts.touching(leader) ? 'partition' : undefined;
  if (event.kind === 'network') return 'network';
  if (event.node !== leader) return undefined;
  switch (event.kind) {
    case 'crash': return 'crash';
    case 'pause': return 'pause';
    case 'slow': return 'slow';
    case 'clock': return 'clock';
    case 'disk': return event.detail === 'full' ? 'disk' : undefined;
    case 'custom': return isStoreEvent(event, 'step-down', 'switchover') ? 'step-down' : undefined;
    default: return undefined;
  }
}

/** The links cut right now, followed through 'partition' and 'heal' events. */
class CutLinks {
  private readonly links = new Set<string>();

  /** Updates the cut links; true when the event was a partition or a heal. */
  apply(event: TraceEvent): boolean {
    if (event.kind === 'partition') {
      for (const link of (event.detail ?? '').split(' ')) if (link.includes('->')) this.links.add(link);
      return true;
    }
    if (event.kind !== 'heal') return false;
    const detail = event.detail ?? '';
    if (detail.includes('->')) this.links.delete(detail);
    else this.links.clear();
    return true;
  }

  touching(node: string): boolean {
    for (const link of this.links) {
      const [from, to] = link.split('->');
      if (from === node || to === node) return true;
    }
    return false;
  }
}
