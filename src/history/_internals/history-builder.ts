import type { Op } from '../op.js';
import { DEFAULT_HISTORY_LIMITS, type HistoryLimits } from '../limits.js';
import type { HistoryFormat, ParsedHistory } from '../parsed-history.js';

/** Collects ops and their lines as a decoder produces them; carries the bounds every decoder enforces. */
export class HistoryBuilder {
  readonly ops: Op[] = [];
  readonly lines: number[] = [];

  constructor(
    readonly file: string,
    readonly limits: Readonly<HistoryLimits> = DEFAULT_HISTORY_LIMITS,
  ) {}

  /** The position the next op will take (its default index). */
  get size(): number {
    return this.ops.length;
  }

  add(op: Op, line: number): void {
    this.ops.push(op);
    this.lines.push(line);
  }

  build(format: HistoryFormat): ParsedHistory {
    return { file: this.file, format, ops: this.ops, lines: this.lines };
  }
}
