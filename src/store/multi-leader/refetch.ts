/**
 * Taking again, from a node of the group, the log entries a restarted node
 * found rotten (with checksums). Group logs share offsets, so the entry at an
 * offset is the same on the leader and its followers: a follower asks its
 * leader, a leader its followers. Until every rotten entry is back, the node
 * serves nothing and ships nothing (see Replica.recovering).
 *
 * @example
 * const refetch = new EntryRefetch(ctx, replica, ['dc1-n2'], 100);
 * refetch.start();
 */
import type { StoreNodeContext } from '../trace-events.js';
import type { FetchedEntry, FetchEntry, MultiLeaderMessage } from './messages.js';
import type { Replica } from './replica.js';

/** The timer that asks again while an entry is still missing. */
export const REFETCH_TIMER = 'refetch';

/**
 * One node's part in taking rotten entries again, both as the one asking and
 * as a source for the others.
 *
 * @example
 * if (msg.kind === 'ml-fetch') refetch.onFetch(from, msg);
 */
export class EntryRefetch {
  constructor(
    private readonly ctx: StoreNodeContext<MultiLeaderMessage>,
    private readonly replica: Replica,
    /** The nodes of the group to ask (its leader, or its followers). */
    private readonly sources: readonly string[],
    private readonly retryMs: number,
  ) {}

  /** Reports what was found rotten and asks for the first missing entry. */
  start(): void {
    for (const offset of this.replica.rottenAtStart) this.ctx.trace('corrupt-dropped', { where: 'disk', kind: 'entry', key: String(offset) });
    if (this.replica.recovering) this.ask();
  }

  onTimer(name: string): boolean {
    if (name !== REFETCH_TIMER) return false;
    if (this.replica.recovering) this.ask();
    return true;
  }

  /** Answers a node of the group with the entry it asks for, as this node holds it. */
  onFetch(from: string, msg: FetchEntry): void {
    const entry = msg.offset <= this.replica.log.length ? this.replica.log[msg.offset - 1]! : null;
    this.ctx.send(from, { kind: 'ml-fetched', offset: msg.offset, entry });
  }

  /** Takes an answer; asks for the next missing entry at once when this one filled a gap. */
  onFetched(from: string, msg: FetchedEntry): void {
    if (msg.entry === null || !this.replica.fill(msg.entry, this.ctx.disk)) return;
    this.ctx.trace('entry-refetched', { offset: msg.offset, from });
    if (this.replica.recovering) this.ask();
  }

  private ask(): void {
    const offset = this.replica.missingOffset!;
    for (const source of this.sources) this.ctx.send(source, { kind: 'ml-fetch', offset });
    this.ctx.setTimer(this.retryMs, REFETCH_TIMER);
  }
}
