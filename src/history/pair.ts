import type { Op } from './op.js';
import type { Input, Operation } from './operation.js';

/** An invocation waiting for (or given) its completion, in invocation order. */
interface Slot {
  invoke: Op;
  completion: Op | undefined;
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
  const slots: Slot[] = [];
  const open = new Map<number, Slot>();
  for (const op of ops) {
    if (op.process === 'nemesis') continue;
    if (op.type === 'invoke') {
      const slot = { invoke: op, completion: undefined };
      slots.push(slot);
      open.set(op.process, slot);
      continue;
    }
    const slot = open.get(op.process);
    if (slot === undefined) continue;
    slot.completion = op;
    open.delete(op.process);
  }
  const operations: Operation[] = [];
  for (const slot of slots) {
    if (slot.completion?.type === 'fail') continue;
    operations.push(toOperation(operations.length, slot.invoke, slot.completion));
  }
  return operations;
}

function toOperation(id: number, invoke: Op, completion: Op | undefined): Operation {
  const input: Input = invoke.key === undefined ? { f: invoke.f, value: invoke.value } : { f: invoke.f, key: invoke.key, value: invoke.value };
  const known = completion?.type === 'ok';
  const operation: Operation = {
    id,
    process: invoke.process,
    call: invoke.index,
    ret: known ? completion!.index : Infinity,
    input,
    output: known ? { known: true, value: completion!.value } : { known: false, value: null },
    invokeIndex: invoke.index,
  };
  if (completion !== undefined) operation.completeIndex = completion.index;
  return operation;
}
