/**
 * The multi-leader store's checksums (the `checksums` setting): each write is
 * summed once, by the leader that accepts it, over its key, version, origin
 * (node and seq) and idempotency record, and the sum travels with it to every
 * log, disk and peer. The offset is left out: each group's log gives the write
 * its own. Client replies are summed over what a client checks.
 *
 * @example
 * const write = sealWrite({ key: 'x', version, origin: { node: 'dc1-n1', seq: 1 } });
 * intactWrite(write); // true
 */
import { checksum } from '../shared/integrity.js';
import { replyChecksum } from '../protocol.js';
import type { LogEntry, MultiLeaderMessage, ShippedWrite } from './messages.js';

/**
 * The checksum of a write: everything but its offset and its own sum.
 *
 * @example
 * writeChecksum({ key: 'x', version, origin: { node: 'dc1-n1', seq: 1 } }); // a 16-digit hex string
 */
export function writeChecksum(write: ShippedWrite | LogEntry): string {
  return checksum([write.key, write.version, write.origin, write.idempotency ?? null]);
}

/**
 * The write with its checksum.
 *
 * @example
 * sealWrite(write).sum === writeChecksum(write); // true
 */
export function sealWrite<W extends ShippedWrite>(write: W): W {
  return { ...write, sum: writeChecksum(write) };
}

/**
 * True when the write carries a checksum that matches it.
 *
 * @example
 * intactWrite({ ...sealWrite(write), key: 'y' }); // false
 */
export function intactWrite(write: ShippedWrite | LogEntry): boolean {
  return write.sum !== undefined && write.sum === writeChecksum(write);
}


/**
 * The message with every client reply it is or carries summed; a reply
 * already summed (relayed from the leader that made it) keeps that sum, so a
 * reply altered on its way to the relaying node is not summed anew.
 *
 * @example
 * sealReplies({ kind: 'client-reply', requestId: 'r1', outcome: 'ok', value: 1 }).sum; // replyChecksum of it
 */
export function sealReplies(msg: MultiLeaderMessage): MultiLeaderMessage {
  if (msg.kind === 'client-reply') return msg.sum === undefined ? { ...msg, sum: replyChecksum(msg) } : msg;
  if (msg.kind === 'ml-forward-reply') return { ...msg, reply: { ...msg.reply, sum: msg.reply.sum ?? replyChecksum(msg.reply) } };
  return msg;
}
