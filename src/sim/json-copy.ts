/**
 * Copies JSON-like data and, in the same pass, measures the length of its
 * `JSON.stringify` text. Messages and disk records go through it so nodes never
 * share memory, and the network can count bytes without serialising every
 * message.
 *
 * Plain objects and arrays are copied field by field (fast for the small
 * messages stores exchange); anything else that is an object (Map, Date, class
 * instances) falls back to `structuredClone` and `JSON.stringify`. Data must be
 * acyclic.
 *
 * @example
 * const copier = new JsonCopier();
 * const copy = copier.copy({ a: [1, 'x'] }); // a fresh { a: [1, 'x'] }
 * copier.lastLength;                         // 13, as JSON.stringify(...).length
 */
export class JsonCopier {
  /** Length of `JSON.stringify` of the last copied value (0 when it has no JSON text). */
  lastLength = 0;

  copy<T>(value: T): T {
    this.lastLength = 0;
    return this.copyValue(value) as T;
  }

  private copyValue(value: unknown): unknown {
    switch (typeof value) {
      case 'string':
        this.lastLength += jsonStringLength(value);
        return value;
      case 'number':
        this.lastLength += Number.isFinite(value) ? numberLength(value) : 4;
        return value;
      case 'boolean':
        this.lastLength += value ? 4 : 5;
        return value;
      case 'object':
        if (value === null) {
          this.lastLength += 4;
          return value;
        }
        if (Array.isArray(value)) return this.copyArray(value);
        return isPlainObject(value) ? this.copyObject(value as Record<string, unknown>) : this.copyOther(value);
      default:
        // undefined, functions, symbols: no JSON text of their own (callers decide).
        return value;
    }
  }

  private copyArray(source: readonly unknown[]): unknown[] {
    const length = source.length;
    const result = new Array<unknown>(length);
    this.lastLength += length === 0 ? 2 : 1 + length; // brackets and commas
    for (let i = 0; i < length; i++) {
      const item = source[i];
      if (hasJsonText(item)) result[i] = this.copyValue(item);
      else {
        this.lastLength += 4; // JSON writes null for undefined array items
        result[i] = item;
      }
    }
    return result;
  }

  private copyObject(source: Record<string, unknown>): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    let written = 0;
    // Plain objects inherit no enumerable keys, so for-in needs no own-property check.
    for (const key in source) {
      const item = source[key];
      if (hasJsonText(item)) {
        this.lastLength += jsonStringLength(key) + 1; // "key":
        written++;
        result[key] = this.copyValue(item);
      } else {
        result[key] = item;
      }
    }
    this.lastLength += written === 0 ? 2 : 1 + written; // braces and commas
    return result;
  }

  private copyOther(value: object): unknown {
    this.lastLength += JSON.stringify(value)?.length ?? 0;
    return structuredClone(value);
  }
}

function hasJsonText(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Length of the JSON text of a string. Most strings need no escaping; a char
 * loop finds that faster than a regular expression for the short strings
 * (keys, tags, ids) messages are made of.
 */
function jsonStringLength(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Quote, backslash, control characters and surrogates (lone ones are escaped) take the slow path.
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) {
      return JSON.stringify(text).length;
    }
  }
  return text.length + 2;
}

function numberLength(value: number): number {
  // Small integers are by far the most common: skip the string conversion.
  if (Number.isInteger(value) && value >= 0 && value < 1e9) {
    return value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : String(value).length;
  }
  return String(value).length;
}
