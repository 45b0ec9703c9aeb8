import type { Op } from '../history/op.js';

/**
 * An op as a recorder's caller gives it: the recorder assigns index and time.
 *
 * @example
 * const record: OpRecord = { process: 'nemesis', type: 'info', f: 'crash', value: ['n1'] };
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
    const stored = {
      index: this.history.length,
      time: Math.round(this.clockMs() * 1e6),
      ...withoutUndefined(op),
    } as Op;
    stored.index = this.count++;
    if (this.options.keep !== false) this.history.push(stored);
    this.options.onOp?.(stored);
    return stored;
  }
}

/** Drops absent optional fields so that histories compare and serialise the same. */
function withoutUndefined(op: OpRecord): OpRecord {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(op)) {
    if (value !== undefined || field === 'value') out[field] = value === undefined ? null : value;
  }
  return out as OpRecord;
}
