/**
 * Checksums on what a leaderless node sends (the `checksums` setting): each
 * message leaves with a checksum over all it carries (keys, values, versions,
 * and the op id it belongs to), and a receiver drops a message whose checksum
 * does not match. Binding the op id too means an old write sent again under a
 * new op id is caught like any other alteration; sent again as it was, it is
 * harmless (merges are idempotent and an old tag loses).
 *
 * @example
 * const sealed = sealMessage({ kind: 'repair', key: 'k', state });
 * intactSeal(sealed); // true
 */
import { checksum } from '../shared/integrity.js';
import { replyChecksum } from '../protocol.js';
import type { LeaderlessMessage } from './messages.js';

/**
 * The message with its checksum: a client reply's over the fields a client
 * checks ({@link replyChecksum}), any other's over every other field.
 *
 * @example
 * sealMessage({ kind: 'hint-ack', ids: ['n1.a.1'] }).sum; // a 16-digit hex string
 */
export function sealMessage(msg: LeaderlessMessage): LeaderlessMessage {
  if (msg.kind === 'client-reply') return { ...msg, sum: replyChecksum(msg) };
  if (msg.kind === 'client-request') return msg;
  return { ...msg, sum: checksum(withoutSum(msg)) };
}

/**
 * True when a store node's message carries a checksum that matches it (client
 * requests carry none and pass: clients are not byzantine here).
 *
 * @example
 * intactSeal({ kind: 'hint-ack', ids: [] }); // false: no checksum
 */
export function intactSeal(msg: LeaderlessMessage): boolean {
  if (msg.kind === 'client-request' || msg.kind === 'client-reply') return true;
  return msg.sum !== undefined && msg.sum === checksum(withoutSum(msg));
}

function withoutSum(msg: LeaderlessMessage): unknown {
  const { sum: _sum, ...body } = msg as LeaderlessMessage & { sum?: string };
  return body;
}

