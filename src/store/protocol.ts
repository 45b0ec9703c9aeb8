import { checksum } from './shared/integrity.js';

/**
 * The wire protocol between client processes and store nodes. Every store mode
 * speaks it, so clients do not care how the store replicates.
 */

/** A client's request for one operation. */
export interface ClientRequest {
  kind: 'client-request';
  /** Unique per attempt: replies are matched to attempts by it. */
  requestId: string;
  f: string;
  key?: string | number;
  value: unknown;
  /** Same for every retry of one logical operation; the store applies it once. */
  idempotencyKey?: string;
}

/**
 * A store's answer. `ok`: done, with its result. `fail`: certainly not applied.
 * `redirect`: not the leader; try `leader` (when known). `error`: unknown outcome.
 */
export interface ClientReply {
  kind: 'client-reply';
  requestId: string;
  outcome: 'ok' | 'fail' | 'redirect' | 'error';
  value?: unknown;
  leader?: string;
  error?: string;
  /**
   * Checksum over the whole reply, request id included (see {@link replyChecksum}),
   * when the store's checksums are on: a client drops a reply that does not match,
   * so a value corrupted in flight, or a reply meant for another request, is never taken.
   */
  sum?: string;
}

/**
 * The checksum a store puts in a {@link ClientReply} and a client checks: over
 * every field but `sum` itself, so it binds the value to the request it answers.
 *
 * @example
 * const reply: ClientReply = { kind: 'client-reply', requestId: 'c0-1', outcome: 'ok', value: 3 };
 * reply.sum = replyChecksum(reply);
 */
export function replyChecksum(reply: ClientReply): string {
  return checksum([reply.requestId, reply.outcome, reply.value ?? null, reply.leader ?? null, reply.error ?? null]);
}

export type ClientMessage = ClientRequest | ClientReply;

export function isClientRequest(msg: unknown): msg is ClientRequest {
  return typeof msg === 'object' && msg !== null && (msg as { kind?: unknown }).kind === 'client-request';
}
