import type { Input, Output } from '../../history/operation.js';

/**
 * A value as a reader of Jepsen histories expects it: nil for null, strings quoted,
 * lists and maps in EDN's bracket style.
 *
 * @example
 * formatValue(null);         // 'nil'
 * formatValue(['a', 1]);     // '["a" 1]'
 * formatValue({ x: 1 });     // '{x 1}'
 */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(' ')}]`;
  if (value instanceof Set) return `#{${[...value].map(formatValue).join(' ')}}`;
  const entries = value instanceof Map ? [...value] : Object.entries(value);
  return `{${entries.map(([k, v]) => `${formatKey(k)} ${formatValue(v)}`).join(', ')}}`;
}

/**
 * A key as written in op descriptions: bare when it is a string or number.
 *
 * @example
 * formatKey('x'); // 'x'
 */
export function formatKey(key: unknown): string {
  return typeof key === 'string' || typeof key === 'number' ? String(key) : formatValue(key);
}

/**
 * The op's name with its key, if it has one: `read`, `get k`.
 *
 * @example
 * opHead({ f: 'get', key: 'k', value: null }); // 'get k'
 */
export function opHead(input: Input): string {
  return input.key === undefined || input.key === null ? input.f : `${input.f} ${formatKey(input.key)}`;
}

/**
 * Describes an op whose result is the point (a read): `read -> 3`, `read -> ?`.
 *
 * @example
 * describeQuery({ f: 'read', value: null }, { known: true, value: 3 }); // 'read -> 3'
 */
export function describeQuery(input: Input, output: Output): string {
  return `${opHead(input)} -> ${output.known ? formatValue(output.value) : '?'}`;
}

/**
 * Describes an op whose arguments are the point (a write): `write 3`, and `write 3 ?`
 * when it is unknown whether it happened.
 *
 * @example
 * describeCommand({ f: 'write', value: 3 }, { known: false, value: null }, '3'); // 'write 3 ?'
 */
export function describeCommand(input: Input, output: Output, args: string): string {
  const text = args === '' ? opHead(input) : `${opHead(input)} ${args}`;
  return output.known ? text : `${text} ?`;
}
