import { formatKey, formatValue } from './format.js';

/** One step of a Jepsen txn: `[f, key, value]`, f read/r or write/w (EDN keywords as strings). */
export type MicroOp = readonly [f: string, key: unknown, value: unknown];

const READS = new Set(['read', 'r']);
const WRITES = new Set(['write', 'w']);

/**
 * Whether a micro-op reads (else it writes; shapes are checked by {@link checkTxn}).
 *
 * @example
 * isRead(['r', 'x', null]); // true
 */
export function isRead(micro: MicroOp): boolean {
  return READS.has(micro[0]);
}

/**
 * The problem with a txn value as a sentence, or null when it is a list of
 * `[f, key, value]` triples with f one of read, r, write, w.
 *
 * @example
 * checkTxn([['read', 'x', null]]); // null
 * checkTxn([['read', 'x']]);       // 'txn step 0 must be [f key value], got ["read" "x"]'
 */
export function checkTxn(value: unknown): string | null {
  if (!Array.isArray(value)) return `txn expects a list of [f key value], got ${formatValue(value)}`;
  for (let i = 0; i < value.length; i++) {
    const micro: unknown = value[i];
    if (!Array.isArray(micro) || micro.length !== 3) {
      return `txn step ${i} must be [f key value], got ${formatValue(micro)}`;
    }
    if (!READS.has(micro[0]) && !WRITES.has(micro[0])) {
      return `txn step ${i} has f ${formatValue(micro[0])}; expected read, r, write or w`;
    }
  }
  return null;
}

/**
 * A txn as text: `read x -> 1, write y 2`; reads show `?` when the results are unknown.
 *
 * @example
 * describeTxn([['read', 'x', null]], [['read', 'x', 1]]); // 'read x -> 1'
 */
export function describeTxn(txn: readonly MicroOp[], results: readonly MicroOp[] | undefined): string {
  return txn
    .map((micro, i) => {
      const head = `${micro[0]} ${formatKey(micro[1])}`;
      if (!isRead(micro)) return `${head} ${formatValue(micro[2])}`;
      return `${head} -> ${results ? formatValue(results[i]?.[2]) : '?'}`;
    })
    .join(', ');
}
