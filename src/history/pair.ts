import type { Op } from './op.js';
import type { Input, Operation } from './operation.js';

/**
 * A client invocation and its completion, if it has one.
 */
export interface Invocation {
  invoke: Op;
  completion?: Op;
}

/**
 * Pairs each client invoke with the next completion of its process, in
 * invocation order: the one pairing every reader of a history shares. Nemesis
 * ops are left out; a completion with no open invoke is ignored; an invoke
 * never completed has no `completion`.
 *
 * @example
 * pairInvocations([
 *   { index: 0, time: 0, process: 0, type: 'invoke', f: 'read', value: null },
 *   { index: 1, time: 9, process: 0, type: 'ok', f: 'read', value: 3 },
 * ]); // [{ invoke: <index 0>, completion: <index 1> }]
 */
export function pairInvocations(ops: readonly Op[]): Invocation[] {
  const pairs: Invocation[] = [];
  const open = new Map<number, Invocation>();
  for (const op of ops) {
    if (op.process === 'nemesis') continue;
    if (op.type === 'invoke') {
      const pair: Invocation = { invoke: op };
      pairs.push(pair);
      open.set(op.process, pair);
      continue;
    }
    const pair = open.get(op.process);
    if (pair === undefined) continue;
    pair.completion = op;
    open.delete(op.process);
  }
  return pairs;
}

/**
 * Pairs each client invoke with its completion into the {@link Operation}s the
 * linearizability search works on:
 *
 * - `ok`: `output = { known: true, value }`, `ret` = the completion's index;
 * - `info`, or an invoke still open at the end: `ret = Infinity`,
 *   `output = { known: false, value: null }` (it may take effect at any time, or never);
 * - `fail`: dropped (it certainly did not happen).
 *
 * `call`/`ret` are history indices; `input` is the invoke's `{ f, key, value }`; ids are
 * dense, 0..n-1, in invocation order. Nemesis ops are ignored, and so is a completion
 * with no open invoke: run {@link validateHistory} first to reject such histories.
 *
 * @example
 * pairOperations([
 *   { index: 0, time: 0, process: 0, type: 'invoke', f: 'write', value: 1 },
 *   { index: 1, time: 5, process: 0, type: 'ok', f: 'write', value: 1 },
 * ]);
 * // [{ id: 0, process: 0, call: 0, ret: 1, input: { f: 'write', value: 1 },
 * //    output: { known: true, value: 1 }, invokeIndex: 0, completeIndex: 1 }]
 */
export function pairOperations(ops: readonly Op[]): Operation[] {
  // Two flat arrays rather than a pair object per invocation (this runs on histories of
  // millions of ops), and each operation built whole, in one object literal.
  const invokes: Op[] = [];
  const completions: Array<Op | undefined> = [];
  const open = new Map<number, number>();
  for (const op of ops) {
    if (op.process === 'nemesis') continue;
    if (op.type === 'invoke') {
      open.set(op.process, invokes.length);
      invokes.push(op);
      completions.push(undefined);
      continue;
    }
    const slot = open.get(op.process);
    if (slot === undefined) continue;
    open.delete(op.process);
    completions[slot] = op;
  }
  const operations: Operation[] = [];
  for (let i = 0; i < invokes.length; i++) {
    if (completions[i]?.type !== 'fail') operations.push(toOperation(operations.length, invokes[i]!, completions[i]));
  }
  return operations;
}

function toOperation(id: number, invoke: Op, completion: Op | undefined): Operation {
  const input: Input = invoke.key === undefined ? { f: invoke.f, value: invoke.value } : { f: invoke.f, key: invoke.key, value: invoke.value };
  const known = completion?.type === 'ok';
  const ret = known ? completion!.index : Infinity;
  const output = known ? { known: true, value: completion!.value } : { known: false, value: null };
  const { process, index } = invoke;
  return completion === undefined
    ? { id, process, call: index, ret, input, output, invokeIndex: index }
    : { id, process, call: index, ret, input, output, invokeIndex: index, completeIndex: completion.index };
}
