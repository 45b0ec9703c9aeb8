import type { Operation, Output } from '../../history/operation.js';
import { canonicalKey } from '../../models/canonical.js';
import type { Model } from '../../models/model.js';
import { buildEntries, callEntryOf, HEAD, isCallEntry, lift, NIL, opOfEntry, unlift, type EntryList } from './entries.js';
import { MULTI, prefixHashes, StateTable } from './state-table.js';
import { VisitedSet } from './visited.js';

/** The deepest point the search reached in an illegal partition. */
export interface LongestPrefix {
  /** Operation positions in linearization order, with the model state after each. */
  order: number[];
  states: unknown[];
  /** The op whose completion could not be passed: it had to be linearized next and could not (-1: none). */
  blockedOp: number;
  /** Ops that were callable at that point (candidates to go next); none fit. */
  candidates: number[];
}

// Op kinds for the pruning of texts.
const READS = 0;
const APPENDS = 1;
const RESETS = 2;
/** How far deadText looks ahead in the event list. */
const LOOKAHEAD_ENTRIES = 64;

/** Where a search stands after {@link PartitionSearch.run}. */
export type SearchStatus = 'running' | 'ok' | 'illegal';

/**
 * Wing & Gong's search with Lowe's memoisation, as in Porcupine, for one partition:
 * walk the event list; at a call, try to linearize that op now (a model step); at a
 * return, the op it closes should already be linearized, so backtrack. Indeterminate
 * ops have no return and so are never forced to happen.
 *
 * One reduction on top: a read (an op the model says never changes the state) that
 * fits the current state is linearized at once and for good. If any linearization of
 * the rest exists, moving the read to the front of it keeps it legal (every op that
 * must precede the read is already linearized, and the read changes no later state),
 * so when the search fails after the read, it fails without it too and needs no
 * other order at this point. Histories of mostly reads search far fewer orders.
 *
 * Indeterminate ops that are twins (the same f, key, value and unknown result) are
 * interchangeable once both are called: a linearization that uses the later-called one
 * without the earlier can use the earlier in its place. So the later twin is placed only
 * after the earlier, and the search does not try each subset of a batch of identical
 * timed-out writes.
 *
 * And one pruning, for models whose states are texts that ops append to (a kv with
 * appends): while no op that may still go before a read can reset the state (every
 * one is a read or an append), the read will see the current text with appends after
 * it, so a current text that is not a prefix of what the read returned is a dead end.
 * The test compares text hashes (StateTable), and a hash can only match wrongly, which
 * keeps a dead end, never prunes a live one.
 *
 * The search is resumable: {@link run} does a bounded number of steps, so a caller can
 * interleave many partitions and stop at the first illegal one, as Porcupine does with
 * one goroutine per partition.
 *
 * @example
 * const search = new PartitionSearch(ops, registerModel(), false);
 * while (search.run(10_000) === 'running') {}
 * if (search.status === 'ok') console.log(search.order());
 */
export class PartitionSearch<S> {
  status: SearchStatus = 'running';
  longest: LongestPrefix | undefined;
  /** Steps taken so far (one per event visited). */
  steps = 0;
  private readonly list: EntryList;
  private readonly hasReturn: Uint8Array;
  private readonly readOnly: Uint8Array;
  private readonly table: StateTable<S>;
  private readonly visited: VisitedSet;
  // The stack of linearized ops, one frame per depth: the op, the state before it,
  // whether it is a committed read, and for an op with several successors their list and
  // the next one to try.
  private readonly stackOp: Int32Array;
  private readonly stackBefore: Int32Array;
  private readonly stackNext: Int32Array;
  private readonly stackCommitted: Uint8Array;
  private readonly stackLists: Array<Int32Array | undefined>;
  /** Per op: its indeterminate twin called just before it, or -1 (see the class comment). */
  private readonly twinBefore: Int32Array;
  // Per op, for the pruning of texts: its kind, and for a read the text it returned.
  private readonly kinds: Uint8Array;
  private readonly observed: Array<string | undefined>;
  private readonly observedPrefixes: Array<[Int32Array, Int32Array] | undefined>;
  private depth = 0;
  private state: number;
  private remaining: number;
  private entry: number;
  private bestDepth = -1;

  constructor(
    ops: readonly Operation<unknown, unknown>[],
    model: Model<S, any, any>,
    private readonly trackLongest: boolean,
  ) {
    const n = ops.length;
    this.list = buildEntries(ops);
    this.hasReturn = Uint8Array.from(ops, (op) => (op.ret !== Infinity ? 1 : 0));
    this.readOnly = Uint8Array.from(ops, (op) => (model.readOnly?.(op.input) === true ? 1 : 0));
    const marks = model.appendMark === undefined ? undefined : ops.map((op) => model.appendMark!(op.input));
    const appends = marks !== undefined && marks.some((mark) => mark !== undefined);
    this.kinds = Uint8Array.from(ops, (_, i) => (this.readOnly[i] === 1 ? READS : appends && marks[i] !== undefined ? APPENDS : RESETS));
    this.observed = ops.map((op, i) => {
      if (!appends || this.readOnly[i] === 0 || !(op.output as Output).known) return undefined;
      const seen = model.observes?.(op.input, op.output);
      return Array.isArray(seen) && seen.length === 1 && typeof seen[0] === 'string' ? seen[0] : undefined;
    });
    this.observedPrefixes = new Array(n).fill(undefined);
    this.twinBefore = indeterminateTwins(ops);
    this.table = new StateTable(ops, model, appends ? marks : undefined);
    this.visited = new VisitedSet(n);
    this.stackOp = new Int32Array(n);
    this.stackBefore = new Int32Array(n);
    this.stackNext = new Int32Array(n);
    this.stackCommitted = new Uint8Array(n);
    this.stackLists = new Array(n).fill(undefined);
    this.state = this.table.initial;
    this.remaining = this.list.knownCount;
    this.entry = this.list.next[HEAD]!;
    if (this.remaining === 0) this.status = 'ok';
  }

  /** Advances by at most `maxSteps` steps. */
  run(maxSteps: number): SearchStatus {
    const next = this.list.next;
    let steps = 0;
    for (; steps < maxSteps && this.status === 'running'; steps++) {
      const entry = this.entry;
      if (entry !== NIL && isCallEntry(entry)) {
        const op = opOfEntry(entry);
        const twin = this.twinBefore[op]!;
        if (twin >= 0 && (this.visited.bits[twin >>> 5]! & (1 << (twin & 31))) === 0) {
          this.entry = next[entry]!;
          continue;
        }
        const code = this.table.successors(this.state, op);
        if (this.readOnly[op] === 1 && code === this.state) {
          // A read that fits: linearize it now and for good (see the class comment). If
          // this configuration plus the read was explored already, it failed, and so
          // does this one.
          if (this.place(op, code, 0, 1)) this.entry = next[HEAD]!;
          else if (!this.backtrack()) this.status = 'illegal';
          continue;
        }
        const placed = code >= 0 ? this.place(op, code, 0, 0) : code === MULTI && this.tryPlaceAny(op, this.table.lastList, 0);
        if (!placed) this.entry = next[entry]!;
        else {
          const blocking = this.deadText();
          if (blocking === NIL) this.entry = next[HEAD]!;
          else {
            // The read at `blocking` completed and must take effect before any reset, yet
            // neither this state nor any order of the candidates before it fits it: the
            // same evidence as an op whose completion could not be passed.
            if (this.trackLongest && this.depth > this.bestDepth) {
              this.bestDepth = this.depth;
              this.longest = this.snapshot(blocking);
            }
            if (!this.backtrack()) this.status = 'illegal';
          }
        }
        continue;
      }
      // A return (or the end of the list): the op it closes was not linearized in time.
      if (this.trackLongest && this.depth > this.bestDepth) {
        this.bestDepth = this.depth;
        this.longest = this.snapshot(entry);
      }
      if (!this.backtrack()) {
        this.longest ??= this.snapshot(entry);
        this.status = 'illegal';
      }
    }
    this.steps += steps;
    return this.status;
  }

  // The return entry of a read that must come before any reset and did not return a
  // continuation of the state's text (see the class comment), else NIL. Looks a bounded
  // way ahead.
  private deadText(): number {
    const text = this.table.textOf(this.state);
    if (text === undefined) return NIL;
    const next = this.list.next;
    let e = next[HEAD]!;
    for (let seen = 0; e !== NIL && seen < LOOKAHEAD_ENTRIES; seen++, e = next[e]!) {
      const op = opOfEntry(e);
      if (isCallEntry(e)) {
        if (this.kinds[op] === RESETS) return NIL;
        continue;
      }
      const observed = this.observed[op];
      if (observed === undefined) continue;
      if (text.length > observed.length) return e;
      const prefixes = (this.observedPrefixes[op] ??= prefixHashes(observed));
      if (prefixes[0][text.length] !== text.hash1 || prefixes[1][text.length] !== text.hash2) return e;
    }
    return NIL;
  }

  /** The linearization found (op positions in order); meaningful once status is 'ok'. */
  order(): number[] {
    return Array.from(this.stackOp.subarray(0, this.depth));
  }

  // Linearizes `op` into the first of several successor states not already visited, from index `from`.
  private tryPlaceAny(op: number, states: Int32Array, from: number): boolean {
    for (let i = from; i < states.length; i++) {
      if (this.place(op, states[i]!, 0, 0)) {
        this.stackLists[this.depth - 1] = states;
        this.stackNext[this.depth - 1] = i + 1;
        return true;
      }
    }
    return false;
  }

  // Pushes `op` leading to state `after`, unless that configuration was visited already.
  private place(op: number, after: number, nextIndex: number, committed: number): boolean {
    if (!this.visited.addWith(op, after)) return false;
    const d = this.depth++;
    this.stackOp[d] = op;
    this.stackBefore[d] = this.state;
    this.stackNext[d] = nextIndex;
    this.stackCommitted[d] = committed;
    this.stackLists[d] = undefined;
    this.visited.toggle(op);
    const hasReturn = this.hasReturn[op] === 1;
    lift(this.list, op, hasReturn);
    if (hasReturn && --this.remaining === 0) this.status = 'ok';
    this.state = after;
    return true;
  }

  // Undoes the last linearization and moves on to its next branch; a committed read
  // failing means its configuration fails, so undo further. False when none is left.
  private backtrack(): boolean {
    while (this.depth > 0) {
      const d = --this.depth;
      const op = this.stackOp[d]!;
      const hasReturn = this.hasReturn[op] === 1;
      unlift(this.list, op, hasReturn);
      this.visited.toggle(op);
      if (hasReturn) this.remaining++;
      this.state = this.stackBefore[d]!;
      if (this.stackCommitted[d] === 1) continue;
      const states = this.stackLists[d];
      if (states !== undefined && this.tryPlaceAny(op, states, this.stackNext[d]!)) {
        this.entry = this.list.next[HEAD]!;
      } else {
        // Try the ops after this one; at the end of the list the next step backtracks again.
        this.entry = this.list.next[callEntryOf(op)]!;
      }
      return true;
    }
    return false;
  }

  /** Where the search stands now: the evidence of a search cut short by a budget. */
  snapshotNow(): LongestPrefix {
    return this.snapshot(this.entry);
  }

  private snapshot(blockedEntry: number): LongestPrefix {
    const candidates: number[] = [];
    for (let e = this.list.next[HEAD]!; e !== NIL && e !== blockedEntry; e = this.list.next[e]!) {
      if (isCallEntry(e)) candidates.push(opOfEntry(e));
    }
    const states: unknown[] = [];
    for (let d = 0; d < this.depth; d++) {
      states.push(this.table.value(d + 1 < this.depth ? this.stackBefore[d + 1]! : this.state));
    }
    return {
      order: this.order(),
      states,
      blockedOp: blockedEntry === NIL ? -1 : opOfEntry(blockedEntry),
      candidates,
    };
  }
}

/** For each indeterminate op, the last indeterminate op called before it with the same input and result; else -1. */
function indeterminateTwins(ops: readonly Operation<unknown, unknown>[]): Int32Array {
  const twins = new Int32Array(ops.length).fill(-1);
  const last = new Map<string, number>();
  const byCall = ops.map((_, i) => i).filter((i) => ops[i]!.ret === Infinity).sort((a, b) => ops[a]!.call - ops[b]!.call || a - b);
  for (const i of byCall) {
    const key = canonicalKey([ops[i]!.input, ops[i]!.output]);
    const before = last.get(key);
    if (before !== undefined) twins[i] = before;
    last.set(key, i);
  }
  return twins;
}
