import type { Operation } from '../../history/operation.js';
import type { Model } from '../../models/model.js';
import { buildEntries, callEntryOf, HEAD, isCallEntry, lift, NIL, opOfEntry, unlift, type EntryList } from './entries.js';
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

/** Where a search stands after {@link PartitionSearch.run}. */
export type SearchStatus = 'running' | 'ok' | 'illegal';

interface Frame {
  op: number;
  stateBefore: unknown;
  successors: unknown[];
  next: number;
}

/**
 * Wing & Gong's search with Lowe's memoisation, as in Porcupine, for one partition:
 * walk the event list; at a call, try to linearize that op now (a model step); at a
 * return, the op it closes should already be linearized, so backtrack. Indeterminate
 * ops have no return and so are never forced to happen.
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
  private readonly list: EntryList;
  private readonly hasReturn: boolean[];
  private readonly visited: VisitedSet;
  private readonly stack: Frame[] = [];
  private state: S;
  private remaining: number;
  private entry: number;
  private bestDepth = -1;

  constructor(
    private readonly ops: readonly Operation<unknown, unknown>[],
    private readonly model: Model<S, any, any>,
    private readonly trackLongest: boolean,
  ) {
    this.list = buildEntries(ops);
    this.hasReturn = ops.map((op) => op.ret !== Infinity);
    this.visited = new VisitedSet(ops.length, (state: S) => model.hash(state));
    this.state = model.init();
    this.remaining = this.list.knownCount;
    this.entry = this.list.next[HEAD]!;
    if (this.remaining === 0) this.status = 'ok';
  }

  /** Advances by at most `maxSteps` steps. */
  run(maxSteps: number): SearchStatus {
    const { list, ops, model } = this;
    for (let steps = 0; steps < maxSteps && this.status === 'running'; steps++) {
      const entry = this.entry;
      if (entry !== NIL && isCallEntry(entry)) {
        const op = opOfEntry(entry);
        const successors = model.step(this.state, ops[op]!.input, ops[op]!.output);
        this.entry = this.tryPlace(op, this.state, successors, 0) ? list.next[HEAD]! : list.next[entry]!;
        continue;
      }
      // A return (or the end of the list): the op it closes was not linearized in time.
      if (this.trackLongest && this.stack.length > this.bestDepth) {
        this.bestDepth = this.stack.length;
        this.longest = this.snapshot(entry);
      }
      if (!this.backtrack()) {
        this.longest ??= this.snapshot(entry);
        this.status = 'illegal';
      }
    }
    return this.status;
  }

  /** The linearization found (op positions in order); meaningful once status is 'ok'. */
  order(): number[] {
    return this.stack.map((frame) => frame.op);
  }

  // Linearizes `op` into the first successor state not already visited, from index `from`.
  private tryPlace(op: number, before: S, successors: S[], from: number): boolean {
    for (let i = from; i < successors.length; i++) {
      const after = successors[i]!;
      if (!this.visited.addWith(op, after)) continue;
      this.stack.push({ op, stateBefore: before, successors, next: i + 1 });
      this.visited.toggle(op);
      lift(this.list, op, this.hasReturn[op]!);
      if (this.hasReturn[op] && --this.remaining === 0) this.status = 'ok';
      this.state = after;
      return true;
    }
    return false;
  }

  // Undoes the last linearization and moves on to its next branch. False when none is left.
  private backtrack(): boolean {
    const frame = this.stack.pop();
    if (frame === undefined) return false;
    const op = frame.op;
    unlift(this.list, op, this.hasReturn[op]!);
    this.visited.toggle(op);
    if (this.hasReturn[op]) this.remaining++;
    this.state = frame.stateBefore as S;
    if (this.tryPlace(op, this.state, frame.successors as S[], frame.next)) {
      this.entry = this.list.next[HEAD]!;
    } else {
      // Try the ops after this one; at the end of the list the next step backtracks again.
      this.entry = this.list.next[callEntryOf(op)]!;
    }
    return true;
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
    return {
      order: this.order(),
      states: this.stack.map((frame) => frame.successors[frame.next - 1]),
      blockedOp: blockedEntry === NIL ? -1 : opOfEntry(blockedEntry),
      candidates,
    };
  }
}
