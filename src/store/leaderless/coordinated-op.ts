/**
 * The bookkeeping of one request a coordinator is working on: the answers of
 * its query phase and the acknowledgements of its write phase.
 *
 * @example
 * const op = newCoordinatedOp('n1.x.1', 'k', request, ['n1', 'n2', 'n3'], respond);
 * op.answers.set('n2', null);
 */
import type { ClientReply, ClientRequest } from '../protocol.js';
import type { KeyState } from './key-state.js';
import type { AppliedKey } from './replica-store.js';

/**
 * What the coordinator tells whoever asked (the client, or the node that forwarded).
 *
 * @example
 * const answer: Answer = { outcome: 'error', error: 'timeout' };
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
 * if (op.phase === 'write' && writeAcks(op, false) >= w) op.onQuorum?.();
 */
export interface CoordinatedOp {
  id: string;
  key: string;
  request: ClientRequest;
  /** The key's preference list. */
  owners: string[];
  phase: 'query' | 'write';
  responded: boolean;
  respond: Respond;
  /** Query phase: each owner's answer (null = it holds nothing for the key). */
  answers: Map<string, KeyState | null>;
  queryDone: boolean;
  /** The newest state the query phase found (undefined: no replica holds the key). */
  newest?: KeyState;
  /** Write phase: what is being written, and what to do once W acknowledged it. */
  write?: { state: KeyState; applied?: AppliedKey };
  onQuorum?: () => void;
  /** Owners that stored the write. */
  ownerAcks: Set<string>;
  /** Fallback nodes that stored a hint (counted toward W only with a sloppy quorum). */
  hintAcks: number;
  /** Owners we are done with: acknowledged, handed off to a fallback, or given up on. */
  settledOwners: Set<string>;
  usedFallbacks: Set<string>;
  pendingFallbacks: number;
}

/**
 * A fresh op in its query phase. `respond` is wrapped so that only the first answer goes out.
 *
 * @example
 * newCoordinatedOp(id, 'x', request, env.owners('x'), (a) => ctx.send(client, toReply(a)));
 */
export function newCoordinatedOp(id: string, key: string, request: ClientRequest, owners: string[], respond: Respond): CoordinatedOp {
  const op: CoordinatedOp = {
    id,
    key,
    request,
    owners,
    phase: 'query',
    responded: false,
    respond: (answer) => {
      if (op.responded) return;
      op.responded = true;
      respond(answer);
    },
    answers: new Map(),
    queryDone: false,
    ownerAcks: new Set(),
    hintAcks: 0,
    settledOwners: new Set(),
    usedFallbacks: new Set(),
    pendingFallbacks: 0,
  };
  return op;
}

/**
 * Acknowledgements that count toward W.
 *
 * @example
 * writeAcks(op, true); // owners + hint holders
 */
export function writeAcks(op: CoordinatedOp, sloppyQuorum: boolean): number {
  return op.ownerAcks.size + (sloppyQuorum ? op.hintAcks : 0);
}

/**
 * True when nothing more can arrive that the op still cares about.
 *
 * @example
 * if (isSettled(op)) coordinator.finish(op);
 */
export function isSettled(op: CoordinatedOp): boolean {
  if (!op.responded) return false;
  if (op.phase === 'query') return op.answers.size === op.owners.length;
  return op.owners.every((owner) => op.settledOwners.has(owner)) && op.pendingFallbacks === 0;
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
