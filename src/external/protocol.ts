/**
 * Maelstrom's wire protocol: one JSON object per line, `{src, dest, body}`, where
 * a body has a `type` and, for RPCs, `msg_id` and `in_reply_to`. Existing
 * Maelstrom nodes run unchanged against faultline because this is all they see.
 */

/** A message body: its `type`, the RPC ids and whatever fields the type carries. */
export interface Body {
  type: string;
  msg_id?: number;
  in_reply_to?: number;
  [field: string]: unknown;
}

/**
 * One message on the wire.
 *
 * @example
 * const m: Message = { src: 'c1', dest: 'n1', body: { type: 'echo', msg_id: 1, echo: 'hi' } };
 */
export interface Message {
  src: string;
  dest: string;
  body: Body;
}

/**
 * Maelstrom's error codes. A definite one means the operation certainly did not
 * happen (a `fail` op); the others (and every code from 1000 up, the node's own)
 * leave it indeterminate (an `info` op).
 */
export const ERROR_CODES: Readonly<Record<number, { name: string; definite: boolean }>> = {
  0: { name: 'timeout', definite: false },
  1: { name: 'node-not-found', definite: true },
  10: { name: 'not-supported', definite: true },
  11: { name: 'temporarily-unavailable', definite: true },
  12: { name: 'malformed-request', definite: true },
  13: { name: 'crash', definite: false },
  14: { name: 'abort', definite: true },
  20: { name: 'key-does-not-exist', definite: true },
  21: { name: 'key-already-exists', definite: true },
  22: { name: 'precondition-failed', definite: true },
  30: { name: 'txn-conflict', definite: true },
};

/**
 * True when an error with this code means the operation certainly did not happen.
 *
 * @example
 * isDefiniteError(22); // true
 * isDefiniteError(13); // false
 */
export function isDefiniteError(code: unknown): boolean {
  return typeof code === 'number' && ERROR_CODES[code]?.definite === true;
}

/**
 * The error's name for the history: `key-does-not-exist (20): text`.
 *
 * @example
 * errorName({ type: 'error', code: 20, text: 'no k' }); // 'key-does-not-exist (20): no k'
 */
export function errorName(body: Body): string {
  const code = body.code;
  const name = typeof code === 'number' ? (ERROR_CODES[code]?.name ?? (code >= 1000 ? 'custom' : 'unknown-code')) : 'no-code';
  const text = typeof body.text === 'string' && body.text !== '' ? `: ${body.text}` : '';
  return `${name} (${String(code)})${text}`;
}

/**
 * Why a line a node wrote is not a message, or undefined when it is one. The
 * line is parsed once; `message` receives the result.
 *
 * @example
 * parseMessage('{"src":"n1","dest":"c1","body":{"type":"echo_ok"}}'); // { message: {...} }
 * parseMessage('hello'); // { problem: 'not JSON' }
 */
export function parseMessage(line: string): { message: Message } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { problem: 'not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: 'not a JSON object' };
  const { src, dest, body } = value as Record<string, unknown>;
  if (typeof dest !== 'string') return { problem: 'no "dest" string' };
  if (typeof src !== 'string') return { problem: 'no "src" string' };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { problem: 'no "body" object' };
  if (typeof (body as Body).type !== 'string') return { problem: 'no "body.type" string' };
  return { message: value as Message };
}

/**
 * An error reply to a request.
 *
 * @example
 * errorReply(5, 20, 'key does not exist'); // { type: 'error', in_reply_to: 5, code: 20, text: 'key does not exist' }
 */
export function errorReply(inReplyTo: number | undefined, code: number, text: string): Body {
  return { type: 'error', ...(inReplyTo === undefined ? {} : { in_reply_to: inReplyTo }), code, text };
}
