/**
 * The bookkeeping of one request a coordinator is working on: the answers of
 * its query phase and the acknowledgements of its write phase.
 *
 * A coordinator runs one of these per client request, so it is kept lean: the
 * owners are a handful of nodes, and short arrays serve as their sets.
 *
 * @example
 * const op = new CoordinatedOp('n1.x.1', 'k', request, ['n1', 'n2', 'n3'], respond);
 * op.addAnswer('n2', null);
 * op.answerCount; // 1
 */
import type { ClientReply, ClientRequest } from '../protocol.js';
import type { KeyState } from './key-state.js';
import { idNumberOf } from './op-table.js';
import type { AppliedKey } from './replica-store.js';

/**
 * What the coordinator tells whoever asked (the client, or the node that forwarded).
 */
export interface Answer {
  outcome: ClientReply['outcome'];
  value?: unknown;
  error?: string;
}

/**
 * Receives a coordinator's one answer to a request.
 *
 * @example
 * const respond: Respond = (answer) => ctx.send(client, toReply(requestId, answer));
 */
export type Respond = (answer: Answer) => void;

/**
 * One request in the hands of its coordinator.
 *
 * @example
 * if (op.phase === 'write' && writeAcks(op, false) >= w) op.respond(op.quorumAnswer!);
 */
export class CoordinatedOp {
  /** The number the op's id ends with (see OpTable). */
  readonly idNumber: number;
  /** Name of this op's deadline timer, built once. */
  readonly deadlineTimer: string;
  /** Name of the write phase's per-replica timer, once that phase armed it. */
  replicaTimer: string | undefined = undefined;
  phase: 'query' | 'write' = 'query';
  responded = false;
  queryDone = false;
  /** Set when a replica answered the query saying it already applied this op's idempotency key. */
  alreadyApplied: AppliedKey | undefined = undefined;
  /** The newest state the query phase found (undefined: no replica holds the key). */
  newest: KeyState | undefined = undefined;
  /** Write phase: what is being written, and what to answer once W acknowledged it. */
  write: { state: KeyState; applied?: AppliedKey } | undefined = undefined;
  quorumAnswer: Answer | undefined = undefined;
  /** Fallback nodes that stored a hint (counted toward W only with a sloppy quorum). */
  hintAcks = 0;
  pendingFallbacks = 0;
  // Per-owner bookkeeping lives in arrays sized for the owners, filled up to a count:
  // a growing array would reserve room for 17 entries on its first push.
  /** Query phase: the owners that answered, in arrival order, and their answers (null = holds nothing). */
  private readonly answeredBy: string[];
  private readonly answers: Array<KeyState | null>;
  private answers_ = 0;
  /** Owners that stored the write (write phase only, as the next). */
  private ownerAcks: string[] | undefined = undefined;
  private ownerAcks_ = 0;
  /** Owners we are done with: acknowledged, handed off to a fallback, or given up on. */
  private settledOwners: string[] | undefined = undefined;
  private settledOwners_ = 0;
  private usedFallbacks: string[] | undefined = undefined;

  constructor(
    readonly id: string,
    readonly key: string,
    readonly request: ClientRequest,
    /** The key's preference list. */
    readonly owners: readonly string[],
    private readonly respondTo: Respond,
  ) {
    this.idNumber = idNumberOf(id);
    this.deadlineTimer = `deadline:${id}`;
    this.answeredBy = new Array<string>(owners.length);
    this.answers = new Array<KeyState | null>(owners.length);
  }

  /** Names (once) the timer the write phase arms. */
  armReplicaTimer(): string {
    return (this.replicaTimer ??= `replica-timeout:${this.id}`);
  }

  /** Answers the request; only the first answer goes out. */
  /** Answers for copies of this request (same idempotency key) that arrived while it was in flight. */
  readonly alsoRespondTo: Respond[] = [];

  respond(answer: Answer): void {
    if (this.responded) return;
    this.responded = true;
    this.respondTo(answer);
    for (const respond of this.alsoRespondTo) respond(answer);
  }

  /** How many owners answered the query. */
  get answerCount(): number {
    return this.answers_;
  }

  /** The owner of the `i`th answer, in arrival order. */
  answerFrom(i: number): string {
    return this.answeredBy[i]!;
  }

  /** The `i`th answer, in arrival order (null: that owner holds nothing for the key). */
  answerAt(i: number): KeyState | null {
    return this.answers[i]!;
  }

  hasAnswerFrom(owner: string): boolean {
    return indexIn(this.answeredBy, this.answers_, owner) >= 0;
  }

  /** Records an owner's first answer (the caller makes sure it is an owner, and the first). */
  addAnswer(owner: string, state: KeyState | null): void {
    this.answeredBy[this.answers_] = owner;
    this.answers[this.answers_++] = state;
  }

  get ownerAckCount(): number {
    return this.ownerAcks_;
  }

  hasOwnerAck(owner: string): boolean {
    return indexIn(this.ownerAcks, this.ownerAcks_, owner) >= 0;
  }

  /** Records an owner that stored the write (once per owner). */
  addOwnerAck(owner: string): void {
    if (!this.hasOwnerAck(owner)) (this.ownerAcks ??= new Array<string>(this.owners.length))[this.ownerAcks_++] = owner;
  }

  /** Marks an owner as done with (once per owner). */
  settle(owner: string): void {
    if (!this.isSettledOwner(owner)) (this.settledOwners ??= new Array<string>(this.owners.length))[this.settledOwners_++] = owner;
  }

  isSettledOwner(owner: string): boolean {
    return indexIn(this.settledOwners, this.settledOwners_, owner) >= 0;
  }

  /** True once every owner is settled. */
  get allOwnersSettled(): boolean {
    return this.settledOwners_ === this.owners.length;
  }

  hasUsedFallback(node: string): boolean {
    return this.usedFallbacks?.includes(node) ?? false;
  }

  useFallback(node: string): void {
    (this.usedFallbacks ??= []).push(node);
  }
}

/** Position of `item` among the first `count` entries of `list`; -1 when absent. */
function indexIn(list: readonly string[] | undefined, count: number, item: string): number {
  for (let i = 0; i < count; i++) if (list![i] === item) return i;
  return -1;
}

/**
 * Acknowledgements that count toward W.
 *
 * @example
 * writeAcks(op, true); // owners + hint holders
 */
export function writeAcks(op: CoordinatedOp, sloppyQuorum: boolean): number {
  return op.ownerAckCount + (sloppyQuorum ? op.hintAcks : 0);
}

/**
 * True when nothing more can arrive that the op still cares about.
 *
 * @example
 * if (isSettled(op)) coordinator.finish(op);
 */
export function isSettled(op: CoordinatedOp): boolean {
  if (!op.responded) return false;
  if (op.phase === 'query') return op.answerCount === op.owners.length;
  return op.allOwnersSettled && op.pendingFallbacks === 0;
}

/**
 * The key a request addresses; a request without one addresses the empty key "".
 *
 * @example
 * keyOf({ kind: 'client-request', requestId: 'r1', f: 'read', key: 7, value: null }); // '7'
 */
export function keyOf(request: ClientRequest): string {
  return request.key === undefined ? '' : String(request.key);
}
