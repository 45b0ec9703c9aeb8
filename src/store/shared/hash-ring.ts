/**
 * A consistent-hash ring: every node owns `vnodes` tokens on a 32-bit circle, and
 * a key belongs to the nodes whose tokens follow the key's position clockwise.
 * Virtual nodes spread each node over many small arcs, so keys (and the load of
 * a failed node) spread evenly over the others.
 *
 * Everything here is a pure function of the node ids and the vnode count, so every
 * node computes the same ring without talking to the others.
 *
 * @example
 * const ring = new HashRing(['n1', 'n2', 'n3', 'n4'], 8);
 * ring.preferenceList('user:7', 3); // e.g. ['n3', 'n1', 'n4']
 */

/**
 * FNV-1a over the UTF-16 code units of `text`, followed by the MurmurHash3
 * finaliser. FNV alone clusters short, similar strings ("n1#0", "n1#1"); the
 * finaliser spreads them over the whole circle.
 *
 * @example
 * hash32('n1#0') === hash32('n1#0'); // true: deterministic, unsigned 32-bit
 */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * One point on the ring owned by a node.
 *
 * @example
 * ring.tokens[0]; // { position: 18432771, node: 'n2' }
 */
export interface RingToken {
  position: number;
  node: string;
}

/**
 * The ring itself. Immutable once built.
 *
 * @example
 * const ring = new HashRing(['a', 'b', 'c'], 4);
 * ring.walk('k');                 // all three nodes, in clockwise order from 'k'
 * ring.preferenceList('k', 2);    // the first two of them
 */
export class HashRing {
  /** Tokens sorted by position (ties broken by node id, so the order is total). */
  readonly tokens: readonly RingToken[];
  readonly nodeIds: readonly string[];

  constructor(nodeIds: readonly string[], vnodes: number) {
    if (nodeIds.length === 0) throw new Error('a hash ring needs at least one node');
    if (!Number.isInteger(vnodes) || vnodes < 1) throw new Error(`vnodes must be a positive integer, got ${vnodes}`);
    const tokens: RingToken[] = [];
    for (const node of nodeIds) {
      for (let v = 0; v < vnodes; v++) tokens.push({ position: hash32(`${node}#${v}`), node });
    }
    tokens.sort((a, b) => a.position - b.position || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
    this.tokens = tokens;
    this.nodeIds = [...nodeIds];
  }

  /** The key's position on the circle. */
  positionOf(key: string): number {
    return hash32(key);
  }

  /**
   * Every distinct node, in the order met walking clockwise from the key's
   * position: the preference list first, then the fallbacks a sloppy quorum uses.
   */
  walk(key: string): string[] {
    return this.distinctFrom(this.positionOf(key), this.nodeIds.length);
  }

  /** The first `n` distinct nodes clockwise from the key: the replicas that own it. */
  preferenceList(key: string, n: number): string[] {
    return this.distinctFrom(this.positionOf(key), n);
  }

  /** Up to `count` distinct nodes, walking clockwise from `position`. */
  private distinctFrom(position: number, count: number): string[] {
    const start = this.firstTokenAtOrAfter(position);
    const order: string[] = [];
    for (let i = 0; i < this.tokens.length && order.length < count; i++) {
      const node = this.tokens[(start + i) % this.tokens.length]!.node;
      if (!order.includes(node)) order.push(node);
    }
    return order;
  }

  /** Index of the first token whose position is >= `position`, wrapping to 0. */
  private firstTokenAtOrAfter(position: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.tokens[mid]!.position < position) lo = mid + 1;
      else hi = mid;
    }
    return lo === this.tokens.length ? 0 : lo;
  }
}
