import { checksum } from '../shared/integrity.js';
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
import { ChurnTable } from '../../sim/churn-table.js';
import type { ClientRequest } from '../protocol.js';
import { DiskFullError } from '../../sim/node.js';
import { CoordinatedOp, isSettled, keyOf, type Respond } from './coordinated-op.js';
import { isBehind, mergeStates, type KeyState, type SiblingState } from './key-state.js';
import { readResult } from './key-view.js';
import type { ReplicaRead, ReplicaReadReply, ReplicaWriteReply } from './messages.js';
import type { NodeEnv } from './node-env.js';
import { ReadRepair } from './read-repair.js';
import type { ReplicaHandler } from './replica-handler.js';
import { TagSource } from './tag-source.js';
import { applyToSiblings, applyToValue, isMutatingVerb, needsReadBeforeWrite, type MutatingVerb } from './verbs.js';
import { OpTable } from './op-table.js';
import { WritePhase } from './write-phase.js';

/**
 * Coordinates requests for this node: see the file's description for the phases.
 *
 * @example
 * const coordinator = new Coordinator(env, replica, () => hints.ensureScheduled());
 * coordinator.coordinate(request, respond);
 */
export class Coordinator {
  private readonly ops = new OpTable();
  /**
   * In-flight changes by idempotency key, so that a copy of one joins it rather than
   * running again (a ChurnTable, not a Map: entries come and go with every request).
   */
  private readonly inFlight = new ChurnTable<CoordinatedOp>();
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
    // A retried request this node already applied is not answered from its own table: the
    // earlier attempt may have reached fewer than W replicas. The query finds it applied
    // and writes the newest state back to W replicas before acknowledging (afterQuery).
    // A copy of a request already in flight here (the network duplicated it, or the client
    // retried before this node answered) joins it: running it twice would mint a second
    // version of one write, which a later write need not see.
    const twin = idempotencyKey === undefined || f === 'read' ? undefined : this.inFlight.get(idempotencyKey);
    if (twin !== undefined && !twin.responded) return void twin.alsoRespondTo.push(respond);
    const op = new CoordinatedOp(this.env.newId(), key, request, owners, respond);
    this.ops.add(op);
    if (idempotencyKey !== undefined && f !== 'read') this.inFlight.set(idempotencyKey, op);
    this.env.ctx.setTimer(this.env.config.requestTimeoutMs, op.deadlineTimer);
    const { abd, versioning } = this.env.config;
    if (f === 'read' || abd || idempotencyKey !== undefined || needsReadBeforeWrite(f, versioning)) this.startQuery(op);
    else this.mutate(op);
  }

  onReadReply(from: string, reply: ReplicaReadReply): void {
    const op = this.ops.get(reply.opId);
    if (!op || !op.owners.includes(from) || op.hasAnswerFrom(from)) return;
    op.addAnswer(from, reply.state);
    if (!op.queryDone) {
      // A replica already applied this op (an earlier attempt of a retried request): do not
      // apply it again, but do not trust that attempt either — it may have reached fewer
      // than W replicas. The query goes on, and the newest state is written back to W
      // replicas before the op is acknowledged (see afterQuery).
      if (reply.applied && op.request.f !== 'read' && op.request.idempotencyKey !== undefined) {
        op.alreadyApplied ??= { key: op.request.idempotencyKey, result: reply.applied.result };
      }
      if (op.answerCount >= this.env.config.r && this.readyToAnswer(op)) this.afterQuery(op);
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
    // Only a change asks whether its key was applied: a read applies nothing, and the
    // lookup in each replica's table of applied keys is not free.
    if (op.request.idempotencyKey !== undefined && op.request.f !== 'read') message.idempotencyKey = op.request.idempotencyKey;
    for (const owner of op.owners) if (owner !== this.env.id) this.env.ctx.send(owner, message);
    // The local answer goes last, so that an op it completes has already asked everyone.
    const local = op.owners.includes(this.env.id) ? this.replica.read(message) : undefined;
    if (local !== undefined) this.onReadReply(this.env.id, local);
  }

  /**
   * With read verification, a query is done only once the newest answer is
   * vouched for by two replicas, or every owner has answered.
   */
  private readyToAnswer(op: CoordinatedOp): boolean {
    return !this.env.config.readVerification || op.answerCount >= op.owners.length || vouchedNewest(op) !== false;
  }

  private afterQuery(op: CoordinatedOp): void {
    op.queryDone = true;
    let newest: KeyState | undefined;
    for (let i = 0; i < op.answerCount; i++) {
      const state = op.answerAt(i);
      if (state !== null) newest = mergeStates(newest, state);
    }
    if (this.env.config.readVerification && vouchedNewest(op) === false) {
      // The replicas' digests disagree and no two vouch for the newest: report, do not guess.
      this.env.ctx.trace('read-mismatch', { key: op.key, replicas: Array.from({ length: op.answerCount }, (_, i) => op.answerFrom(i)) });
      op.respond({ outcome: 'error', error: 'read-verification-failed' });
      return this.finish(op);
    }
    op.newest = newest;
    if (op.request.f !== 'read' && op.alreadyApplied !== undefined && newest !== undefined) {
      return this.writes.start(op, newest, op.alreadyApplied, { outcome: 'ok', value: op.alreadyApplied.result ?? undefined });
    }
    if (op.request.f !== 'read') return this.mutate(op);
    const value = readResult(op.newest);
    if (!this.env.config.abd) {
      op.respond({ outcome: 'ok', value });
      if (op.newest) this.repairs.repairAnswered(op);
      return;
    }
    // ABD's write-back is needed only when the quorum did not already agree on the newest version.
    if (newest === undefined || allCaughtUp(op, newest)) {
      return op.respond({ outcome: 'ok', value });
    }
    this.writes.start(op, newest, undefined, { outcome: 'ok', value });
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
    this.writes.start(op, planned.state, applied, { outcome: 'ok' });
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
    if (this.ops.has(op) && isSettled(op)) this.finish(op);
  }

  private finish(op: CoordinatedOp): void {
    this.ops.delete(op);
    const idempotencyKey = op.request.idempotencyKey;
    if (idempotencyKey !== undefined && this.inFlight.get(idempotencyKey) === op) this.inFlight.delete(idempotencyKey);
    this.env.ctx.cancelTimer(op.deadlineTimer);
    if (op.replicaTimer !== undefined) this.env.ctx.cancelTimer(op.replicaTimer);
  }
}

/**
 * Whether the newest answer so far is held, digest for digest, by at least two
 * replicas (the one replica when the key has one; undefined when no replica
 * holds the key: nothing to vouch for).
 */
function vouchedNewest(op: CoordinatedOp): boolean | undefined {
  let newest: KeyState | undefined;
  for (let i = 0; i < op.answerCount; i++) {
    const state = op.answerAt(i);
    if (state !== null) newest = mergeStates(newest, state);
  }
  if (newest === undefined) return undefined;
  const digest = checksum(newest);
  let holders = 0;
  for (let i = 0; i < op.answerCount; i++) if (op.answerAt(i) !== null && checksum(op.answerAt(i)) === digest) holders++;
  return holders >= Math.min(2, op.owners.length);
}

function splitTimerName(name: string): [string, string] {
  const colon = name.indexOf(':');
  return colon < 0 ? [name, ''] : [name.slice(0, colon), name.slice(colon + 1)];
}

/** True when every answer of the query already holds `newest` (ABD then needs no write-back). */
function allCaughtUp(op: CoordinatedOp, newest: KeyState): boolean {
  for (let i = 0; i < op.answerCount; i++) {
    const state = op.answerAt(i);
    if (state === null || isBehind(state, newest)) return false;
  }
  return true;
}
