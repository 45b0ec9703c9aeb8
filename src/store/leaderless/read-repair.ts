/**
 * Read repair: after a read, the owners that answered with an older state get
 * the newest one. Owners answering after the client was answered are compared
 * (and repaired) as their answers arrive.
 *
 * @example
 * repairs.repairAnswered(op); // after replying to the client
 */
import type { CoordinatedOp } from './coordinated-op.js';
import { isBehind, type KeyState } from './key-state.js';
import type { Repair } from './messages.js';
import type { NodeEnv } from './node-env.js';
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
    if (!this.env.config.readRepair || !op.newest) return;
    const stale = [...op.answers].filter(([, state]) => isBehind(state ?? undefined, op.newest!)).map(([owner]) => owner);
    this.send(op.key, op.newest, stale);
  }

  /** Repairs one owner whose answer arrived after the read was answered. */
  repairLate(op: CoordinatedOp, owner: string, state: KeyState | null): void {
    if (!this.env.config.readRepair || !op.newest || !isBehind(state ?? undefined, op.newest)) return;
    this.send(op.key, op.newest, [owner]);
  }

  private send(key: string, newest: KeyState, owners: readonly string[]): void {
    if (owners.length === 0) return;
    this.env.ctx.trace('read-repair', { key, replicas: owners });
    const message: Repair = { kind: 'repair', key, state: newest };
    for (const owner of owners) {
      if (owner === this.env.id) this.replica.repair(message);
      else this.env.ctx.send(owner, message);
    }
  }
}
