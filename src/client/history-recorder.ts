import type { Op, OpType } from '../history/op.js';

/**
 * An op as a recorder's caller gives it: the recorder assigns index and time.
 */
export type OpRecord = Omit<Op, 'index' | 'time'>;

/**
 * Where recorded ops go besides the in-memory history.
 *
 * @example
 * const options: RecorderOptions = { keep: false, onOp: (op) => stream.write(formatNdjsonOp(op)) };
 */
export interface RecorderOptions {
  /** Keep ops in memory (`ops`). Default true. */
  keep?: boolean;
  /** Called with each op as it is recorded. */
  onOp?: (op: Op) => void;
}

/**
 * The one history of a run: an append-only list of ops from every client process
 * and the nemesis, indexed in the order they happened. Times are the simulation's
 * virtual time in nanoseconds (virtual ms × 1e6), as Jepsen records them.
 *
 * @example
 * const recorder = new HistoryRecorder(() => world.now());
 * recorder.record({ process: 0, type: 'invoke', f: 'read', key: 'x', value: null });
 * recorder.ops[0].index; // 0
 */
export class HistoryRecorder {
  private readonly history: Op[] = [];
  /** How many ops were recorded (kept or not). */
  count = 0;

  /**
   * @param clockMs the simulation's virtual time in ms (not a node's skewed clock)
   * @param options `keep: false` keeps no ops in memory (a long run streams them to
   *   `onOp` instead, e.g. to a file), so memory stays flat however long the run
   */
  constructor(
    private readonly clockMs: () => number,
    private readonly options: RecorderOptions = {},
  ) {}

  get ops(): readonly Op[] {
    return this.history;
  }

  /** Appends `op` with the next index and the current time; returns the stored op. */
  record(op: OpRecord): Op {
    const stored: Record<string, unknown> = { index: 0, time: Math.round(this.clockMs() * 1e6) };
    // Fields in the caller's order; absent optional fields are dropped so that
    // histories compare and serialise the same (a missing value is Jepsen's nil).
    const fields = op as unknown as Record<string, unknown>;
    for (const field in fields) {
      const value = fields[field];
      if (value !== undefined) stored[field] = value;
      else if (field === 'value') stored[field] = null;
    }
    stored.index = this.count++;
    return this.store(stored as unknown as Op);
  }

  /**
   * {@link record} for a client op, field by field: what every client op records,
   * without building the record first. Gives the same op, fields in the same order.
   *
   * @example
   * recorder.recordClientOp(0, 'ok', 'read', 'x', 3, 'n1', undefined);
   */
  recordClientOp(process: number, type: OpType, f: string, key: Op['key'], value: unknown, node?: string, error?: string): Op {
    const time = Math.round(this.clockMs() * 1e6);
    const index = this.count++;
    const nil = value === undefined ? null : value;
    const stored: Op = key === undefined ? { index, time, process, type, f, value: nil } : { index, time, process, type, f, key, value: nil };
    if (node !== undefined) stored.node = node;
    if (error !== undefined) stored.error = error;
    return this.store(stored);
  }

  private store(op: Op): Op {
    if (this.options.keep !== false) this.history.push(op);
    this.options.onOp?.(op);
    return op;
  }
}
