import { pairHash } from './state-table.js';

/** The bitset words a new set makes room for (4 MB); beyond them it grows by doubling. */
const INITIAL_ARENA_WORDS = 1 << 20;

/**
 * Memo of search configurations already explored: (set of linearized operations,
 * model state). Reaching a configuration twice cannot lead anywhere new, so the
 * second visit is pruned (Lowe's improvement to Wing & Gong).
 *
 * The set is a bitset with an incrementally maintained Zobrist hash and the state is
 * an interned id (see StateTable), so a configuration is a few integers. Entries live in
 * typed arrays (their bitsets back to back in one growing arena) under an open-addressing
 * table: the search records hundreds of thousands of them, and per-entry objects or Map
 * entries made hashing and the garbage collector the largest costs.
 */
export class VisitedSet {
  readonly bits: Uint32Array;
  private readonly words: number;
  private readonly zobrist: Int32Array;
  private hash = 0;
  /** Entry index + 1 per slot; 0 is empty. */
  private table: Int32Array;
  private mask: number;
  private entryHash: Int32Array;
  private entryState: Int32Array;
  private arena: Uint32Array;
  size = 0;

  constructor(opCount: number) {
    this.words = Math.max(1, Math.ceil(opCount / 32));
    this.bits = new Uint32Array(this.words);
    this.zobrist = new Int32Array(opCount);
    // A fixed xorshift sequence: the memo's hashing must not depend on anything random.
    let x = 0x9e3779b9 | 0;
    for (let i = 0; i < opCount; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      this.zobrist[i] = x;
    }
    // Room from the start for about two configurations per op (what a search of a valid
    // history typically visits), within 4 MB of bitsets: growing by doubling from a few
    // entries rehashes and copies the set a dozen times, much of a short search's time.
    const entries = Math.max(128, Math.min(2 * opCount, Math.floor(INITIAL_ARENA_WORDS / this.words)));
    const slots = 2 ** Math.ceil(Math.log2(2 * entries));
    this.table = new Int32Array(slots);
    this.mask = slots - 1;
    this.entryHash = new Int32Array(entries);
    this.entryState = new Int32Array(entries);
    this.arena = new Uint32Array(this.words * entries);
  }

  toggle(op: number): void {
    this.bits[op >>> 5]! ^= 1 << (op & 31);
    this.hash ^= this.zobrist[op]!;
  }

  /**
   * Records the configuration "current bits with `op` added, in state `state`".
   * Returns false when it was already recorded.
   */
  addWith(op: number, state: number): boolean {
    this.toggle(op);
    const added = this.add(state);
    this.toggle(op);
    return added;
  }

  private add(state: number): boolean {
    const key = pairHash(this.hash, state);
    const { table, mask, entryHash, entryState } = this;
    let slot = key & mask;
    for (let stored = table[slot]!; stored !== 0; stored = table[slot]!) {
      const e = stored - 1;
      if (entryHash[e] === key && entryState[e] === state && this.sameBits(e)) return false;
      slot = (slot + 1) & mask;
    }
    const e = this.size++;
    if (e >= this.entryHash.length) this.growEntries();
    this.entryHash[e] = key;
    this.entryState[e] = state;
    this.arena.set(this.bits, e * this.words);
    table[slot] = e + 1;
    if (this.size * 2 > table.length) this.growTable();
    return true;
  }

  // True when entry `e` has exactly the current bitset.
  private sameBits(e: number): boolean {
    const { arena, bits, words } = this;
    const offset = e * words;
    for (let i = 0; i < words; i++) if (arena[offset + i] !== bits[i]) return false;
    return true;
  }

  private growEntries(): void {
    const capacity = this.entryHash.length * 2;
    const entryHash = new Int32Array(capacity);
    entryHash.set(this.entryHash);
    this.entryHash = entryHash;
    const entryState = new Int32Array(capacity);
    entryState.set(this.entryState);
    this.entryState = entryState;
    const arena = new Uint32Array(capacity * this.words);
    arena.set(this.arena);
    this.arena = arena;
  }

  private growTable(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let e = 0; e < this.size; e++) {
      let slot = this.entryHash[e]! & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = e + 1;
    }
    this.table = table;
    this.mask = mask;
  }
}
