/**
 * Who holds each ring member's tokens: the ring is built once over the active
 * nodes, and a takeover hands all the tokens of a failed member to a spare. The
 * takeovers are the whole membership change, so every node that knows the same
 * takeovers computes the same preference lists. Nodes learn them from the
 * spares' pings, which carry every takeover the spare knows.
 *
 * When two spares claim one failed member (they could not hear each other), the
 * lower spare id keeps it everywhere, and the other is free again.
 *
 * @example
 * const members = new Membership();
 * members.adopt([['n2', 's1']]);
 * members.resolve('n2'); // 's1'
 */
import type { Takeover } from './messages.js';

/**
 * The takeovers one node knows of (see the file's description).
 *
 * @example
 * members.holderOf('n2'); // the node serving n2's tokens now
 */
export class Membership {
  /** failed member -> spare now holding its tokens. */
  private readonly byFailed = new Map<string, string>();
  private version = 0;

  /** Bumped by every change, so views computed from it know when to recompute. */
  get generation(): number {
    return this.version;
  }

  /** The node holding `member`'s tokens now: itself, or the spare (of the spare...) that took them over. */
  resolve(member: string): string {
    let holder = member;
    // A spare that took over may fail in turn: follow the chain (bounded by the spares).
    for (let hops = 0; hops <= this.byFailed.size; hops++) {
      const next = this.byFailed.get(holder);
      if (next === undefined) return holder;
      holder = next;
    }
    return holder;
  }

  /** The failed member whose tokens `spare` holds, if it took any over. */
  replacedBy(spare: string): string | undefined {
    for (const [failed, holder] of this.byFailed) if (holder === spare) return failed;
    return undefined;
  }

  isReplaced(member: string): boolean {
    return this.byFailed.has(member);
  }

  /** Merges takeovers learned from another node; true when anything changed. */
  adopt(takeovers: readonly Takeover[]): boolean {
    let changed = false;
    for (const [failed, spare] of takeovers) {
      const known = this.byFailed.get(failed);
      if (known !== undefined && known <= spare) continue;
      // A spare holds one member's tokens at most: the claim on the lower failed id stands.
      const held = this.replacedBy(spare);
      if (held !== undefined && held < failed) continue;
      if (held !== undefined) this.byFailed.delete(held);
      this.byFailed.set(failed, spare);
      changed = true;
    }
    if (changed) this.version++;
    return changed;
  }

  /** Every takeover known, sorted by failed member (the form sent in messages). */
  list(): Takeover[] {
    return [...this.byFailed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
}
