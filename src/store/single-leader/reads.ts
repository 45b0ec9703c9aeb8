import type { ClientRequest } from '../protocol.js';
import { redirect, tableKey } from './client-requests.js';
import type { SingleLeaderNode } from './node.js';

/**
 * The read path, by read mode:
 * - 'any': whichever node is asked answers from its own copy, at the offset it knows
 *   to be acknowledged (a follower lags, so reads are stale);
 * - 'leader' with fencing: ReadIndex — the leader sends a heartbeat round and answers
 *   once a majority has acknowledged it (so no newer leader existed when the read
 *   arrived) and its own epoch's no-op is acknowledged. Linearizable with majority acks;
 * - 'leader' without fencing: the node that believes it leads answers at once, so a
 *   deposed leader serves stale reads;
 * - 'lease': the leader answers locally while its lease is valid on its own clock,
 *   else the read waits for a renewal. A leader whose clock runs slow keeps a lease
 *   it no longer holds and serves stale reads.
 * Reads are answered at the acknowledgement point, never beyond it.
 *
 * @example
 * handleRead(node, 'c1', { kind: 'client-request', requestId: 'c1-8', f: 'read', key: 'x', value: null });
 */
export function handleRead(node: SingleLeaderNode, from: string, request: ClientRequest): void {
  const key = tableKey(request);
  const { config, replica } = node;
  const term = node.term;
  // A standby serves nobody: with one, 'any' means the primary alone.
  if ((config.reads === 'any' && (config.standby === null || term !== undefined)) || (term !== undefined && config.reads === 'leader' && !config.fencing)) {
    return node.reply(from, request.requestId, { outcome: 'ok', value: replica.table.read(key, node.readableOffset()) });
  }
  if (term === undefined) return redirect(node, from, request);
  const read = { requestId: request.requestId, client: from, key };
  if (config.reads === 'lease') {
    if (term.canServe({})) return node.reply(from, request.requestId, { outcome: 'ok', value: replica.table.read(key, term.commitOffset) });
    return term.reads.add(read);
  }
  term.reads.add({ ...read, confirmRound: term.round + 1 });
  term.broadcast();
}
