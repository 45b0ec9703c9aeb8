import type { Operation } from '../../history/operation.js';

/**
 * The search's event list, as flat typed arrays (a doubly linked list threaded
 * through index arrays) so that lifting and unlifting an operation is a few
 * integer writes and the hot loop never allocates.
 *
 * Entry 0 is the head sentinel. Operation i has a call entry `1 + 2i` and, when its
 * outcome is known, a return entry `2 + 2i`. Indeterminate operations have no return
 * entry: nothing forces them to be linearized, which is how "it may never have
 * happened" is modelled.
 */
export interface EntryList {
  next: Int32Array;
  prev: Int32Array;
  /** Number of operations with a return entry: the search succeeds when all are linearized. */
  knownCount: number;
}

export const HEAD = 0;
export const NIL = -1;

export const isCallEntry = (entry: number): boolean => (entry & 1) === 1;
export const opOfEntry = (entry: number): number => (entry - 1) >> 1;
export const callEntryOf = (op: number): number => 1 + 2 * op;
export const returnEntryOf = (op: number): number => 2 + 2 * op;

/**
 * Orders call and return events by time; at equal times calls come first, so that
 * operations touching at an instant count as concurrent (the permissive reading).
 *
 * @example
 * const list = buildEntries(ops);
 * // walk: for (let e = list.next[HEAD]; e !== NIL; e = list.next[e]) ...
 */
export function buildEntries(ops: readonly Operation<unknown, unknown>[]): EntryList {
  const events: Array<{ entry: number; time: number }> = [];
  let knownCount = 0;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    events.push({ entry: callEntryOf(i), time: op.call });
    if (op.ret !== Infinity) {
      events.push({ entry: returnEntryOf(i), time: op.ret });
      knownCount++;
    }
  }
  events.sort((a, b) => a.time - b.time || (b.entry & 1) - (a.entry & 1) || a.entry - b.entry);

  const size = 1 + 2 * ops.length;
  const next = new Int32Array(size).fill(NIL);
  const prev = new Int32Array(size).fill(NIL);
  let last = HEAD;
  for (const { entry } of events) {
    next[last] = entry;
    prev[entry] = last;
    last = entry;
  }
  return { next, prev, knownCount };
}

/** Removes operation `op`'s entries from the list (it has been linearized). */
export function lift(list: EntryList, op: number, hasReturn: boolean): void {
  unlink(list, callEntryOf(op));
  if (hasReturn) unlink(list, returnEntryOf(op));
}

/** Puts operation `op`'s entries back, in reverse order of {@link lift}. */
export function unlift(list: EntryList, op: number, hasReturn: boolean): void {
  if (hasReturn) relink(list, returnEntryOf(op));
  relink(list, callEntryOf(op));
}

function unlink(list: EntryList, entry: number): void {
  const { next, prev } = list;
  const before = prev[entry]!;
  const after = next[entry]!;
  next[before] = after;
  if (after !== NIL) prev[after] = before;
}

// Dancing links: an unlinked entry still remembers its neighbours, so it can be
// put back exactly where it was as long as relinks happen in reverse order.
function relink(list: EntryList, entry: number): void {
  const { next, prev } = list;
  const before = prev[entry]!;
  const after = next[entry]!;
  next[before] = entry;
  if (after !== NIL) prev[after] = entry;
}
