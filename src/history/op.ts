/**
 * One line of a history, Jepsen-compatible: an `invoke`, then its completion
 * `ok` | `fail` | `info` by the same process.
 *
 * - `fail`: the operation certainly did not take effect.
 * - `info`: indeterminate; it may take effect at any instant after its
 *   invocation, or never.
 *
 * @example
 * const op: Op = { index: 0, time: 0, process: 1, type: 'invoke', f: 'write', value: 3 };
 */
export interface Op {
  /** Position in the history; strictly increasing. */
  index: number;
  /** Nanoseconds, as Jepsen records them. */
  time: number;
  process: Process;
  type: OpType;
  f: string;
  key?: string | number;
  value: unknown;
  node?: string;
  error?: string;
}

/** Every {@link OpType}, in the order an op's life goes. */
export const OP_TYPES = ['invoke', 'ok', 'fail', 'info'] as const;
export type OpType = (typeof OP_TYPES)[number];
export type Process = number | 'nemesis';
