/**
 * The write phase of a coordinated request: store the new state on the key's
 * owners (the coordinator's own replica first, synced), count acknowledgements
 * toward W, and hand writes for unavailable owners to fallback nodes as hints.
 *
 * With a sloppy quorum a hint holder's acknowledgement counts toward W; without
 * one it does not, and the hint only makes sure the owner catches up later.
 *
 * @example
 * writes.start(op, newState, applied, { outcome: 'ok' });
 */
import { DiskFullError } from '../../sim/node.js';
import { writeAcks, type Answer, type CoordinatedOp } from './coordinated-op.js';
import type { KeyState } from './key-state.js';
import type { ReplicaWrite, ReplicaWriteReply } from './messages.js';
import type { NodeEnv } from './node-env.js';
import type { ReplicaHandler } from './replica-handler.js';
import type { AppliedKey } from './replica-store.js';

/**
 * The write phase of this node's coordinated requests (see the file's description).
 *
 * @example
 * const writes = new WritePhase(env, replica, (op) => finishIfSettled(op), () => hints.ensureScheduled());
 */
export class WritePhase {
  constructor(
    private readonly env: NodeEnv,
    private readonly replica: ReplicaHandler,
    /** Called after anything that may have completed the op. */
    private readonly progressed: (op: CoordinatedOp) => void,
    /** Called when a hint is stored on this node, so its delivery gets scheduled. */
    private readonly hintStoredHere: () => void,
  ) {}

  /**
   * Starts writing `state`. A full disk on the coordinator's own replica fails the
   * request before anything is sent, so 'fail' (certainly not applied) is true.
   */
  start(op: CoordinatedOp, state: KeyState, applied: AppliedKey | undefined, quorumAnswer: Answer): void {
    op.phase = 'write';
    op.write = applied ? { state, applied } : { state };
    op.quorumAnswer = quorumAnswer;
    const self = this.env.id;
    if (op.owners.includes(self)) {
      try {
        this.env.store.merge(op.key, state, applied);
      } catch (error) {
        if (!(error instanceof DiskFullError)) throw error;
        op.respond({ outcome: 'fail', error: 'disk-full' });
        // Nothing was sent anywhere: there is nothing left to wait for.
        for (const owner of op.owners) op.settle(owner);
        return this.progressed(op);
      }
      op.addOwnerAck(self);
      op.settle(self);
    }
    // One message serves every owner: messages are never written to once sent.
    let message: ReplicaWrite | undefined;
    for (const owner of op.owners) {
      if (owner === self) continue;
      if (this.env.config.hintedHandoff && this.env.isSuspected(owner)) this.handOff(op, owner);
      else this.env.ctx.send(owner, (message ??= this.message(op)));
    }
    this.env.ctx.setTimer(this.env.config.replicaTimeoutMs, op.armReplicaTimer());
    this.checkQuorum(op);
    this.progressed(op);
  }

  /** An owner's or a hint holder's acknowledgement (positive or not). */
  onReply(op: CoordinatedOp, from: string, reply: ReplicaWriteReply): void {
    if (op.phase !== 'write') return;
    if (reply.hintFor !== undefined) {
      if (from !== this.env.id) op.pendingFallbacks--;
      if (reply.ok) op.hintAcks++;
    } else if (op.owners.includes(from) && !op.hasOwnerAck(from)) {
      if (reply.ok) {
        op.addOwnerAck(from);
        op.settle(from);
      } else if (!op.isSettledOwner(from)) {
        this.giveUpOn(op, from);
      }
    }
    this.checkQuorum(op);
    this.progressed(op);
  }

  /** The per-replica timer: owners that have not answered are suspected and handed off. */
  onReplicaTimeout(op: CoordinatedOp): void {
    for (const owner of op.owners) {
      if (op.isSettledOwner(owner)) continue;
      this.env.suspect(owner);
      this.giveUpOn(op, owner);
    }
    this.progressed(op);
  }

  private giveUpOn(op: CoordinatedOp, owner: string): void {
    if (this.env.config.hintedHandoff) this.handOff(op, owner);
    else op.settle(owner);
  }

  /** Sends the write to the next unused, unsuspected node beyond the preference list, as a hint for `owner`. */
  private handOff(op: CoordinatedOp, owner: string): void {
    op.settle(owner);
    const fallback = this.env.fallbacks(op.key).find((node) => !op.hasUsedFallback(node) && !this.env.isSuspected(node));
    if (fallback === undefined) {
      this.env.ctx.trace('handoff-impossible', { key: op.key, owner });
      return;
    }
    op.useFallback(fallback);
    this.env.ctx.trace('handoff', { key: op.key, owner, fallback });
    const message: ReplicaWrite = { ...this.message(op), hintFor: owner };
    if (fallback === this.env.id) {
      const reply = this.replica.write(message);
      if (reply.ok) this.hintStoredHere();
      this.onReply(op, fallback, reply);
    } else {
      op.pendingFallbacks++;
      this.env.ctx.send(fallback, message);
    }
  }

  private checkQuorum(op: CoordinatedOp): void {
    if (!op.responded && writeAcks(op, this.env.config.sloppyQuorum) >= this.env.config.w) op.respond(op.quorumAnswer!);
  }

  private message(op: CoordinatedOp): ReplicaWrite {
    const message: ReplicaWrite = { kind: 'replica-write', opId: op.id, key: op.key, state: op.write!.state };
    if (op.write!.applied) message.applied = op.write!.applied;
    return message;
  }
}
