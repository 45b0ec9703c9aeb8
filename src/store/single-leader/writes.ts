import { DiskFullError } from '../../sim/node.js';
import type { ClientRequest } from '../protocol.js';
import { redirect, tableKey } from './client-requests.js';
import { executeStatement } from './execute.js';
import type { SingleLeaderNode } from './node.js';
import { leaderWrite } from './payloads.js';
import type { Statement } from './records.js';

/**
 * The leader's write path. The statement is executed against the newest data, logged
 * in the shape the replication kind ships, applied, made durable and replicated; the
 * reply waits for the ack mode (see ack-rule.ts) or times out as 'error'.
 *
 * - A retry whose idempotency key is already in the table gets the recorded result,
 *   once the entry that recorded it is acknowledged: the write is not applied again.
 * - A statement that cannot apply (cas mismatch, wrong type) is answered 'fail', but
 *   only once everything it was judged against is acknowledged.
 * - A full disk: 'fail' with error 'disk-full' (nothing was logged).
 * - During a switchover drain: 'fail' with error 'switchover-in-progress'.
 *
 * @example
 * handleWrite(node, 'c1', { kind: 'client-request', requestId: 'c1-3', f: 'incr', key: 'k', value: 1, idempotencyKey: 'c1-op3' });
 */
export function handleWrite(node: SingleLeaderNode, from: string, request: ClientRequest): void {
  const term = node.term;
  if (term === undefined) return redirect(node, from, request);
  if (term.draining) return node.reply(from, request.requestId, { outcome: 'fail', error: 'switchover-in-progress' });
  const { replica, config } = node;
  const requestId = request.requestId;
  if (request.idempotencyKey !== undefined) {
    const seen = replica.table.idempotentResult(request.idempotencyKey);
    if (seen !== undefined) {
      node.ctx.trace('deduplicated', { idempotencyKey: request.idempotencyKey, offset: seen.offset });
      return term.waiters.add({ requestId, client: from, offset: seen.offset, reply: { outcome: 'ok', value: seen.value } }, term.commitOffset);
    }
  }
  const statement: Statement = { f: request.f, key: tableKey(request), value: request.value };
  if (request.idempotencyKey !== undefined) statement.idempotencyKey = request.idempotencyKey;
  const execution = executeStatement(statement, (key) => replica.table.read(key), replica.env);
  if (!execution.ok) {
    const judgedAt = replica.log.lastOffset;
    return term.waiters.add({ requestId, client: from, offset: judgedAt, reply: { outcome: 'fail', error: execution.error } }, term.commitOffset);
  }
  const { payload, effects } = leaderWrite(config.replication, statement, execution);
  const offset = replica.log.lastOffset + 1;
  try {
    replica.appendEntry({ epoch: term.epoch, offset, payload }, effects);
  } catch (error) {
    if (!(error instanceof DiskFullError)) throw error;
    return node.reply(from, requestId, { outcome: 'fail', error: 'disk-full' });
  }
  term.waiters.add({ requestId, client: from, offset, reply: { outcome: 'ok', value: execution.value } }, term.commitOffset);
  node.durability.afterDurable(() => term.advanceCommit());
  term.shipping.sendNew(offset);
}
