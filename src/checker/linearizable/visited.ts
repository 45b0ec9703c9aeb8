/**
 * Memo of search configurations already explored: (set of linearized operations,
 * model state). Reaching a configuration twice cannot lead anywhere new, so the
 * second visit is pruned (Lowe's improvement to Wing & Gong).
 *
 * The set is a bitset with an incrementally maintained Zobrist hash; the state is
 * keyed by itself when it is a primitive (a string or number: Map hashing is native
 * and cached per string) and by the model's hash when it is a structure. A Zobrist
 * slot holds one entry index while all its entries share one state (the common case,
 * no allocation), and upgrades to a Map by state when a second state appears. Entries'
 * bitsets live back to back in one growing arena, chained per (hash, state): the
 * search records hundreds of thousands of them and per-entry objects made the garbage
 * collector the largest cost.
 */
export class VisitedSet {
  readonly bits: Uint32Array;
  private readonly words: number;
  private readonly zobrist: Int32Array;
  private hash = 0;
  private readonly slots = new Map<number, number | Map<unknown, number>>();
  private arena: Uint32Array;
  private chain: Int32Array;
  private readonly keys: unknown[] = [];
  size = 0;

  constructor(
    opCount: number,
    private readonly hashState: (state: any) => string | number,
  ) {
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
    this.arena = new Uint32Array(this.words * 64);
    this.chain = new Int32Array(64);
  }

  toggle(op: number): void {
    this.bits[op >>> 5]! ^= 1 << (op & 31);
    this.hash ^= this.zobrist[op]!;
  }

  /**
   * Records the configuration "current bits with `op` added, in `state`".
   * Returns false when it was already recorded.
   */
  addWith(op: number, state: unknown): boolean {
    this.toggle(op);
    const added = this.add(this.stateKey(state));
    this.toggle(op);
    return added;
  }

  private add(key: unknown): boolean {
    const slot = this.slots.get(this.hash);
    if (slot === undefined) {
      this.slots.set(this.hash, this.record(key, -1));
      return true;
    }
    if (typeof slot === 'number') {
      if (this.keys[slot] === key) {
        if (this.findBits(slot)) return false;
        this.slots.set(this.hash, this.record(key, slot));
        return true;
      }
      const byState = new Map<unknown, number>([[this.keys[slot], slot]]);
      byState.set(key, this.record(key, -1));
      this.slots.set(this.hash, byState);
      return true;
    }
    const head = slot.get(key);
    if (head !== undefined && this.findBits(head)) return false;
    slot.set(key, this.record(key, head ?? -1));
    return true;
  }

  // Primitives key themselves; structures key by the model's hash, tagged so that the
  // two kinds can never collide (a string starting with NUL is tagged too).
  private stateKey(state: unknown): unknown {
    if (typeof state === 'string') return state.charCodeAt(0) === 0 ? `\u0000s${state}` : state;
    if (typeof state !== 'object' || state === null) return state;
    return `\u0000o${this.hashState(state)}`;
  }

  private record(key: unknown, next: number): number {
    const e = this.size++;
    if (e >= this.chain.length) this.grow();
    this.arena.set(this.bits, e * this.words);
    this.chain[e] = next;
    this.keys.push(key);
    return e;
  }

  // True when an entry in the chain from `head` has exactly the current bitset.
  private findBits(head: number): boolean {
    for (let e = head; e >= 0; e = this.chain[e]!) {
      const offset = e * this.words;
      let i = 0;
      while (i < this.words && this.arena[offset + i] === this.bits[i]) i++;
      if (i === this.words) return true;
    }
    return false;
  }

  private grow(): void {
    const arena = new Uint32Array(this.arena.length * 2);
    arena.set(this.arena);
    this.arena = arena;
    const chain = new Int32Array(this.chain.length * 2);
    chain.set(this.chain);
    this.chain = chain;
  }
}
