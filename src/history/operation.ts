import type { Process } from './op.js';

/** What a client asked for: the invocation's f, key and value. */
export interface Input {
  f: string;
  key?: string | number;
  value: unknown;
}

/**
 * What a client was told. `known: false` for an indeterminate (info) op: its
 * result is unknown, and a model must accept any result for it.
 */
export interface Output {
  known: boolean;
  value: unknown;
}

/**
 * An invocation paired with its completion, as the linearizability search sees it.
 * `ret` is `Infinity` for an indeterminate op, which may take effect at any time
 * after `call`, or never.
 */
export interface Operation<I = Input, O = Output> {
  /** Dense id within the history it was paired from (0..n-1). */
  id: number;
  process: Process;
  /** Invocation instant (the history's index or time; only the order matters). */
  call: number;
  /** Completion instant; `Infinity` when indeterminate. */
  ret: number;
  input: I;
  output: O;
  /** The invoke's `index` in the source history. */
  invokeIndex: number;
  /** The completion's `index` in the source history; absent for ops still open at the end. */
  completeIndex?: number;
}
