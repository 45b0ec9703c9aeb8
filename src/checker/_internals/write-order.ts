/**
 * What is known about the order of one key's writes, for session guarantees:
 * x ≺ y ("x is certainly older than y") when a chain of facts leads from x to y:
 * - real time (optional): x completed before y was invoked;
 * - monotonic writes: one session wrote x, then y;
 * - writes follow reads: a session read x, then wrote y.
 *
 * Every fact points forward in invocation order, so the relation is a DAG. A
 * query costs little: with real time on, x ≺ y exactly when the earliest
 * completion among the writes reachable from x by session facts precedes y's
 * invocation, or y itself is so reachable (any chain holding a real-time step
 * implies the first; see `earliestRet`).
 */
import type { RegisterKey, RegisterWrite } from './register-view.js';

/**
 * The kinds of facts a query may use.
 */
export interface OrderFacts {
  realTime: boolean;
  writesFollowReads: boolean;
}

/**
 * The order of one key's writes (see the file's description).
 *
 * @example
 * const order = new WriteOrder(view, { realTime: true, writesFollowReads: true });
 * order.before(w1, w2); // true when w1 is certainly older than w2
 */
export class WriteOrder {
  private readonly index = new Map<RegisterWrite, number>();
  private readonly next: number[][];
  private readonly earliestRet: number[];

  constructor(
    private readonly view: RegisterKey,
    private readonly facts: OrderFacts,
  ) {
    view.writes.forEach((w, i) => this.index.set(w, i));
    this.next = view.writes.map(() => []);
    this.addSessionFacts();
    this.earliestRet = this.computeEarliestRets();
  }

  /** True when `older` certainly precedes `newer` in any order the store may have chosen. */
  before(older: RegisterWrite, newer: RegisterWrite): boolean {
    const from = this.index.get(older);
    const to = this.index.get(newer);
    if (from === undefined || to === undefined || from === to) return false;
    const writes = this.view.writes;
    if (this.facts.realTime && this.earliestRet[from]! < writes[to]!.op.call) return true;
    return this.reaches(from, to);
  }

  /** Session facts, walking each process's ops of this key in invocation order. */
  private addSessionFacts(): void {
    type Step = { call: number; write?: RegisterWrite; read?: string[] };
    const steps = new Map<number, Step[]>();
    const push = (process: number, step: Step) => (steps.get(process) ?? steps.set(process, []).get(process)!).push(step);
    for (const write of this.view.writes) if (write.op.outcome === 'ok') push(write.op.process, { call: write.op.call, write });
    for (const read of this.view.reads) push(read.op.process, { call: read.op.call - (read.cas ? 0.5 : 0), read: read.observed });
    for (const session of steps.values()) {
      session.sort((a, b) => a.call - b.call);
      let lastWrite: RegisterWrite | undefined;
      let lastRead: string[] | undefined;
      for (const step of session) {
        if (step.read !== undefined) lastRead = step.read;
        if (step.write === undefined) continue;
        if (lastWrite !== undefined) this.link(lastWrite, step.write);
        if (this.facts.writesFollowReads && lastRead !== undefined) {
          for (const id of lastRead) for (const seen of this.view.writesById.get(id) ?? []) this.link(seen, step.write);
        }
        lastWrite = step.write;
      }
    }
  }

  /** Adds x -> y; a fact pointing backward in invocation order (a read of the future) is dropped. */
  private link(from: RegisterWrite, to: RegisterWrite): void {
    if (from.op.call >= to.op.call) return;
    this.next[this.index.get(from)!]!.push(this.index.get(to)!);
  }

  /** For each write, the earliest completion among the writes its session facts reach (itself included). */
  private computeEarliestRets(): number[] {
    const writes = this.view.writes;
    const earliest = writes.map((w) => w.op.ret);
    const byCallDescending = writes.map((_, i) => i).sort((a, b) => writes[b]!.op.call - writes[a]!.op.call);
    for (const i of byCallDescending) for (const j of this.next[i]!) earliest[i] = Math.min(earliest[i]!, earliest[j]!);
    return earliest;
  }

  /** Session facts alone lead from `from` to `to` (searching only writes invoked before `to`). */
  private reaches(from: number, to: number): boolean {
    const limit = this.view.writes[to]!.op.call;
    const seen = new Set<number>([from]);
    const stack = [from];
    while (stack.length > 0) {
      for (const j of this.next[stack.pop()!]!) {
        if (j === to) return true;
        if (seen.has(j) || this.view.writes[j]!.op.call >= limit) continue;
        seen.add(j);
        stack.push(j);
      }
    }
    return false;
  }
}
