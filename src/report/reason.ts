import type { PartitionFailure } from '../checker/linearizable/check.js';
import type { Operation } from '../history/operation.js';
import type { Model } from '../models/model.js';

/**
 * A one-sentence reason and the ops it cites (to draw them even when the timeline
 * cannot show every op).
 *
 * @example
 * const { sentence, cited } = explainLinearizability(failure, model, operations);
 */
export interface LinearizabilityExplanation {
  sentence: string;
  cited: Operation[];
}

/**
 * Why a partition is not linearizable, in one sentence, from the checker's evidence
 * (the blocked op, the linearized prefix and its last state) and the partition's ops.
 *
 * For register-like ops it names the writes involved: a read (or a successful cas)
 * that saw a value every write of which had been overwritten by another write that
 * completed before the read began; a value no op wrote; a value whose writes all began
 * after the read ended. Otherwise it says in what state the blocked op could not take
 * effect.
 *
 * @example
 * linearizabilityReason(result.failures[0]!, registerModel(), pairOperations(history));
 * // 'p3 read 2, but write 2 by p1 was overwritten by write 3 of p0, which completed before the read began'
 */
export function linearizabilityReason(failure: PartitionFailure, model: Model<any>, allOps: readonly Operation[] = []): string {
  return explainLinearizability(failure, model, allOps).sentence;
}

/**
 * {@link linearizabilityReason} with the ops the sentence names.
 *
 * @example
 * explainLinearizability(failure, model, operations).cited.map((op) => op.invokeIndex);
 */
export function explainLinearizability(failure: PartitionFailure, model: Model<any>, allOps: readonly Operation[] = []): LinearizabilityExplanation {
  const blocked = failure.blocked;
  if (blocked === undefined) return { sentence: `no order of the ${failure.candidates.length} pending op(s) is allowed by the ${model.name} model`, cited: [] };
  const ops = allOps.filter((op) => failure.key === undefined || sameValue(op.input.key, failure.key));
  // The write/overwrite story holds only for registers, where every op is a read, a write or a cas.
  const registerLike = REGISTER_MODELS.has(model.name) && ops.every((op) => REGISTER_FS.has(op.input.f));
  const observed = registerLike ? observedValue(blocked, model) : undefined;
  const specific = observed && explainObserved(blocked, observed, ops, model);
  return specific ?? { sentence: genericReason(failure, blocked, model), cited: [blocked] };
}

const REGISTER_MODELS = new Set(['register', 'cas-register', 'kv']);
const REGISTER_FS = new Set(['read', 'get', 'write', 'put', 'cas']);

/** What the op saw and a phrase for it: a read's result, a successful cas's expected value. */
interface Observation {
  value: unknown;
  phrase: string;
}

function observedValue(op: Operation, model: Model<any>): Observation | undefined {
  const who = processName(op);
  const key = op.input.key === undefined ? '' : ` key ${String(op.input.key)}`;
  if (model.readOnly?.(op.input) && op.output.known && isRegisterRead(op)) {
    return { value: op.output.value, phrase: `${who} read ${show(op.output.value)}${key && ` from${key}`}` };
  }
  const pair = casPair(op);
  if (pair && op.output.known) {
    return { value: pair[0], phrase: `${who}'s cas ${show(pair[0])}->${show(pair[1])}${key && ` on${key}`} succeeded` };
  }
  return undefined;
}

function explainObserved(blocked: Operation, seen: Observation, ops: readonly Operation[], model: Model<any>): LinearizabilityExplanation | undefined {
  const writers = ops.filter((op) => op.invokeIndex !== blocked.invokeIndex && sameValue(writtenValue(op), seen.value));
  const isInitial = sameValue(model.init(), seen.value);
  const seenBy = isInitial || writers.length !== 1 ? undefined : earliestOtherReadOf(seen.value, blocked, ops);
  // When the value has one writer and another read returned it, that write took effect before that read completed.
  const effectBy = (w: Operation): number => Math.min(w.ret, seenBy?.ret ?? Infinity);
  const overwriter = ops
    .filter((op) => op.output.known && op.ret < blocked.call && writtenValue(op) !== undefined && !sameValue(writtenValue(op), seen.value))
    .filter((op) => writers.every((w) => effectBy(w) < op.call))
    .sort((a, b) => b.ret - a.ret)[0];
  const cite = (...cited: Array<Operation | undefined>) => [blocked, ...cited.filter((op): op is Operation => op !== undefined)];
  if (overwriter && writers.length > 0) {
    const writer = [...writers].sort((a, b) => b.ret - a.ret)[0]!;
    const already = seenBy !== undefined && seenBy.ret < writer.ret ? ` (already read by ${processName(seenBy)})` : '';
    return {
      sentence: `${seen.phrase}, but ${describeWrite(writer)} by ${processName(writer)}${already} was overwritten by ` +
        `${describeWrite(overwriter)} of ${processName(overwriter)}, which completed before the ${verb(blocked)} began`,
      cited: cite(writer, already === '' ? undefined : seenBy, overwriter),
    };
  }
  if (overwriter && isInitial) {
    return {
      sentence: `${seen.phrase} (the initial value), but ${describeWrite(overwriter)} by ${processName(overwriter)} ` +
        `had completed before the ${verb(blocked)} began`,
      cited: cite(overwriter),
    };
  }
  if (writers.length === 0 && !isInitial) return { sentence: `${seen.phrase}, but no operation ever wrote ${show(seen.value)}`, cited: cite() };
  if (writers.length > 0 && writers.every((w) => w.call > blocked.ret)) {
    const writer = writers[0]!;
    return { sentence: `${seen.phrase}, but ${describeWrite(writer)} by ${processName(writer)} only began after the ${verb(blocked)} completed`, cited: cite(writer) };
  }
  return undefined;
}

/** The read, other than the blocked op, that returned `value` and completed first. */
function earliestOtherReadOf(value: unknown, blocked: Operation, ops: readonly Operation[]): Operation | undefined {
  return ops
    .filter((op) => op.invokeIndex !== blocked.invokeIndex && isRegisterRead(op) && op.output.known && sameValue(op.output.value, value))
    .sort((a, b) => a.ret - b.ret)[0];
}

function genericReason(failure: PartitionFailure, blocked: Operation, model: Model<any>): string {
  const last = failure.linearized.at(-1);
  const state = last ? last.stateAfter : model.init();
  const stateText = model.describeState?.(state) ?? JSON.stringify(state);
  const others = failure.candidates.filter((op) => op.invokeIndex !== blocked.invokeIndex).length;
  return `${processName(blocked)}'s ${model.describe(blocked.input, blocked.output)} cannot take effect: after the ` +
    `${failure.linearized.length} op(s) that can be linearized before it the state is ${stateText}` +
    (others > 0 ? `, and no order of the ${others} other pending op(s) makes it possible` : '');
}

/** The value a register-like op leaves behind: a write's value, a cas's new value. */
function writtenValue(op: Operation): unknown {
  if (op.input.f === 'write' || op.input.f === 'put') return op.input.value;
  return casPair(op)?.[1];
}

function describeWrite(op: Operation): string {
  const pair = casPair(op);
  return pair ? `cas ${show(pair[0])}->${show(pair[1])}` : `write ${show(op.input.value)}`;
}

function casPair(op: Operation): [unknown, unknown] | undefined {
  const value = op.input.value;
  return op.input.f === 'cas' && Array.isArray(value) && value.length === 2 ? [value[0], value[1]] : undefined;
}

function isRegisterRead(op: Operation): boolean {
  return op.input.f === 'read' || op.input.f === 'get';
}

function verb(op: Operation): string {
  return casPair(op) ? 'cas' : 'read';
}

/** A register value as Jepsen prints it: nil, numbers bare, strings quoted, lists in brackets. */
function show(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (Array.isArray(value)) return `[${value.map(show).join(' ')}]`;
  return typeof value === 'object' ? JSON.stringify(value) : typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function processName(op: Operation): string {
  return typeof op.process === 'number' ? `p${op.process}` : String(op.process);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return false;
  return a === b || JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
