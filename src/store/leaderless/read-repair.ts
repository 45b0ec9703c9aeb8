/**
 * Read repair: after a read, the owners that answered with an older state get
 * the newest one. Owners answering after the client was answered are compared
 * (and repaired) as their answers arrive.
 *
 * Traced as 'read-repair' {key, replicas, sent, observed}: the owners repaired,
 * the version sent to them, and the version each answering owner had (null: it
 * had none), so a checker can verify that every stale answer was repaired with
 * the newest version seen.
 *
 * @example
 * repairs.repairAnswered(op); // after replying to the client
 */
import type { CoordinatedOp } from './coordinated-op.js';
import { isBehind, type KeyState } from './key-state.js';
import { replicaValue } from './key-view.js';
import type { Repair } from './messages.js';
import type { NodeEnv } from './node-env.js';
import { olderRepairState } from './older-repair.js';
import type { ReplicaHandler } from './replica-handler.js';

/**
 * Sends the newest state to owners that answered a read with an older one.
 *
 * @example
 * const repairs = new ReadRepair(env, replica);
 * repairs.repairAnswered(op);
 */
export class ReadRepair {
  constructor(
    private readonly env: NodeEnv,
    private readonly replica: ReplicaHandler,
  ) {}

  /** Repairs every owner that has answered so far with an older state. */
  repairAnswered(op: CoordinatedOp): void {
    const newest = op.newest;
    if (!this.env.config.readRepair || !newest) return;
    if (this.env.mutations.on('read-repair-writes-older')) return this.repairWithOlder(op, newest);
    const stale: string[] = [];
    for (let i = 0; i < op.answerCount; i++) if (isBehind(op.answerAt(i) ?? undefined, newest)) stale.push(op.answerFrom(i));
    if (stale.length === 0) return;
    const answers: Array<readonly [string, KeyState | null]> = [];
    for (let i = 0; i < op.answerCount; i++) answers.push([op.answerFrom(i), op.answerAt(i)]);
    this.send(op.key, newest, stale, answers);
  }

  /** Repairs one owner whose answer arrived after the read was answered. */
  repairLate(op: CoordinatedOp, owner: string, state: KeyState | null): void {
    if (!this.env.config.readRepair || !op.newest || !isBehind(state ?? undefined, op.newest)) return;
    this.send(op.key, op.newest, [owner], [[owner, state]]);
  }

  /**
   * The read-repair-writes-older mutation: an older answer, re-stamped as the
   * newest version (see older-repair.ts), goes to every owner that answered.
   */
  private repairWithOlder(op: CoordinatedOp, newest: KeyState): void {
    const answers: Array<readonly [string, KeyState | null]> = [];
    for (let i = 0; i < op.answerCount; i++) answers.push([op.answerFrom(i), op.answerAt(i)]);
    const older = olderRepairState(answers.map(([, state]) => state), newest, this.env.id);
    if (older !== undefined) this.send(op.key, older, answers.map(([owner]) => owner), answers);
  }

  private send(key: string, newest: KeyState, owners: readonly string[], answers: ReadonlyArray<readonly [string, KeyState | null | undefined]>): void {
    if (owners.length === 0) return;
    const observed = Object.fromEntries(answers.map(([owner, state]) => [owner, state ? replicaValue(state).version : null]));
    this.env.ctx.trace('read-repair', { key, replicas: owners, sent: replicaValue(newest).version, observed });
    const message: Repair = { kind: 'repair', key, state: newest };
    for (const owner of owners) {
      if (owner === this.env.id) this.replica.repair(message);
      else this.env.ctx.send(owner, message);
    }
  }
}
