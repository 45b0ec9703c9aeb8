import type { RowChange, Statement, StorageRecord } from './records.js';

/**
 * Where nondeterministic statements get their values: the executing node's own
 * clock and random generator.
 *
 * @example
 * const env: ExecutionEnv = { now: () => ctx.now(), random: () => ctx.random() };
 */
export interface ExecutionEnv {
  now(): number;
  random(): number;
}

/**
 * The outcome of executing one write statement against a table: either its result
 * (the reply value, the storage changes and the row changes it makes) or why it
 * cannot apply (it then changes nothing).
 */
export type Execution =
  | { ok: true; value: unknown; effects: StorageRecord[]; rows: RowChange[] }
  | { ok: false; error: string };

/**
 * Executes a write statement (write, cas, append, incr, sadd) against the current
 * values `read` returns. Pure apart from `env`, which only `NOW()` and `RAND()` use.
 *
 * @example
 * executeStatement({ f: 'incr', key: 'c', value: 2 }, () => 5, env);
 * // { ok: true, value: 2, effects: [{ op: 'set', key: 'c', value: 7 }], rows: [{ key: 'c', before: 5, after: 7 }] }
 */
export function executeStatement(statement: Statement, read: (key: string) => unknown, env: ExecutionEnv): Execution {
  const before = read(statement.key);
  const next = nextValue(statement, before, env);
  if ('error' in next) return { ok: false, error: next.error };
  const replyValue = statement.f === 'write' ? next.after : statement.value;
  return {
    ok: true,
    value: replyValue,
    effects: [{ op: 'set', key: statement.key, value: next.after }],
    rows: [{ key: statement.key, before, after: next.after }],
  };
}

function nextValue(statement: Statement, before: unknown, env: ExecutionEnv): { after: unknown } | { error: string } {
  const { f, value } = statement;
  switch (f) {
    case 'write':
      return { after: evaluate(value, env) };
    case 'cas': {
      if (!Array.isArray(value) || value.length !== 2) return { error: 'bad-value' };
      return jsonEqual(before, value[0]) ? { after: value[1] } : { error: 'cas-mismatch' };
    }
    case 'append': {
      if (typeof value !== 'string') return { error: 'bad-value' };
      if (before !== null && typeof before !== 'string') return { error: 'type-mismatch' };
      return { after: (before ?? '') + value };
    }
    case 'incr': {
      const delta = value ?? 1;
      if (typeof delta !== 'number') return { error: 'bad-value' };
      if (before !== null && typeof before !== 'number') return { error: 'type-mismatch' };
      return { after: (before ?? 0) + delta };
    }
    case 'sadd': {
      if (before !== null && !Array.isArray(before)) return { error: 'type-mismatch' };
      const set = (before ?? []) as unknown[];
      if (set.some((element) => jsonEqual(element, value))) return { after: set };
      return { after: [...set, value].sort(compareElements) };
    }
    default:
      return { error: 'unknown-verb' };
  }
}

/**
 * The value a write stores on this node. A value that is exactly the string 'NOW()'
 * becomes this node's clock reading, 'RAND()' a draw from its random generator: what
 * statement-based replication re-evaluates on every replica.
 */
function evaluate(value: unknown, env: ExecutionEnv): unknown {
  if (value === 'NOW()') return env.now();
  if (value === 'RAND()') return env.random();
  return value;
}

/**
 * The order sets are kept in: numbers numerically, then everything else by its JSON text.
 *
 * @example
 * [3, 'b', 1].sort(compareElements); // [1, 3, 'b']
 */
export function compareElements(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Structural equality of JSON values (key order of objects ignored).
 *
 * @example
 * jsonEqual({ a: [1, 2] }, { a: [1, 2] }); // true
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => jsonEqual(item, other[i]));
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
