import { describeInput } from './errors.js';
import { OP_TYPES, type Op } from './op.js';

/**
 * A problem with one field of one op; the caller adds the file and line.
 */
export interface OpProblem {
  field: string;
  message: string;
}

/**
 * Checks that every field of an op has the type the {@link Op} contract promises, in
 * reading order (index, time, process, type, f, key, node, error), and returns the
 * first problem, or null. Values are not checked: their shape belongs to the model.
 *
 * @example
 * opShapeProblem({ index: -1, time: 0, process: 0, type: 'invoke', f: 'read', value: null });
 * // { field: 'index', message: 'expected a non-negative integer, found -1' }
 */
export function opShapeProblem(op: Op): OpProblem | null {
  const index: unknown = op.index;
  if (!isCount(index)) return problem('index', 'expected a non-negative integer', index);
  const time: unknown = op.time;
  if (typeof time !== 'number' || !Number.isFinite(time)) return problem('time', 'expected a finite number', time);
  const proc: unknown = op.process;
  if (proc !== 'nemesis' && !isCount(proc)) {
    return problem('process', 'expected a non-negative integer or "nemesis"', proc);
  }
  const type: unknown = op.type;
  if (!(OP_TYPES as readonly unknown[]).includes(type)) {
    return problem('type', 'expected invoke, ok, fail or info', type);
  }
  const f: unknown = op.f;
  if (typeof f !== 'string' || f.length === 0) return problem('f', 'expected a non-empty name', f);
  return optionalFieldProblem(op);
}

function optionalFieldProblem(op: Op): OpProblem | null {
  const key: unknown = op.key;
  // A key is compared as a number: beyond 2^53 two different keys could become one.
  if (typeof key === 'bigint' || (typeof key === 'number' && Number.isInteger(key) && !Number.isSafeInteger(key))) {
    return problem('key', 'expected a string or a number within ±(2^53 - 1) (write a larger integer key as a string)', key);
  }
  const keyOk = key === undefined || typeof key === 'string' || (typeof key === 'number' && Number.isFinite(key));
  if (!keyOk) return problem('key', 'expected a string or a number', key);
  const node: unknown = op.node;
  if (node !== undefined && typeof node !== 'string') return problem('node', 'expected a string', node);
  const error: unknown = op.error;
  if (error !== undefined && typeof error !== 'string') return problem('error', 'expected a string', error);
  return null;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function problem(field: string, expected: string, found: unknown): OpProblem {
  return { field, message: `${expected}, found ${describeInput(found)}` };
}
