/**
 * The replica side of the protocol: answering reads, storing writes (or hints
 * for absent owners), applying read repairs and delivered hints. Every state
 * change is synced to disk before the acknowledgement leaves.
 *
 * @example
 * const replica = new ReplicaHandler(env);
 * replica.onWrite('n2', { kind: 'replica-write', opId, key: 'x', state });
 */
import { DiskFullError } from '../../sim/node.js';
import type { HintDelivery, Repair, ReplicaRead, ReplicaReadReply, ReplicaWrite, ReplicaWriteReply } from './messages.js';
import type { NodeEnv } from './node-env.js';

/**
 * The replica side of one node (see the file's description).
 *
 * @example
 * ctx.send(from, replica.read(msg));
 */
export class ReplicaHandler {
  constructor(private readonly env: NodeEnv) {}

  /**
   * The answer to a replica read: the local state and whether the idempotency
   * key was applied here. None for a key whose rotten record is not yet
   * re-fetched: its state may lack a write this node acknowledged, so the
   * coordinator must count on other replicas.
   */
  read(msg: ReplicaRead): ReplicaReadReply | undefined {
    if (this.env.store.isDamaged(msg.key)) return undefined;
    // A spare still receiving the ranges it took over may lack acknowledged writes.
    if (!this.env.serving) return undefined;
    const reply: ReplicaReadReply = { kind: 'replica-read-reply', opId: msg.opId, state: this.env.store.get(msg.key) ?? null };
    if (msg.idempotencyKey !== undefined) {
      const applied = this.env.store.applied(msg.idempotencyKey);
      if (applied) reply.applied = { result: applied.result };
    }
    return reply;
  }

  /**
   * Stores a write, or a hint when the write is meant for another owner. A write
   * whose idempotency key was already applied here is acknowledged without
   * applying it again. A full disk gives a negative acknowledgement.
   */
  write(msg: ReplicaWrite): ReplicaWriteReply {
    const reply: ReplicaWriteReply = { kind: 'replica-write-reply', opId: msg.opId, ok: true };
    if (msg.hintFor !== undefined) reply.hintFor = msg.hintFor;
    try {
      if (msg.hintFor !== undefined) this.storeHint(msg, msg.hintFor);
      else this.env.store.mergeUnlessApplied(msg.key, msg.state, msg.applied);
    } catch (error) {
      if (!(error instanceof DiskFullError)) throw error;
      reply.ok = false;
      reply.error = 'disk-full';
    }
    return reply;
  }

  /** Applies a read repair; a full disk just leaves this replica stale. */
  repair(msg: Repair): void {
    try {
      this.env.store.merge(msg.key, msg.state);
    } catch (error) {
      if (!(error instanceof DiskFullError)) throw error;
    }
  }

  /** Applies delivered hints; returns the ids now durable here (all of them unless the disk filled up). */
  acceptHints(msg: HintDelivery): string[] {
    const fresh = msg.hints.filter((hint) => !(hint.applied && this.env.store.applied(hint.applied.key)));
    const { applied } = this.env.store.mergeBatch(fresh);
    const stored = new Set(fresh.slice(0, applied).map((hint) => hint.id));
    // Hints skipped as already applied count as delivered too: their effect is here.
    return msg.hints.filter((hint) => stored.has(hint.id) || !fresh.includes(hint)).map((hint) => hint.id);
  }

  private storeHint(msg: ReplicaWrite, owner: string): void {
    const hint = { id: this.env.newId(), owner, key: msg.key, state: msg.state, ...(msg.applied ? { applied: msg.applied } : {}) };
    this.env.store.addHint(hint);
    this.env.ctx.trace('hint-stored', { owner, key: msg.key, hint: hint.id });
  }
}
