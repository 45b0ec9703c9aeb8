import { hasJsonText, isPlainObject, jsonStringLength, numberLength } from './json-length.js';

/**
 * Copies JSON-like data and, in the same pass, measures the length of its
 * `JSON.stringify` text. Messages and disk records go through it so nodes never
 * share memory, and the network can count bytes without serialising every
 * message.
 *
 * Measuring is optional (`measures`, default true): turning numbers into text to
 * count their digits costs more than the copy itself, so a world that does not
 * count bytes, and the disk, which never needs the length, copy with
 * {@link copyJson} alone.
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
  /** Length of `JSON.stringify` of the last copied value (0 when it has no JSON text, or when not measuring). */
  lastLength = 0;

  constructor(readonly measures = true) {}

  copy<T>(value: T): T {
    this.lastLength = 0;
    return (this.measures ? this.copyValue(value) : copyJson(value)) as T;
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
        setField(result, key, this.copyValue(item));
      } else {
        setField(result, key, item);
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

/**
 * A deep copy of JSON-like data that shares no object with the original.
 *
 * @example
 * const original = { a: [1] };
 * copyJson(original).a === original.a; // false
 */
export function copyJson<T>(value: T): T {
  return (typeof value === 'object' && value !== null ? copyObjectValue(value) : value) as T;
}

function copyObjectValue(value: object): unknown {
  if (Array.isArray(value)) {
    const length = value.length;
    const result = new Array<unknown>(length);
    for (let i = 0; i < length; i++) {
      const item: unknown = value[i];
      result[i] = typeof item === 'object' && item !== null ? copyObjectValue(item) : item;
    }
    return result;
  }
  if (!isPlainObject(value)) return structuredClone(value);
  const source = value as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const key in source) {
    const item = source[key];
    setField(result, key, typeof item === 'object' && item !== null ? copyObjectValue(item) : item);
  }
  return result;
}

/** Sets a field, "__proto__" included (assigning that one would set the prototype; JSON.parse makes such fields). */
function setField(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
