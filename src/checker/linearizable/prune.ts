import type { Operation } from '../../history/operation.js';
import type { Model } from '../../models/model.js';

/**
 * Drops indeterminate operations that no linearization can need, which keeps the
 * search from trying every subset of them.
 *
 * Both rules are sound: for any linearization that includes such an op, removing it
 * leaves a linearization of the rest.
 * - An indeterminate read changes nothing, so removing it changes no later state.
 * - An indeterminate blind write of a value that no op observes: after it, the state
 *   is that value until the next write. Every op that depends on the state declares
 *   the values it depends on (or 'any', which turns this rule off for the partition),
 *   so no op placed in that window depends on anything: removing the write changes
 *   only the states in that window, which nothing reads.
 *
 * @example
 * const kept = pruneIndeterminate(ops, registerModel());
 */
export function pruneIndeterminate<I, O>(
  ops: readonly Operation<I, O>[],
  model: Model<any, I, O>,
): Operation<I, O>[] {
  const { readOnly, blindWrite, observes } = model;
  if (!readOnly && !(blindWrite && observes)) return [...ops];
  const observed = new Set<unknown>();
  let pruneWrites = Boolean(blindWrite && observes);
  for (const op of pruneWrites ? ops : []) {
    const values = observes!.call(model, op.input, op.output);
    if (values === 'any') {
      pruneWrites = false;
      break;
    }
    for (const value of values) observed.add(valueKey(value));
  }
  return ops.filter((op) => {
    if (op.ret !== Infinity) return true;
    if (readOnly?.call(model, op.input)) return false;
    const written = pruneWrites ? blindWrite!.call(model, op.input) : undefined;
    if (written && !observed.has(valueKey(written.value))) return false;
    return true;
  });
}

// Primitive values compare by identity; structured ones by their JSON text.
function valueKey(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return `json:${JSON.stringify(value)}`;
}
