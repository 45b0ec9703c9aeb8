import type { ClientRequest } from '../protocol.js';
import { redirect } from './client-requests.js';
import type { TimeoutNow } from './messages.js';
import type { SingleLeaderNode } from './node.js';

/** Name of the timer that abandons a switchover that does not complete. */
export const SWITCHOVER_TIMER = 'switchover-timeout';

/**
 * A planned switchover this node (the old leader) is carrying out.
 */
export interface PendingSwitchover {
  requestId: string;
  client: string;
  target: string;
  fromEpoch: number;
  /** Heartbeat round in which the last hand-over message went out (-1: not yet). */
  handoverRound: number;
}

/**
 * Starts a planned switchover: a ClientRequest with f 'switchover' and value = the
 * target node id, sent to the leader. The leader drains (refuses new writes, lets
 * pending ones finish), waits until the target has durably matched its whole log,
 * then tells it to stand for election at once ('timeout-now'); voters accept that
 * transfer even though the old leader is alive, and the old leader steps down when it
 * sees the new epoch. The request is answered 'ok' (value: the target) when the old
 * leader hears from the target as leader of a later epoch; 'error' if that does not
 * happen within requestTimeoutMs (the drain is then lifted).
 *
 * @example
 * handleSwitchover(node, 'admin', { kind: 'client-request', requestId: 'a1', f: 'switchover', value: 'n2' });
 */
export function handleSwitchover(node: SingleLeaderNode, from: string, request: ClientRequest): void {
  const term = node.term;
  if (term === undefined) return redirect(node, from, request);
  const target = request.value;
  if (typeof target !== 'string' || (target !== node.ctx.id && !node.peers.includes(target))) {
    return node.reply(from, request.requestId, { outcome: 'fail', error: 'unknown-node' });
  }
  if (target === node.ctx.id) return node.reply(from, request.requestId, { outcome: 'ok', value: target });
  if (node.switchover !== undefined) return node.reply(from, request.requestId, { outcome: 'fail', error: 'switchover-in-progress' });
  node.switchover = { requestId: request.requestId, client: from, target, fromEpoch: term.epoch, handoverRound: -1 };
  term.draining = true;
  node.ctx.trace('switchover', { phase: 'drain', target, epoch: term.epoch, pendingWrites: term.waiters.size });
  node.ctx.setTimer(node.config.requestTimeoutMs, SWITCHOVER_TIMER);
  progressSwitchover(node);
}

/**
 * Moves a switchover on when it can: once drained and the target is caught up, sends
 * the hand-over (again each heartbeat round, in case it was lost).
 *
 * @example
 * progressSwitchover(node); // after each ack, commit advance and heartbeat
 */
export function progressSwitchover(node: SingleLeaderNode): void {
  const switchover = node.switchover;
  const term = node.term;
  if (switchover === undefined || term === undefined || !term.draining || switchover.handoverRound === term.round) return;
  if (term.waiters.size > 0) return;
  const lastOffset = node.replica.log.lastOffset;
  if (term.shipping.progress.get(switchover.target)!.matchOffset < lastOffset) return;
  if (switchover.handoverRound === -1) node.ctx.trace('switchover', { phase: 'hand-over', target: switchover.target, lastOffset });
  switchover.handoverRound = term.round;
  const message: TimeoutNow = { kind: 'timeout-now', epoch: term.epoch };
  node.ctx.send(switchover.target, message);
}

/**
 * A leader of a later epoch made contact: the switchover is done (or overtaken by
 * another election), and its requester gets the answer.
 *
 * @example
 * onLeaderContact(node, msg.leader, msg.epoch); // on every append from a current leader
 */
export function onLeaderContact(node: SingleLeaderNode, leader: string, epoch: number): void {
  const switchover = node.switchover;
  if (switchover === undefined || epoch <= switchover.fromEpoch) return;
  node.switchover = undefined;
  node.ctx.cancelTimer(SWITCHOVER_TIMER);
  if (leader === switchover.target) {
    node.ctx.trace('switchover', { phase: 'done', target: leader, epoch });
    return node.reply(switchover.client, switchover.requestId, { outcome: 'ok', value: leader });
  }
  node.ctx.trace('switchover', { phase: 'overtaken', target: switchover.target, leader, epoch });
  node.reply(switchover.client, switchover.requestId, { outcome: 'fail', error: 'another-leader-elected', leader });
}

/**
 * The switchover did not complete in time: unknown outcome, and writes resume if
 * this node still leads.
 *
 * @example
 * if (name === SWITCHOVER_TIMER) onSwitchoverTimeout(node);
 */
export function onSwitchoverTimeout(node: SingleLeaderNode): void {
  const switchover = node.switchover;
  if (switchover === undefined) return;
  node.switchover = undefined;
  if (node.term !== undefined) node.term.draining = false;
  node.ctx.trace('switchover', { phase: 'abandoned', target: switchover.target });
  node.reply(switchover.client, switchover.requestId, { outcome: 'error', error: 'switchover-timeout' });
}
