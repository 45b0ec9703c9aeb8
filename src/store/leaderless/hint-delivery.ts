/**
 * The hint holder's side of hinted handoff: while hints are waiting, a timer
 * (every hintRetryMs) sends each owner its hints; the owner stores them durably
 * and acknowledges, and only then are they deleted here (durably too). An owner
 * that is still unreachable simply does not answer, and the next tick retries.
 *
 * Traced for checkers: 'hint-delivered' {owner, keys, count, hints} names the
 * hints let go, and 'hints-held' {hints} lists, when the node starts again,
 * the hints it still holds — a hint neither delivered nor held was dropped.
 *
 * @example
 * hints.ensureScheduled(); // after storing a hint
 */
import { DiskFullError } from '../../sim/node.js';
import type { HintAck, HintDelivery } from './messages.js';
import type { NodeEnv } from './node-env.js';

/** Hints sent per owner per tick, so one long outage does not make one huge message. */
const HINTS_PER_MESSAGE = 64;
/**
 * The name of the hint delivery timer.
 *
 * @example
 * if (name === HINT_TIMER) hints.onTimer();
 */
export const HINT_TIMER = 'hint-delivery';

/**
 * Delivers the hints this node holds to their owners.
 *
 * @example
 * const hints = new HintDeliverer(env);
 * hints.ensureScheduled();
 */
export class HintDeliverer {
  private scheduled = false;

  constructor(private readonly env: NodeEnv) {}

  /** At (re)start: says which hints survived on disk, and resumes delivering them. */
  start(): void {
    const held = this.env.store.hintOwners().flatMap((owner) => this.env.store.hintsFor(owner).map((hint) => hint.id));
    if (held.length > 0) this.env.ctx.trace('hints-held', { hints: held });
    this.ensureScheduled();
  }

  /** Arms the delivery timer if hints are waiting and it is not armed yet. */
  ensureScheduled(): void {
    if (this.scheduled || this.env.store.hintOwners().length === 0) return;
    this.scheduled = true;
    this.env.ctx.setTimer(this.env.config.hintRetryMs, HINT_TIMER);
  }

  /** One delivery round: every owner with waiting hints gets (some of) them. */
  onTimer(): void {
    this.scheduled = false;
    for (const owner of this.env.store.hintOwners()) {
      const hints = this.env.store.hintsFor(owner).slice(0, HINTS_PER_MESSAGE);
      const message: HintDelivery = {
        kind: 'hint-delivery',
        hints: hints.map((h) => ({ id: h.id, key: h.key, state: h.state, ...(h.applied ? { applied: h.applied } : {}) })),
      };
      // A spare that took the owner's tokens over holds its ranges now: the hints are its.
      this.env.ctx.send(this.env.members.resolve(owner), message);
    }
    this.ensureScheduled();
  }

  /** The owner (or the spare that took its tokens over) has them: forget them. */
  onAck(from: string, ack: HintAck): void {
    for (const owner of this.env.store.hintOwners()) if (this.env.members.resolve(owner) === from) this.forget(owner, ack);
  }

  private forget(owner: string, ack: HintAck): void {
    const keysById = new Map(this.env.store.hintsFor(owner).map((h) => [h.id, h.key]));
    let removed: string[];
    try {
      removed = this.env.store.removeHints(ack.ids.filter((id) => keysById.has(id)));
    } catch (error) {
      if (!(error instanceof DiskFullError)) throw error;
      return; // kept, and delivered again: the owner's merge is idempotent
    }
    if (removed.length > 0) {
      this.env.ctx.trace('hint-delivered', { owner, keys: removed.map((id) => keysById.get(id)!), count: removed.length, hints: removed });
    }
  }
}
