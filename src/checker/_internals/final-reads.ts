/**
 * Which reads are final: those invoked after the last fault was healed and
 * after every update of their key had completed, so that they show what the
 * system kept. Replica states at the end of a run are final observations too.
 */
import type { Op } from '../../history/op.js';
import type { ReplicaState } from '../../store/definition.js';
import type { ClientOp } from './client-ops.js';
import { lastNemesisOp } from './nemesis-faults.js';

/**
 * The history position after which a read of one key counts as final: the
 * later of `healedAt` (the last nemesis op's index, see {@link healedAtIndex})
 * and the last completion (or, for an op never completed, the invocation) of
 * an update of that key.
 *
 * @example
 * const floor = finalReadFloor(healedAtIndex(history), keyOps, (op) => op.f === 'write');
 * keyOps.filter((op) => op.f === 'read' && op.call > floor); // the final reads
 */
export function finalReadFloor(healedAt: number, keyOps: readonly ClientOp[], isUpdate: (op: ClientOp) => boolean): number {
  let floor = healedAt;
  for (const op of keyOps) if (isUpdate(op)) floor = Math.max(floor, op.completeIndex ?? op.call);
  return floor;
}

/**
 * The index of the history's last nemesis op (its final heal), or -1.
 *
 * @example
 * healedAtIndex(history); // 412
 */
export function healedAtIndex(history: readonly Op[]): number {
  return lastNemesisOp(history)?.index ?? -1;
}

/**
 * One final observation of a key: by a client's final read, or a replica's
 * state at the end of the run.
 */
export interface FinalObservation {
  source: 'read' | 'replica';
  /** Who observed: a read ("p2 at #81") or a replica's node id. */
  by: string;
  /** What was observed: one value, or several siblings. */
  values: unknown[];
}

/**
 * The replicas' final values of a key, one observation per replica that holds it.
 *
 * @example
 * replicaObservations({ n1: { x: { values: [1] } } }, 'x'); // [{ source: 'replica', by: 'n1', values: [1] }]
 */
export function replicaObservations(states: Record<string, ReplicaState> | undefined, key: string | number | undefined): FinalObservation[] {
  if (states === undefined || key === undefined) return [];
  const observations: FinalObservation[] = [];
  for (const node of Object.keys(states).sort()) {
    const value = states[node]![String(key)];
    if (value !== undefined) observations.push({ source: 'replica', by: node, values: value.values });
  }
  return observations;
}

/**
 * Names a read in evidence: its process and history position.
 *
 * @example
 * readName(op); // 'p2 at #81'
 */
export function readName(op: ClientOp): string {
  return `p${op.process} at #${op.invokeIndex}`;
}
