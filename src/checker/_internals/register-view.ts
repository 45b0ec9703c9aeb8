/**
 * A register history seen key by key: the writes (plain writes and the new
 * value of a compare-and-set) and the reads, each value reduced to an identity
 * (its canonical text), so that a read names the write it saw when values are
 * unique. A read answering a list of values where no write wrote a list is a
 * read of siblings: it saw each of them.
 */
import { canonicalKey } from '../../models/canonical.js';
import { groupBy, type ClientOp } from './client-ops.js';

/**
 * A write that may have happened: acknowledged (`ok`) or indeterminate (`info`).
 */
export interface RegisterWrite {
  op: ClientOp;
  value: unknown;
  id: string;
}

/**
 * A successful read (or the read half of a successful compare-and-set), and
 * the identities of the values it saw.
 */
export interface RegisterRead {
  op: ClientOp;
  observed: string[];
  /** True for the expected value of a compare-and-set (seen, but not returned by a read). */
  cas: boolean;
}

/**
 * One key's writes and reads, in invocation order.
 *
 * @example
 * view.get('x')!.writes.length; // writes of key x
 */
export interface RegisterKey {
  key: string | number | undefined;
  writes: RegisterWrite[];
  reads: RegisterRead[];
  /** Every write of each value identity. */
  writesById: Map<string, RegisterWrite[]>;
}

const WRITES = new Set(['write', 'put']);
const READS = new Set(['read', 'get']);

/**
 * Splits client ops by key into register writes and reads. Failed ops are left
 * out (they did not happen); ops of other kinds are ignored.
 *
 * @example
 * registerView(clientOps(history)).get('k0')!.reads[0]!.observed; // ['1']
 */
export function registerView(ops: readonly ClientOp[]): Map<string | number | undefined, RegisterKey> {
  const view = new Map<string | number | undefined, RegisterKey>();
  for (const [key, keyOps] of groupBy(ops, (op) => op.key)) {
    const writes: RegisterWrite[] = [];
    const reads: RegisterRead[] = [];
    for (const op of keyOps) {
      if (op.outcome === 'fail') continue;
      if (WRITES.has(op.f)) writes.push({ op, value: op.input, id: canonicalKey(op.input) });
      if (op.f === 'cas' && Array.isArray(op.input) && op.input.length === 2) {
        writes.push({ op, value: op.input[1], id: canonicalKey(op.input[1]) });
        if (op.outcome === 'ok') reads.push({ op, observed: [canonicalKey(op.input[0])], cas: true });
      }
    }
    const listsWritten = writes.some((w) => Array.isArray(w.value));
    for (const op of keyOps) {
      if (!READS.has(op.f) || op.outcome !== 'ok') continue;
      reads.push({ op, observed: observedIds(op.output, listsWritten), cas: false });
    }
    reads.sort((a, b) => a.op.call - b.op.call);
    if (writes.length === 0 && reads.length === 0) continue;
    view.set(key, { key, writes, reads, writesById: groupBy(writes, (w) => w.id) as Map<string, RegisterWrite[]> });
  }
  return view;
}

/**
 * The identities a read saw: one value, or each sibling of a list (an empty
 * list of siblings is the absent value, nil).
 *
 * @example
 * observedIds([2, 3], false); // ['2', '3']
 */
export function observedIds(value: unknown, listsWritten: boolean): string[] {
  if (!Array.isArray(value) || listsWritten) return [canonicalKey(value)];
  return value.length === 0 ? [canonicalKey(null)] : value.map(canonicalKey);
}
