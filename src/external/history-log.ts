import type { Op, OpType, Process } from '../history/op.js';

/**
 * The history of a run against real processes, in the order things happened:
 * every op gets the next index and the time since the run began, in
 * nanoseconds, as Jepsen records them.
 *
 * @example
 * const log = new HistoryLog();
 * log.add(0, 'invoke', 'read', null, { key: 1, node: 'n1' });
 */
export class HistoryLog {
  readonly ops: Op[] = [];
  private readonly startedMs = performance.now();

  /** Milliseconds since the run began. */
  nowMs(): number {
    return performance.now() - this.startedMs;
  }

  add(process: Process, type: OpType, f: string, value: unknown, extra: { key?: string | number; node?: string; error?: string } = {}): Op {
    const op: Op = {
      index: this.ops.length,
      time: Math.round(this.nowMs() * 1e6),
      process,
      type,
      f,
      ...(extra.key === undefined ? {} : { key: extra.key }),
      value,
      ...(extra.node === undefined ? {} : { node: extra.node }),
      ...(extra.error === undefined ? {} : { error: extra.error }),
    };
    this.ops.push(op);
    return op;
  }
}
