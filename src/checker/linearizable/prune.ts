import type { Operation } from '../../history/operation.js';
import { stringifyExact } from '../../history/exact-json.js';
import type { Model } from '../../models/model.js';

/**
 * Drops indeterminate operations that no linearization can need, which keeps the
 * search from trying every subset of them.
 *
 * Each rule is sound: for any linearization that includes such an op, removing it
 * leaves a linearization of the rest.
 * - An indeterminate read changes nothing, so removing it changes no later state.
 * - An indeterminate blind write of a value that no op observes: after it, the state
 *   holds that value until the next blind write. Every op that depends on the state
 *   declares the values it depends on (or 'any', which turns these rules off for the
 *   partition), and appends carry the value forward as a substring, so when no observed
 *   value equals it (or, with appends about, contains its text) no op placed in that
 *   window depends on anything: removing the write changes only states nobody reads.
 * - An indeterminate append whose mark no observed text contains: the mark stays in
 *   every state until the next blind write, so by the same argument nothing in that
 *   window observes the state, and appends need nothing of it. An empty mark changes
 *   nothing at all.
 *
 * @example
 * const kept = pruneIndeterminate(ops, registerModel());
 */
export function pruneIndeterminate<I, O>(
  ops: readonly Operation<I, O>[],
  model: Model<any, I, O>,
): Operation<I, O>[] {
  const observed = observations(ops, model);
  return ops.filter((op) => {
    if (op.ret !== Infinity) return true;
    if (model.readOnly?.(op.input)) return false;
    if (observed === undefined) return true;
    const written = model.blindWrite?.(op.input);
    if (written) return observed.has(written.value);
    const mark = model.appendMark?.(op.input);
    if (mark !== undefined) return mark !== '' && observed.contains(mark);
    return true;
  });
}

interface Observations {
  has(value: unknown): boolean;
  contains(text: string): boolean;
}

// Everything any op observes; undefined when some op may depend on anything.
function observations<I, O>(ops: readonly Operation<I, O>[], model: Model<any, I, O>): Observations | undefined {
  if (!model.observes || !(model.blindWrite || model.appendMark)) return undefined;
  const values = new Set<unknown>();
  const texts: string[] = [];
  let appends = false;
  for (const op of ops) {
    const seen = model.observes(op.input, op.output);
    if (seen === 'any') return undefined;
    for (const value of seen) {
      values.add(valueKey(value));
      if (value !== null && value !== undefined) texts.push(String(value));
    }
    if (model.appendMark?.(op.input) !== undefined) appends = true;
  }
  const contains = (text: string): boolean => texts.some((t) => t.includes(text));
  return {
    has: (value) => values.has(valueKey(value)) || (appends && contains(String(value ?? ''))),
    contains,
  };
}

// Primitive values compare by identity; structured ones by their JSON text.
function valueKey(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return `json:${stringifyExact(value)}`;
}
