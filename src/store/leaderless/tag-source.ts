/**
 * Where a coordinator's new tags come from.
 *
 * LWW: the coordinator's own clock, as it reads (skew and all) — that is the
 * point of LWW and of its failure under skew. Kept strictly increasing per
 * coordinator so two writes it makes in the same millisecond still differ.
 *
 * ABD: a logical counter one above the highest tag a quorum reported, and above
 * every tag this coordinator issued for the key, so concurrent writes it
 * coordinates get distinct tags.
 *
 * @example
 * const tags = new TagSource('n1', () => ctx.now());
 * tags.clockTag();                      // { c: <n1's clock>, node: 'n1' }
 * tags.logicalTag('x', { c: 4, node: 'n3' }); // { c: 5, node: 'n1' }
 */
import type { Tag } from './key-state.js';

/** The smallest step that keeps clock tags strictly increasing without visibly moving the clock. */
const CLOCK_TAG_STEP_MS = 0.001;

/**
 * A coordinator's source of new tags (see the file's description).
 *
 * @example
 * const tags = new TagSource('n1', () => ctx.now());
 */
export class TagSource {
  private lastClockTag = Number.NEGATIVE_INFINITY;
  private readonly lastCounterByKey = new Map<string, number>();

  constructor(
    private readonly nodeId: string,
    private readonly clock: () => number,
  ) {}

  /** A tag from this node's clock. */
  clockTag(): Tag {
    const c = Math.max(this.clock(), this.lastClockTag + CLOCK_TAG_STEP_MS);
    this.lastClockTag = c;
    return { c, node: this.nodeId };
  }

  /** A logical tag above `highestSeen` (the highest a quorum reported; undefined when none). */
  logicalTag(key: string, highestSeen: Tag | undefined): Tag {
    const c = Math.max(highestSeen?.c ?? 0, this.lastCounterByKey.get(key) ?? 0) + 1;
    this.lastCounterByKey.set(key, c);
    return { c, node: this.nodeId };
  }
}
