import type { Operation } from '../../history/operation.js';
import type { Model } from '../../models/model.js';
import { buildEntries, callEntryOf, HEAD, isCallEntry, lift, NIL, opOfEntry, unlift } from './entries.js';
import { VisitedSet } from './visited.js';

/** How one partition's search ended. */
export type SearchOutcome =
  | { kind: 'ok'; order: number[] }
  | { kind: 'illegal'; longest: LongestPrefix }
  | { kind: 'timeout' };

/** The deepest point the search reached in an illegal partition. */
export interface LongestPrefix {
  /** Operation ids in linearization order, with the model state after each. */
  order: number[];
  states: unknown[];
  /** The operation whose completion could not be passed: it had to be linearized next, and could not. */
  blockedOp: number;
  /** Operations that were callable at that point (candidates to go next) but none fit. */
  candidates: number[];
}

export interface SearchOptions {
  /** Absolute deadline in performance.now() milliseconds. */
  deadline: number;
  /** Track the longest linearizable prefix (costs a copy per new record; use on a re-run). */
  trackLongest: boolean;
}

interface Frame {
  op: number;
  stateBefore: unknown;
  successors: unknown[];
  next: number;
}

const DEADLINE_CHECK_MASK = 0x3ff;

/**
 * Wing & Gong's search with Lowe's memoisation, as in Porcupine: walk the event list;
 * at a call, try to linearize that operation now (model step); at a return, the
 * operation it closes should already have been linearized, so backtrack. Indeterminate
 * operations have no return and are never forced.
 *
 * @example
 * const outcome = searchPartition(ops, registerModel(), { deadline: Infinity, trackLongest: false });
 * if (outcome.kind === 'ok') console.log(outcome.order);
 */
export function searchPartition<S>(
  ops: readonly Operation<unknown, unknown>[],
  model: Model<S, any, any>,
  options: SearchOptions,
): SearchOutcome {
  const list = buildEntries(ops);
  const hasReturn = ops.map((op) => op.ret !== Infinity);
  const visited = new VisitedSet(ops.length);
  const stack: Frame[] = [];
  let state: S = model.init();
  let remaining = list.knownCount;
  let entry = list.next[HEAD]!;
  let best: LongestPrefix | undefined;
  let bestDepth = -1;
  let steps = 0;

  while (remaining > 0) {
    if ((++steps & DEADLINE_CHECK_MASK) === 0 && performance.now() > options.deadline) {
      return { kind: 'timeout' };
    }
    if (entry !== NIL && isCallEntry(entry)) {
      const op = opOfEntry(entry);
      const successors = model.step(state, ops[op]!.input, ops[op]!.output);
      const placed = tryPlace(op, state, successors, 0);
      if (placed) entry = list.next[HEAD]!;
      else entry = list.next[entry]!;
      continue;
    }
    // A return entry (or the end of the list): backtrack.
    if (options.trackLongest && stack.length > bestDepth) {
      bestDepth = stack.length;
      best = snapshot(entry);
    }
    if (!backtrack()) {
      return { kind: 'illegal', longest: best ?? snapshot(entry) };
    }
  }
  return { kind: 'ok', order: stack.map((frame) => frame.op) };

  // Linearizes `op` into the first successor state not already visited, from index `from`.
  function tryPlace(op: number, before: S, successors: S[], from: number): boolean {
    for (let i = from; i < successors.length; i++) {
      const after = successors[i]!;
      if (!visited.addWith(op, model.hash(after))) continue;
      stack.push({ op, stateBefore: before, successors, next: i + 1 });
      visited.toggle(op);
      lift(list, op, hasReturn[op]!);
      if (hasReturn[op]) remaining--;
      state = after;
      return true;
    }
    return false;
  }

  // Undoes linearizations until one can take another branch. False when none can.
  function backtrack(): boolean {
    while (stack.length > 0) {
      const frame = stack.pop()!;
      const op = frame.op;
      unlift(list, op, hasReturn[op]!);
      visited.toggle(op);
      if (hasReturn[op]) remaining++;
      state = frame.stateBefore as S;
      if (tryPlace(op, state, frame.successors as S[], frame.next)) {
        entry = list.next[HEAD]!;
        return true;
      }
      // Try the operations after this one; at the end of the list the main loop backtracks again.
      entry = list.next[callEntryOf(op)]!;
      return true;
    }
    return false;
  }

  function snapshot(blockedEntry: number): LongestPrefix {
    const candidates: number[] = [];
    for (let e = list.next[HEAD]!; e !== NIL && e !== blockedEntry; e = list.next[e]!) {
      if (isCallEntry(e)) candidates.push(opOfEntry(e));
    }
    return {
      order: stack.map((frame) => frame.op),
      states: stack.map(nextStateOf),
      blockedOp: blockedEntry === NIL ? -1 : opOfEntry(blockedEntry),
      candidates,
    };
  }
}

// The state a frame moved to: the successor chosen is the one before `next`.
function nextStateOf(frame: Frame): unknown {
  return frame.successors[frame.next - 1];
}
