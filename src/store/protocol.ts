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
}

export type ClientMessage = ClientRequest | ClientReply;

export function isClientRequest(msg: unknown): msg is ClientRequest {
  return typeof msg === 'object' && msg !== null && (msg as { kind?: unknown }).kind === 'client-request';
}
