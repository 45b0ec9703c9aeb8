/**
 * Client operations as the checkers beyond linearizability see them: each
 * invocation with its outcome, its history positions and its times. Unlike
 * pairOperations (which drops failed ops for the search), failed ops are kept:
 * availability counts them.
 */
import type { Op } from '../../history/op.js';
import { pairInvocations } from '../../history/pair.js';

/**
 * How an operation ended: `ok` it happened; `fail` it certainly did not;
 * `info` unknown (a timeout, a crash, or still open when the history ends).
 */
export type Outcome = 'ok' | 'fail' | 'info';

/**
 * One client invocation and its completion.
 */
export interface ClientOp {
  process: number;
  f: string;
  key?: string | number;
  /** The invocation's value. */
  input: unknown;
  /** The completion's value (meaningful for `ok`). */
  output: unknown;
  outcome: Outcome;
  /** Position of the invocation in the history (its `index`). */
  call: number;
  /** Position after which the op certainly had its effect: the completion's index for `ok`, else Infinity. */
  ret: number;
  callNs: number;
  /** Time of the completion record; Infinity when the op never completed. */
  completeNs: number;
  invokeIndex: number;
  completeIndex?: number;
  /** The node that answered, when the completion names it. */
  node?: string;
}

/**
 * The client operations of a history (nemesis ops are left out), in invocation
 * order, paired as every reader pairs them ({@link pairInvocations}); an invoke
 * never completed is `info`.
 *
 * @example
 * clientOps([
 *   { index: 0, time: 0, process: 0, type: 'invoke', f: 'read', value: null },
 *   { index: 1, time: 9, process: 0, type: 'ok', f: 'read', value: 3 },
 * ])[0].output; // 3
 */
export function clientOps(history: readonly Op[]): ClientOp[] {
  return pairInvocations(history).map(({ invoke, completion }) => {
    const op: ClientOp = {
      process: invoke.process as number, f: invoke.f, input: invoke.value, output: null, outcome: 'info',
      call: invoke.index, ret: Infinity, callNs: invoke.time, completeNs: Infinity, invokeIndex: invoke.index,
    };
    if (invoke.key !== undefined) op.key = invoke.key;
    if (completion === undefined) return op;
    op.outcome = completion.type as Outcome;
    op.completeIndex = completion.index;
    op.completeNs = completion.time;
    if (completion.node !== undefined) op.node = completion.node;
    if (completion.type === 'ok') {
      op.output = completion.value;
      op.ret = completion.index;
    }
    return op;
  });
}

/**
 * Groups items by a key (string or number keys kept apart), in first-seen order.
 *
 * @example
 * groupBy([{ k: 'a' }, { k: 'b' }, { k: 'a' }], (x) => x.k).get('a')!.length; // 2
 */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | number | undefined): Map<string | number | undefined, T[]> {
  const groups = new Map<string | number | undefined, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}
