import type { Op } from '../../history/op.js';

const READS = new Set(['read', 'get']);

/**
 * The history as a register checker must see it when a read of nil is a read of an
 * unknown value (Jepsen's reading, `nilReads: 'unknown'`): each ok `read`/`get` whose
 * value is nil becomes `info`, a read whose result nobody knows, which the register
 * checkers (stale reads, sessions, durability) pass over. Read as "the register held
 * nil", such a read would be a stale read of the initial value, a false alarm.
 * A history without such reads is returned as it is.
 *
 * @example
 * nilReadResultsUnknown(ops).filter((op) => op.type === 'info'); // the nil reads, and the info ops there were
 */
export function nilReadResultsUnknown(history: readonly Op[]): readonly Op[] {
  if (!history.some(isNilRead)) return history;
  return history.map((op) => (isNilRead(op) ? { ...op, type: 'info' as const } : op));
}

function isNilRead(op: Op): boolean {
  return op.type === 'ok' && op.process !== 'nemesis' && READS.has(op.f) && (op.value === null || op.value === undefined);
}
