import type { Operation } from '../../history/operation.js';
import type { Model } from '../../models/model.js';

/** The successor code of a step with several successors (see StateTable.successors). */
export const MULTI = -2;

/**
 * The model's states as small integers, so that the search's memo compares integers.
 *
 * A state such as a kv value built by appends is a long string that costs its length to
 * hash and compare, and the search meets a new one at almost every step. A string made by
 * an append (the state's string plus the op's `appendMark`) gets its text hash from the
 * two it is made of, so its text is never read; texts are compared only when their
 * hashes match, which is when they are equal. A read's successor is its state and a
 * write's is the same value object each time, so neither is hashed again.
 *
 * @example
 * const table = new StateTable(ops, model, ops.map((op) => model.appendMark?.(op.input)));
 * const code = table.successors(table.initial, 0); // the state ids op 0 may lead to
 */
export class StateTable<S> {
  /** The id of the model's initial state. */
  readonly initial: number;
  private readonly values: S[] = [];
  /** Non-string states by key (themselves, or the model's hash for a structure). */
  private readonly ids = new Map<unknown, number>();
  /** The successors of the last step that had several. */
  lastList: Int32Array = new Int32Array(0);
  // Per op: the last successor that was not an append's, and its id.
  private readonly lastAfter: unknown[];
  private readonly lastId: Int32Array;
  // Strings: open addressing on their text hashes (see internString); each state's hashes by id.
  private textSlots = new Int32Array(64);
  private textMask = 63;
  private textCount = 0;
  private textHash1 = new Int32Array(64);
  private textHash2 = new Int32Array(64);
  // Per op: its append mark (model.appendMark), the mark's hashes and BASE1^length.
  private readonly marks: ReadonlyArray<string | undefined>;
  private readonly markHash1: Int32Array;
  private readonly markHash2: Int32Array;
  private readonly markPowers: Int32Array;

  constructor(
    private readonly ops: readonly Operation<unknown, unknown>[],
    private readonly model: Model<S, any, any>,
    /** Each op's `model.appendMark`, when the caller has them (else none is used). */
    marks?: ReadonlyArray<string | undefined>,
  ) {
    this.marks = marks ?? [];
    this.markHash1 = Int32Array.from(this.marks, (mark) => (mark === undefined ? 0 : textHash(mark, BASE1)));
    this.markHash2 = Int32Array.from(this.marks, (mark) => (mark === undefined ? 0 : textHash(mark, BASE2)));
    this.markPowers = Int32Array.from(this.marks, (mark) => (mark === undefined ? 1 : power(BASE1, mark.length)));
    this.lastAfter = new Array(ops.length).fill(undefined);
    this.lastId = new Int32Array(ops.length);
    this.initial = this.intern(model.init());
  }

  /** The state an id stands for. */
  value(id: number): S {
    return this.values[id]!;
  }

  /**
   * The text hashes of a string state, to compare with a prefix of another text (see
   * textHashes); undefined for a state that is not a string.
   */
  textOf(id: number): { length: number; hash1: number; hash2: number } | undefined {
    const value = this.values[id];
    return typeof value === 'string' ? { length: value.length, hash1: this.textHash1[id]!, hash2: this.textHash2[id]! } : undefined;
  }

  /** The number of distinct states met so far. */
  get size(): number {
    return this.values.length;
  }

  /**
   * The successors of `op` from state `state`, coded: `>= 0` one successor (its id),
   * `-1` none (the op does not fit), {@link MULTI} several (then `lastList` lists them).
   */
  successors(state: number, op: number): number {
    const { input, output } = this.ops[op]!;
    const next = this.model.step(this.values[state]!, input, output);
    if (next.length === 0) return -1;
    if (next.length === 1) return this.internAfter(state, op, next[0]!);
    this.lastList = Int32Array.from(next, (after) => this.internAfter(state, op, after));
    return MULTI;
  }

  // The id of `after`, a successor of `state` by `op`.
  private internAfter(state: number, op: number, after: S): number {
    const before = this.values[state];
    if (after === before) return state;
    // A write's value is the same object every time the op is stepped.
    if (after === this.lastAfter[op]) return this.lastId[op]!;
    if (typeof after !== 'string') return this.intern(after);
    const mark = this.marks[op];
    // The length test is the cheap half of "after is before + mark"; interning compares
    // texts exactly, so a wrong guess costs only a lost match, never a wrong one.
    if (mark !== undefined && typeof before === 'string' && after.length === before.length + mark.length) {
      const power = this.markPowers[op]!;
      return this.internString(
        after,
        (Math.imul(this.textHash1[state]!, power) + this.markHash1[op]!) | 0,
        (Math.imul(this.textHash2[state]!, Math.imul(power, power)) + this.markHash2[op]!) | 0,
      );
    }
    const id = this.intern(after);
    this.lastAfter[op] = after;
    this.lastId[op] = id;
    return id;
  }

  /** The id of a state, interned on first sight. */
  intern(state: S): number {
    if (typeof state === 'string') return this.internString(state, textHash(state, BASE1), textHash(state, BASE2));
    const key = typeof state !== 'object' || state === null ? state : this.model.hash(state);
    // Structures key by the model's hash, which is a string or a number: tag it, so that
    // it cannot meet a state that is itself that number.
    const tagged = typeof state === 'object' && state !== null ? `\u0000o${key as string | number}` : key;
    let id = this.ids.get(tagged);
    if (id === undefined) {
      id = this.add(state, 0, 0);
      this.ids.set(tagged, id);
    }
    return id;
  }

  // Strings are found by two polynomial hashes of their text and their length, and told
  // apart by ===: the hashes only make a match likely, never decide it.
  private internString(text: S & string, hash1: number, hash2: number): number {
    const length = text.length;
    let slot = pairHash(hash1 ^ length, hash2) & this.textMask;
    for (let stored = this.textSlots[slot]!; stored !== 0; stored = this.textSlots[slot]!) {
      const id = stored - 1;
      if (this.textHash1[id] === hash1 && this.textHash2[id] === hash2 && this.values[id] === text) return id;
      slot = (slot + 1) & this.textMask;
    }
    const id = this.add(text, hash1, hash2);
    this.textSlots[slot] = id + 1;
    if (++this.textCount * 2 > this.textSlots.length) this.growTexts();
    return id;
  }

  private add(state: S, hash1: number, hash2: number): number {
    const id = this.values.length;
    this.values.push(state);
    if (id >= this.textHash1.length) {
      this.textHash1 = doubled(this.textHash1);
      this.textHash2 = doubled(this.textHash2);
    }
    this.textHash1[id] = hash1;
    this.textHash2[id] = hash2;
    return id;
  }

  private growTexts(): void {
    const slots = new Int32Array(this.textSlots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.values.length; id++) {
      const value = this.values[id];
      if (typeof value !== 'string') continue;
      let slot = pairHash(this.textHash1[id]! ^ value.length, this.textHash2[id]!) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.textSlots = slots;
    this.textMask = mask;
  }

}

function doubled(array: Int32Array): Int32Array<ArrayBuffer> {
  const more = new Int32Array(array.length * 2);
  more.set(array);
  return more;
}

// Two odd bases; BASE2 is BASE1 squared, so that BASE2^n is (BASE1^n)^2 in the append rule.
const BASE1 = 0x01000193;
const BASE2 = Math.imul(BASE1, BASE1);

/** The polynomial hash of a text modulo 2^32: the sum of code(i) * base^(n-1-i). */
function textHash(text: string, base: number): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, base) + text.charCodeAt(i)) | 0;
  return hash;
}

/**
 * The hashes StateTable gives every prefix of a text: entry k is the hash of its first k
 * characters, so "is the string state s a prefix of this text" is one comparison.
 *
 * @example
 * const [h1] = prefixHashes('abc'); // h1[2] is the hash of 'ab'
 */
export function prefixHashes(text: string): [Int32Array, Int32Array] {
  const h1 = new Int32Array(text.length + 1);
  const h2 = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    h1[i + 1] = (Math.imul(h1[i]!, BASE1) + text.charCodeAt(i)) | 0;
    h2[i + 1] = (Math.imul(h2[i]!, BASE2) + text.charCodeAt(i)) | 0;
  }
  return [h1, h2];
}

function power(base: number, exponent: number): number {
  let result = 1;
  for (let i = 0; i < exponent; i++) result = Math.imul(result, base);
  return result;
}

/**
 * A 32-bit mix of two integers (murmur3's finaliser over their combination).
 *
 * @example
 * pairHash(1, 2) !== pairHash(2, 1); // true
 */
export function pairHash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ b;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
