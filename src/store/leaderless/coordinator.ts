/**
 * The coordinator of requests: a query phase (ask the key's N owners, wait for R
 * answers) where the request needs one, then a write phase (WritePhase) where it
 * changes something. Whatever is not done within requestTimeoutMs is answered
 * 'error' — an unknown outcome, since some replicas may have applied it.
 *
 * Which requests query first:
 * - reads (and, with ABD, they also write the version they picked back to W owners
 *   before answering, unless all R answers already agreed on it);
 * - read-modify-writes that need the current value (see needsReadBeforeWrite);
 * - every write under ABD (to learn the highest tag);
 * - every write carrying an idempotency key: an owner that already applied the key
 *   says so, and the coordinator answers ok without writing again.
 *
 * @example
 * coordinator.coordinate(request, (answer) => ctx.send(client, { kind: 'client-reply', requestId, ...answer }));
 */
import type { ClientRequest } from '../protocol.js';
import { DiskFullError } from '../../sim/node.js';
import { isSettled, keyOf, newCoordinatedOp, type CoordinatedOp, type Respond } from './coordinated-op.js';
import { isBehind, mergeStates, type KeyState, type SiblingState } from './key-state.js';
import { readResult } from './key-view.js';
import type { ReplicaRead, ReplicaReadReply, ReplicaWriteReply } from './messages.js';
import type { NodeEnv } from './node-env.js';
import { ReadRepair } from './read-repair.js';
import type { ReplicaHandler } from './replica-handler.js';
import { TagSource } from './tag-source.js';
import { applyToSiblings, applyToValue, isMutatingVerb, needsReadBeforeWrite, type MutatingVerb } from './verbs.js';
import { WritePhase } from './write-phase.js';

/**
 * Coordinates requests for this node: see the file's description for the phases.
 *
 * @example
 * const coordinator = new Coordinator(env, replica, () => hints.ensureScheduled());
 * coordinator.coordinate(request, respond);
 */
export class Coordinator {
  private readonly ops = new Map<string, CoordinatedOp>();
  private readonly tags: TagSource;
  private readonly writes: WritePhase;
  private readonly repairs: ReadRepair;

  constructor(
    private readonly env: NodeEnv,
    private readonly replica: ReplicaHandler,
    hintStoredHere: () => void,
  ) {
    this.tags = new TagSource(env.id, () => env.ctx.now());
    this.writes = new WritePhase(env, replica, (op) => this.finishIfSettled(op), hintStoredHere);
    this.repairs = new ReadRepair(env, replica);
  }

  /** Starts coordinating a request; `respond` receives exactly one answer. */
  coordinate(request: ClientRequest, respond: Respond): void {
    const key = keyOf(request);
    const { f } = request;
    if (f !== 'read' && !isMutatingVerb(f)) return respond({ outcome: 'fail', error: `unknown-verb: ${f}` });
    const owners = this.env.owners(key);
    const idempotencyKey = request.idempotencyKey;
    if (f !== 'read' && idempotencyKey !== undefined && owners.includes(this.env.id)) {
      const applied = this.env.store.applied(idempotencyKey);
      if (applied) return respond({ outcome: 'ok', value: applied.result ?? undefined });
    }
    const op = newCoordinatedOp(this.env.newId(), key, request, owners, respond);
    this.ops.set(op.id, op);
    this.env.ctx.setTimer(this.env.config.requestTimeoutMs, `deadline:${op.id}`);
    const { abd, versioning } = this.env.config;
    if (f === 'read' || abd || idempotencyKey !== undefined || needsReadBeforeWrite(f, versioning)) this.startQuery(op);
    else this.mutate(op);
  }

  onReadReply(from: string, reply: ReplicaReadReply): void {
    const op = this.ops.get(reply.opId);
    if (!op || !op.owners.includes(from) || op.answers.has(from)) return;
    op.answers.set(from, reply.state);
    if (!op.queryDone) {
      if (reply.applied && op.request.f !== 'read') {
        op.queryDone = true;
        op.respond({ outcome: 'ok', value: reply.applied.result ?? undefined });
        return this.finish(op);
      }
      if (op.answers.size >= this.env.config.r) this.afterQuery(op);
    } else if (op.phase === 'query' && op.request.f === 'read' && op.newest) {
      this.repairs.repairLate(op, from, reply.state);
    }
    this.finishIfSettled(op);
  }

  onWriteReply(from: string, reply: ReplicaWriteReply): void {
    const op = this.ops.get(reply.opId);
    if (op) this.writes.onReply(op, from, reply);
  }

  /** Handles this coordinator's timers; false when the timer is not one of them. */
  onTimer(name: string): boolean {
    const [kind, opId] = splitTimerName(name);
    if (kind !== 'deadline' && kind !== 'replica-timeout') return false;
    const op = this.ops.get(opId);
    if (!op) return true;
    if (kind === 'replica-timeout') return (this.writes.onReplicaTimeout(op), true);
    op.respond({ outcome: 'error', error: 'timeout' });
    this.finish(op);
    return true;
  }

  private startQuery(op: CoordinatedOp): void {
    const message: ReplicaRead = { kind: 'replica-read', opId: op.id, key: op.key };
    if (op.request.idempotencyKey !== undefined) message.idempotencyKey = op.request.idempotencyKey;
    for (const owner of op.owners) if (owner !== this.env.id) this.env.ctx.send(owner, message);
    // The local answer goes last, so that an op it completes has already asked everyone.
    if (op.owners.includes(this.env.id)) this.onReadReply(this.env.id, this.replica.read(message));
  }

  private afterQuery(op: CoordinatedOp): void {
    op.queryDone = true;
    op.newest = [...op.answers.values()].reduce<KeyState | undefined>(
      (acc, state) => (state === null ? acc : mergeStates(acc, state)),
      undefined,
    );
    if (op.request.f !== 'read') return this.mutate(op);
    const value = readResult(op.newest);
    if (!this.env.config.abd) {
      op.respond({ outcome: 'ok', value });
      if (op.newest) this.repairs.repairAnswered(op);
      return;
    }
    const newest = op.newest;
    // ABD's write-back is needed only when the quorum did not already agree on the newest version.
    if (newest === undefined || [...op.answers.values()].every((s) => s !== null && !isBehind(s, newest))) {
      return op.respond({ outcome: 'ok', value });
    }
    this.writes.start(op, newest, undefined, () => op.respond({ outcome: 'ok', value }));
  }

  /** Computes the new state of the key from what is known of it, then writes it. */
  private mutate(op: CoordinatedOp): void {
    const f = op.request.f as MutatingVerb;
    const planned = this.env.config.versioning === 'vv' ? this.planSiblings(op, f) : this.planTagged(op, f);
    if (!planned.ok) {
      op.respond({ outcome: 'fail', error: planned.error });
      return this.finish(op);
    }
    const idempotencyKey = op.request.idempotencyKey;
    const applied = idempotencyKey === undefined ? undefined : { key: idempotencyKey, result: null };
    this.writes.start(op, planned.state, applied, () => op.respond({ outcome: 'ok' }));
  }

  private planTagged(op: CoordinatedOp, f: MutatingVerb): { ok: true; state: KeyState } | { ok: false; error: string } {
    const newest = op.newest?.kind === 'tagged' ? op.newest : undefined;
    const outcome = applyToValue(f, newest?.value ?? null, op.request.value);
    if (!outcome.ok) return outcome;
    const tag = this.env.config.abd ? this.tags.logicalTag(op.key, newest?.tag) : this.tags.clockTag();
    return { ok: true, state: { kind: 'tagged', tag, value: outcome.result } };
  }

  /** Version vectors: fold what the query found into the local replica, then build on it. */
  private planSiblings(op: CoordinatedOp, f: MutatingVerb): { ok: true; state: KeyState } | { ok: false; error: string } {
    // Config validation and forwarding make every vv coordinator an owner; refuse rather than guess otherwise.
    if (!op.owners.includes(this.env.id)) return { ok: false, error: 'not-a-replica' };
    try {
      if (op.newest) this.env.store.merge(op.key, op.newest);
    } catch (error) {
      if (!(error instanceof DiskFullError)) throw error;
      return { ok: false, error: 'disk-full' };
    }
    const local = this.env.store.get(op.key) as SiblingState | undefined;
    const outcome = applyToSiblings(f, local, op.request.value, this.env.id);
    return outcome.ok ? { ok: true, state: outcome.result } : outcome;
  }

  private finishIfSettled(op: CoordinatedOp): void {
    if (this.ops.has(op.id) && isSettled(op)) this.finish(op);
  }

  private finish(op: CoordinatedOp): void {
    this.ops.delete(op.id);
    this.env.ctx.cancelTimer(`deadline:${op.id}`);
    this.env.ctx.cancelTimer(`replica-timeout:${op.id}`);
  }
}

function splitTimerName(name: string): [string, string] {
  const colon = name.indexOf(':');
  return colon < 0 ? [name, ''] : [name.slice(0, colon), name.slice(colon + 1)];
}
