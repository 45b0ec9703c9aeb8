import type { ClientRequest } from '../protocol.js';
import type { SingleLeaderNode } from './node.js';
import { handleRead } from './reads.js';
import { handleSwitchover } from './switchover.js';
import { handleWrite } from './writes.js';

/**
 * Routes a client request: 'read' to the read path, 'switchover' (value: the target
 * node id) to the planned switchover, every other verb to the write path.
 *
 * @example
 * handleClientRequest(node, 'c1', { kind: 'client-request', requestId: 'c1-1', f: 'read', key: 'x', value: null });
 */
export function handleClientRequest(node: SingleLeaderNode, from: string, request: ClientRequest): void {
  if (request.f === 'read') return handleRead(node, from, request);
  if (request.f === 'switchover') return handleSwitchover(node, from, request);
  return handleWrite(node, from, request);
}

/**
 * Sends the client to the leader this node knows of (no hint when it knows none).
 *
 * @example
 * if (node.role !== 'leader') return redirect(node, from, request);
 */
export function redirect(node: SingleLeaderNode, from: string, request: ClientRequest): void {
  const leader = node.leaderId !== undefined && node.leaderId !== node.ctx.id ? node.leaderId : undefined;
  node.reply(from, request.requestId, leader === undefined ? { outcome: 'redirect' } : { outcome: 'redirect', leader });
}

/**
 * The table key a request addresses: keys are strings inside the store; a request
 * without a key addresses the single register ''.
 *
 * @example
 * tableKey({ kind: 'client-request', requestId: 'r', f: 'read', key: 7, value: null }); // '7'
 */
export function tableKey(request: ClientRequest): string {
  return request.key === undefined ? '' : String(request.key);
}
