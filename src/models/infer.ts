import type { Op } from '../history/op.js';

/** A guessed model name and the evidence for it, for the user to read. */
export interface InferredModel {
  name: string;
  reason: string;
}

/**
 * Guesses which model a history was written for from its client ops' f values, keys and
 * read results. The first rule that fits wins:
 * txn -> multi-register; keys -> kv; enqueue/dequeue -> fifo-queue; acquire/release ->
 * mutex; increment/incr -> counter; add with list reads -> set, with numeric reads or nil
 * values -> counter, else set; cas -> cas-register; read/write -> register.
 *
 * @example
 * inferModel(history); // { name: 'cas-register', reason: 'f cas present: a compare-and-set register' }
 */
export function inferModel(ops: readonly Op[]): InferredModel {
  const client = ops.filter((op) => op.process !== 'nemesis');
  const fs = new Set(client.map((op) => op.f));
  const has = (...names: string[]): string | undefined => names.find((name) => fs.has(name));
  let f: string | undefined;

  if (fs.has('txn')) return { name: 'multi-register', reason: 'f txn present: transactions over registers' };
  const keyed = client.find((op) => op.key !== undefined && op.key !== null);
  if (keyed) return { name: 'kv', reason: `ops carry a key (first: ${JSON.stringify(keyed.key)}): one register per key` };
  if ((f = has('enqueue', 'dequeue'))) return { name: 'fifo-queue', reason: `f ${f} present: a queue, assumed FIFO` };
  if ((f = has('acquire', 'release'))) return { name: 'mutex', reason: `f ${f} present: a lock` };
  if ((f = has('increment', 'incr'))) return { name: 'counter', reason: `f ${f} present: a counter` };
  if (fs.has('add')) return inferAdd(client);
  if (fs.has('cas')) return { name: 'cas-register', reason: 'f cas present: a compare-and-set register' };
  if (has('read', 'write', 'get', 'put')) {
    return { name: 'register', reason: `reads and writes (f ${[...fs].join(', ')}): a register` };
  }
  const seen = fs.size === 0 ? 'no client ops' : `f ${[...fs].join(', ')}`;
  return { name: 'register', reason: `nothing recognisable (${seen}); assuming a register` };
}

// `add` serves both sets and counters; what reads return tells them apart.
function inferAdd(client: readonly Op[]): InferredModel {
  const reads = client.filter((op) => op.type === 'ok' && (op.f === 'read' || op.f === 'get'));
  if (reads.some((op) => Array.isArray(op.value))) {
    return { name: 'set', reason: 'f add with reads that return lists: a set' };
  }
  if (reads.some((op) => typeof op.value === 'number')) {
    return { name: 'counter', reason: 'f add with reads that return numbers: a counter' };
  }
  const adds = client.filter((op) => op.f === 'add' && op.type === 'invoke');
  if (adds.length > 0 && adds.every((op) => op.value === null || op.value === undefined)) {
    return { name: 'counter', reason: 'f add with nil values (add 1 each): a counter' };
  }
  return { name: 'set', reason: 'f add without reads that tell a set from a counter; assuming a set' };
}
