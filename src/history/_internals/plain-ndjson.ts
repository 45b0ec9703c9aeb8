import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { NULL_VALUE, type OpColumns } from '../op-columns.js';
import { StringTable } from './string-table.js';

/**
 * Reads NDJSON whose every line is a plain op straight into {@link OpColumns},
 * scanning bytes with no JSON.parse and no object per op: the reader of histories of
 * millions of ops.
 *
 * "Plain" is narrow on purpose: each line one flat JSON object whose fields are among
 * index, time, process, type, f, key, value, node and error, each at most once, with
 * ASCII strings without escapes, integers of at most 15 digits (time may be any JSON
 * number) and null; values and keys null, such an integer or such a string. The
 * fields must also be what the general reader accepts (a non-negative index, a type
 * of invoke/ok/fail/info, ...). At the first line that is anything else this answers
 * undefined, and the caller reads the file the general way, which gives the same
 * history or the error the file deserves, with its line. So this reader never has to
 * judge a doubtful line, and never reports one. `beforeChunk` is called before each
 * chunk is read (with the lines read so far); what it throws ends the reading.
 *
 * @example
 * const columns = scanPlainNdjson('history.ndjson', () => {}); // undefined when not plain
 */
export function scanPlainNdjson(file: string, beforeChunk: (linesRead: number) => void): OpColumns | undefined {
  const fd = openSync(file, 'r');
  // Room for every op at once, from the file's size: a plain op takes 40 bytes at least,
  // and growing arrays of millions of ops by doubling costs copies and memory twice over.
  const scanner = new PlainScanner(file, Math.max(1024, Math.ceil(fstatSync(fd).size / MIN_PLAIN_OP_BYTES)));
  try {
    let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let held = 0;
    for (;;) {
      beforeChunk(scanner.lines);
      if (held === buffer.length) {
        // A line longer than the buffer: not a plain op.
        if (buffer.length >= MAX_PLAIN_LINE) return undefined;
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, held);
        buffer = larger;
      }
      const read = readSync(fd, buffer, held, buffer.length - held, null);
      const end = held + read;
      const last = read === 0 ? end : buffer.lastIndexOf(NEWLINE, end - 1);
      const upTo = read === 0 ? end : last + 1;
      if (upTo > 0 && !scanner.scan(buffer, 0, upTo, read === 0)) return undefined;
      if (read === 0) return scanner.finish();
      held = end - upTo;
      buffer.copy(buffer, 0, upTo, end);
    }
  } finally {
    closeSync(fd);
  }
}

const CHUNK_BYTES = 8 << 20;
// {"process":0,"type":"ok","f":"r"}: the shortest line that is an op.
const MIN_PLAIN_OP_BYTES = 33;
const MAX_PLAIN_LINE = 1 << 20;
const NEWLINE = 0x0a;

// Field bits, in the order of FIELD_NAMES.
const FIELD_NAMES = ['index', 'time', 'process', 'type', 'f', 'key', 'value', 'node', 'error'];
const INDEX = 0;
const TIME = 1;
const PROCESS = 2;
const TYPE = 3;
const F = 4;
const KEY = 5;
const VALUE = 6;

// What a scanned JSON value was.
const NONE = 0;
const INTEGER = 1;
const STRING = 2;
const NULL = 3;
const OTHER_NUMBER = 4;

const TYPE_NAMES = ['invoke', 'ok', 'fail', 'info'];

class PlainScanner {
  lines = 0;
  private count = 0;
  // Left undefined while every index is its op's position (as in most histories): 8 bytes an op saved.
  private index: Float64Array | undefined;
  private capacity: number;
  private process: Int32Array;
  private type: Uint8Array;
  private f: Int32Array;
  private key: Float64Array;
  private value: Float64Array;
  private readonly table = new StringTable();
  private readonly nemesisId: number;
  // The scanned fields of the current line: kind, and the integer or the string id per field.
  private readonly kinds = new Uint8Array(FIELD_NAMES.length);
  private readonly numbers = new Float64Array(FIELD_NAMES.length);
  private readonly ids = new Int32Array(FIELD_NAMES.length);
  private lastIndex = -1;
  private bytes: Buffer = Buffer.alloc(0);
  private at = 0;

  constructor(private readonly file: string, capacity: number) {
    // Interned first, so that a type's string id is its code (0..3).
    for (const name of TYPE_NAMES) this.table.idOf(name);
    this.nemesisId = this.table.idOf('nemesis');
    this.capacity = capacity;
    this.process = new Int32Array(capacity);
    this.type = new Uint8Array(capacity);
    this.f = new Int32Array(capacity);
    this.key = new Float64Array(capacity);
    this.value = new Float64Array(capacity);
  }

  /** Scans the lines of `bytes[start, end)`, which ends with a line break unless `final`. */
  scan(bytes: Buffer, start: number, end: number, final: boolean): boolean {
    this.bytes = bytes;
    let lineStart = start;
    while (lineStart < end) {
      let lineEnd = bytes.indexOf(NEWLINE, lineStart);
      if (lineEnd === -1 || lineEnd >= end) {
        if (!final) return false;
        lineEnd = end;
      }
      // \r\n ends a line as \n does; a \r anywhere else is a line break of its own to
      // the general reader, so it is not plain.
      const contentEnd = lineEnd > lineStart && bytes[lineEnd - 1] === 0x0d ? lineEnd - 1 : lineEnd;
      this.lines++;
      if (!this.line(lineStart, contentEnd)) return false;
      lineStart = lineEnd + 1;
    }
    return true;
  }

  finish(): OpColumns {
    const n = this.count;
    return {
      file: this.file,
      count: n,
      ...(this.index === undefined ? {} : { index: this.index.subarray(0, n) }),
      process: this.process.subarray(0, n),
      type: this.type.subarray(0, n),
      f: this.f.subarray(0, n),
      key: this.key.subarray(0, n),
      value: this.value.subarray(0, n),
      strings: this.table.strings,
    };
  }

  private line(start: number, end: number): boolean {
    const bytes = this.bytes;
    this.at = start;
    this.skipSpace(end);
    if (this.at === end) return true; // a blank line
    if (bytes[this.at] !== 0x7b) return false;
    this.at++;
    this.kinds.fill(NONE);
    this.skipSpace(end);
    if (bytes[this.at] === 0x7d) return false; // {} has no op in it
    for (;;) {
      this.skipSpace(end);
      const field = this.fieldName(end);
      if (field < 0 || this.kinds[field] !== NONE) return false;
      this.skipSpace(end);
      if (bytes[this.at] !== 0x3a) return false;
      this.at++;
      this.skipSpace(end);
      if (!this.scalar(field, end)) return false;
      this.skipSpace(end);
      const next = bytes[this.at];
      this.at++;
      if (next === 0x2c) continue;
      if (next !== 0x7d) return false;
      this.skipSpace(end);
      return this.at === end && this.record();
    }
  }

  // Turns the scanned fields into one op, as the general reader would; false when it would refuse or doubt them.
  private record(): boolean {
    const { kinds, numbers, ids } = this;
    const position = this.count;
    const index = kinds[INDEX] === NONE ? position : kinds[INDEX] === INTEGER && numbers[INDEX]! >= 0 ? numbers[INDEX]! : -1;
    if (index <= this.lastIndex) return false;
    if (kinds[TIME] !== NONE && kinds[TIME] !== INTEGER && kinds[TIME] !== OTHER_NUMBER) return false;
    let process: number;
    if (kinds[PROCESS] === INTEGER && numbers[PROCESS]! >= 0 && numbers[PROCESS]! <= 0x7fffffff) process = numbers[PROCESS]!;
    else if (kinds[PROCESS] === STRING && ids[PROCESS] === this.nemesisId) process = -1;
    else return false;
    if (kinds[TYPE] !== STRING) return false;
    const type = ids[TYPE]!;
    if (type >= TYPE_NAMES.length) return false;
    if (kinds[F] !== STRING || this.table.strings[ids[F]!]!.length === 0) return false;
    const key = this.valueKey(KEY);
    const value = this.valueKey(VALUE);
    if (key === undefined || value === undefined) return false;
    // node must be a string when present (error may be any scalar: it is kept as text).
    if (kinds[7] !== NONE && kinds[7] !== STRING && kinds[7] !== NULL) return false;
    if (position === this.capacity) this.grow();
    if (index !== position && this.index === undefined) this.index = positions(this.capacity, position);
    if (this.index !== undefined) this.index[position] = index;
    this.process[position] = process;
    this.type[position] = type;
    this.f[position] = ids[F]!;
    this.key[position] = key;
    this.value[position] = value;
    this.count++;
    this.lastIndex = index;
    return true;
  }

  private valueKey(field: number): number | undefined {
    switch (this.kinds[field]) {
      case NONE:
      case NULL:
        return NULL_VALUE;
      case INTEGER:
        return this.numbers[field]!;
      case STRING:
        return this.ids[field]! + 0.5;
      default:
        return undefined;
    }
  }

  private grow(): void {
    const size = this.capacity * 2;
    this.capacity = size;
    const grown = <T extends Float64Array | Int32Array | Uint8Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    if (this.index !== undefined) this.index = grown(this.index, new Float64Array(size));
    this.process = grown(this.process, new Int32Array(size));
    this.type = grown(this.type, new Uint8Array(size));
    this.f = grown(this.f, new Int32Array(size));
    this.key = grown(this.key, new Float64Array(size));
    this.value = grown(this.value, new Float64Array(size));
  }

  private skipSpace(end: number): void {
    const bytes = this.bytes;
    while (this.at < end && (bytes[this.at] === 0x20 || bytes[this.at] === 0x09)) this.at++;
  }

  // The field whose quoted name starts at `at`, or -1.
  private fieldName(end: number): number {
    const bytes = this.bytes;
    if (bytes[this.at] !== 0x22) return -1;
    const start = this.at + 1;
    let i = start;
    while (i < end && bytes[i] !== 0x22) i++;
    if (i === end) return -1;
    this.at = i + 1;
    const length = i - start;
    for (let field = 0; field < FIELD_NAMES.length; field++) {
      const name = FIELD_NAMES[field]!;
      if (name.length !== length) continue;
      let same = true;
      for (let k = 0; k < length && same; k++) same = name.charCodeAt(k) === bytes[start + k];
      if (same) return field;
    }
    return -1;
  }

  // Scans the value at `at` into the field's slot; false when it is not a plain scalar.
  private scalar(field: number, end: number): boolean {
    const bytes = this.bytes;
    const first = bytes[this.at]!;
    if (first === 0x22) {
      const start = this.at + 1;
      let i = start;
      for (; i < end; i++) {
        const byte = bytes[i]!;
        if (byte === 0x22) break;
        if (byte === 0x5c || byte < 0x20 || byte >= 0x80) return false;
      }
      if (i === end) return false;
      this.kinds[field] = STRING;
      this.ids[field] = this.table.idOfBytes(bytes, start, i);
      this.at = i + 1;
      return true;
    }
    if (first === 0x6e) {
      if (this.at + 4 > end || bytes[this.at + 1] !== 0x75 || bytes[this.at + 2] !== 0x6c || bytes[this.at + 3] !== 0x6c) return false;
      this.kinds[field] = NULL;
      this.at += 4;
      return true;
    }
    return this.number(field, end);
  }

  private number(field: number, end: number): boolean {
    const bytes = this.bytes;
    const start = this.at;
    let i = start;
    const negative = bytes[i] === 0x2d;
    if (negative) i++;
    const digitsStart = i;
    let value = 0;
    while (i < end && bytes[i]! >= 0x30 && bytes[i]! <= 0x39) value = value * 10 + (bytes[i++]! - 0x30);
    const digits = i - digitsStart;
    if (digits === 0 || (digits > 1 && bytes[digitsStart] === 0x30)) return false;
    const next = i < end ? bytes[i]! : 0;
    const more = next === 0x2e || next === 0x65 || next === 0x45;
    if (!more && digits <= 15 && !(negative && value === 0)) {
      this.kinds[field] = INTEGER;
      this.numbers[field] = negative ? -value : value;
      this.at = i;
      return true;
    }
    // A fraction, an exponent or a long integer: only a time may be one (it orders ops, it
    // is not compared), and JSON's own grammar decides whether it is a number at all.
    if (field !== TIME) return false;
    while (i < end && isNumberByte(bytes[i]!)) i++;
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes.toString('latin1', start, i));
    } catch {
      return false;
    }
    if (typeof parsed !== 'number' || !Number.isFinite(parsed)) return false;
    this.kinds[field] = OTHER_NUMBER;
    this.at = i;
    return true;
  }
}

/** A column of `capacity` indices whose first `count` are their positions. */
function positions(capacity: number, count: number): Float64Array {
  const index = new Float64Array(capacity);
  for (let i = 0; i < count; i++) index[i] = i;
  return index;
}

function isNumberByte(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || byte === 0x2e || byte === 0x65 || byte === 0x45 || byte === 0x2b || byte === 0x2d;
}
