import type { Op } from './op.js';

/**
 * Every {@link HistoryFormat}, for option parsing and messages.
 *
 * @example
 * HISTORY_FORMATS.includes(userChoice as HistoryFormat);
 */
export const HISTORY_FORMATS = ['ndjson', 'edn', 'jepsen-log'] as const;

/** The on-disk formats the readers understand. */
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

/**
 * A history as read from a file (or built in memory), with the source line of every op
 * so that later stages (validation, models, checkers) can point at the line at fault.
 *
 * `lines[i]` is the 1-based line where `ops[i]` starts; for histories built in memory
 * it is absent and messages name the op by file alone.
 */
export interface ParsedHistory {
  file: string;
  /** The format it was read as; 'memory' for histories built in code. */
  format: HistoryFormat | 'memory';
  ops: Op[];
  lines: number[];
}

/**
 * Wraps ops built in code (a simulator run, a test) as a {@link ParsedHistory} without
 * line numbers.
 *
 * @example
 * const h = historyFromOps([{ index: 0, time: 0, process: 0, type: 'invoke', f: 'read', value: null }]);
 * h.format; // 'memory'
 */
export function historyFromOps(ops: Op[], file = '<memory>'): ParsedHistory {
  return { file, format: 'memory', ops, lines: [] };
}

/**
 * The source line of op `position`, or undefined for histories without line numbers.
 *
 * @example
 * lineOf({ file: 'h', format: 'ndjson', ops: [], lines: [4] }, 0); // 4
 */
export function lineOf(history: ParsedHistory, position: number): number | undefined {
  return position < history.lines.length ? history.lines[position] : undefined;
}
