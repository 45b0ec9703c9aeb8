/**
 * The length of JSON text, computed without building it: how the network counts
 * the bytes of messages it shares rather than copies.
 *
 * @example
 * jsonLength({ a: [1, 'x'] }); // 13, as JSON.stringify(...).length
 */

/**
 * The length of `JSON.stringify(value)` (0 when it has none, as for undefined).
 *
 * @example
 * jsonLength({ a: [1, 'x'] }); // 13
 */
export function jsonLength(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return jsonStringLength(value);
    case 'number':
      return Number.isFinite(value) ? numberLength(value) : 4;
    case 'boolean':
      return value ? 4 : 5;
    case 'object':
      if (value === null) return 4;
      if (Array.isArray(value)) return arrayLength(value);
      return isPlainObject(value) ? objectLength(value as Record<string, unknown>) : (JSON.stringify(value)?.length ?? 0);
    default:
      // undefined, functions, symbols: no JSON text of their own (callers decide).
      return 0;
  }
}

function arrayLength(source: readonly unknown[]): number {
  const length = source.length;
  let total = length === 0 ? 2 : 1 + length; // brackets and commas
  for (let i = 0; i < length; i++) {
    const item = source[i];
    // JSON writes null for undefined (and function, symbol) array items.
    total += hasJsonText(item) ? jsonLength(item) : 4;
  }
  return total;
}

function objectLength(source: Record<string, unknown>): number {
  let total = 0;
  let written = 0;
  for (const key in source) {
    const item = source[key];
    if (!hasJsonText(item)) continue;
    total += jsonStringLength(key) + 1 + jsonLength(item); // "key":value
    written++;
  }
  return total + (written === 0 ? 2 : 1 + written); // braces and commas
}

/**
 * True for values JSON writes (not undefined, functions or symbols).
 *
 * @example
 * hasJsonText(undefined); // false
 */
export function hasJsonText(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

/**
 * True for objects made by `{}` literals or JSON.parse (or with no prototype).
 *
 * @example
 * isPlainObject(new Map()); // false
 */
export function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Length of the JSON text of a string. Most strings need no escaping; a char
 * loop finds that faster than a regular expression for the short strings
 * (keys, tags, ids) messages are made of.
 *
 * @example
 * jsonStringLength('ab'); // 4
 */
export function jsonStringLength(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Quote, backslash, control characters and surrogates (lone ones are escaped) take the slow path.
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) {
      return JSON.stringify(text).length;
    }
  }
  return text.length + 2;
}

/**
 * Length of the JSON text of a finite number.
 *
 * @example
 * numberLength(1.5); // 3
 */
export function numberLength(value: number): number {
  // Small integers are by far the most common: skip the string conversion.
  if (Number.isInteger(value) && value >= 0 && value < 1e9) {
    return value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : String(value).length;
  }
  return String(value).length;
}
