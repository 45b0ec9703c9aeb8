import type { Op, OpType } from '../../../src/history/op.js';

/**
 * A small fluent builder of histories for checker tests: each record gets the
 * next index and a time 1 ms after the previous one (or the time given).
 *
 * @example
 * const h = new HistoryBuilder().write(0, 'x', 1).read(1, 'x', 1).ops;
 */
export class HistoryBuilder {
  readonly ops: Op[] = [];
  private timeMs = 0;

  /** Moves the clock to `ms` (virtual ms) for the next record. */
  at(ms: number): this {
    this.timeMs = ms;
    return this;
  }

  record(process: number | 'nemesis', type: OpType, f: string, value: unknown, key?: string): this {
    const op: Op = { index: this.ops.length, time: Math.round(this.timeMs * 1e6), process, type, f, value };
    if (key !== undefined) op.key = key;
    this.ops.push(op);
    this.timeMs += 1;
    return this;
  }

  invoke(process: number, f: string, value: unknown, key?: string): this {
    return this.record(process, 'invoke', f, value, key);
  }

  complete(process: number, type: 'ok' | 'fail' | 'info', f: string, value: unknown, key?: string): this {
    return this.record(process, type, f, value, key);
  }

  /** A write invoked and acknowledged at once. */
  write(process: number, key: string | undefined, value: unknown, outcome: 'ok' | 'fail' | 'info' = 'ok'): this {
    return this.invoke(process, 'write', value, key).complete(process, outcome, 'write', value, key);
  }

  /** A read invoked and answered at once. */
  read(process: number, key: string | undefined, value: unknown): this {
    return this.invoke(process, 'read', null, key).complete(process, 'ok', 'read', value, key);
  }

  /** An add (set element or counter increment) invoked and completed at once. */
  add(process: number, value: unknown, outcome: 'ok' | 'fail' | 'info' = 'ok', key?: string): this {
    return this.invoke(process, 'add', value, key).complete(process, outcome, 'add', value, key);
  }

  nemesis(f: string, value: unknown = null): this {
    return this.record('nemesis', 'info', f, value);
  }
}
