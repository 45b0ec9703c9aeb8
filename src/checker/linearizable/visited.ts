/**
 * Memo of search configurations already explored: (set of linearized operations,
 * model state). Reaching a configuration twice cannot lead anywhere new, so the
 * second visit is pruned (Lowe's improvement to Wing & Gong).
 *
 * The set is a bitset with an incrementally maintained Zobrist hash, so a lookup
 * costs one hash probe plus, on a hash match, one exact bitset comparison.
 */
export class VisitedSet {
  private readonly buckets = new Map<string | number, Map<number, Uint32Array[]>>();
  readonly bits: Uint32Array;
  private readonly zobrist: Int32Array;
  private hash = 0;
  size = 0;

  constructor(opCount: number) {
    this.bits = new Uint32Array(Math.max(1, Math.ceil(opCount / 32)));
    this.zobrist = new Int32Array(opCount);
    // A fixed xorshift sequence: the memo's hashing must not depend on anything random.
    let x = 0x9e3779b9 | 0;
    for (let i = 0; i < opCount; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      this.zobrist[i] = x;
    }
  }

  toggle(op: number): void {
    this.bits[op >>> 5]! ^= 1 << (op & 31);
    this.hash ^= this.zobrist[op]!;
  }

  /**
   * Records the configuration "current bits with `op` added, in `stateHash`".
   * Returns false when it was already recorded.
   */
  addWith(op: number, stateHash: string | number): boolean {
    this.toggle(op);
    let byHash = this.buckets.get(stateHash);
    if (byHash === undefined) {
      byHash = new Map();
      this.buckets.set(stateHash, byHash);
    }
    const candidates = byHash.get(this.hash);
    if (candidates === undefined) {
      byHash.set(this.hash, [this.bits.slice()]);
    } else if (candidates.some((bits) => sameBits(bits, this.bits))) {
      this.toggle(op);
      return false;
    } else {
      candidates.push(this.bits.slice());
    }
    this.toggle(op);
    this.size++;
    return true;
  }
}

function sameBits(a: Uint32Array, b: Uint32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
