import { checkLinearizable } from '../../checker/linearizable/check.js';
import type { Verdict } from '../../checker/checker.js';
import type { Op } from '../../history/op.js';
import { kvModel } from '../../models/kv.js';

/**
 * Linearizability of a lin-kv history with faultline's kv model (reads, writes,
 * cas as `[from, to]`); keys start absent (nil). A cas refused with a definite
 * error (20, 22) is a `fail` op and drops out, as it certainly did nothing.
 *
 * @example
 * checkLinKv(history, 60_000).valid;
 */
export function checkLinKv(history: readonly Op[], timeoutMs: number): Verdict {
  return checkLinearizable(history.filter((op) => op.process !== 'nemesis'), kvModel({ init: null }), { timeoutMs });
}
