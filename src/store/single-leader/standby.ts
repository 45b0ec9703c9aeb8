import { DiskFullError } from '../../sim/node.js';
import type { ObjectStoreReply, ObjectStoreRequest } from '../../sim/object-store.js';
import { SNAPSHOT_STORE_ID, singleLeaderNodeIds } from './config.js';
import type { SingleLeaderMessage, SnapshotMessage } from './messages.js';
import type { SingleLeaderNode } from './node.js';
import type { EntryRecord } from './records.js';

/** Timers of the standby's side (besides the election path's). */
export const PROMOTE_TIMER = 'standby-promote';
export const APPLY_TIMER = 'standby-apply';

/** Snapshot object names: zero-padded so the latest acknowledged offset sorts last. */
const SNAPSHOT_PREFIX = 'snap/';

/** What a cold primary puts on the object store: its log through an acknowledged offset. */
export interface Snapshot {
  epoch: number;
  offset: number;
  entries: EntryRecord[];
}

/**
 * A promotion under way: the epoch it took and, for a cold standby, the fetch
 * it waits for. It ends with {@link SingleLeaderNode.becomeLeader}, or is dropped
 * when a newer leader shows up meanwhile.
 */
export interface Promotion {
  epoch: number;
  /** Cold: the number of the first fetch request (any answer to it or a retry will do). */
  fetch?: number;
}

/**
 * The name of a snapshot object.
 *
 * @example
 * snapshotKey(42, 3); // 'snap/000000000042-000003'
 */
export function snapshotKey(offset: number, epoch: number): string {
  return `${SNAPSHOT_PREFIX}${String(offset).padStart(12, '0')}-${String(epoch).padStart(6, '0')}`;
}

/**
 * True when this node may promote itself, without a vote, now that its leader
 * seems dead. Warm and cold: always (they are asynchronous, and lose what was not
 * shipped). Hot: only the node that is sure to hold every acknowledged write: the
 * standby once the primary counted it in acknowledgements in the current epoch,
 * or the primary of that epoch as long as it never did (it acknowledged alone, so
 * the standby cannot have promoted). A hot node without that right stands for
 * election instead and needs the other's vote, which the other gives only to a
 * log at least as up to date as its own, and which moves the voter to the new
 * epoch, where it holds no right of its own.
 *
 * @example
 * if (mayPromote(node)) promote(node);
 */
export function mayPromote(node: SingleLeaderNode): boolean {
  if (node.config.standby?.level !== 'hot') return true;
  const { replica } = node;
  // It led this epoch: it voted for itself in it and holds an entry of it (its no-op), which
  // only the epoch's leader writes. A candidate that voted for itself and lost holds none.
  const wasPrimary = replica.votedFor === node.ctx.id && replica.log.lastEpoch === replica.epoch;
  const synced = replica.standbySyncedEpoch === replica.epoch && replica.epoch > 0;
  return wasPrimary ? !synced : synced;
}

/**
 * The next epoch this node may take: epochs are dealt out round-robin by node
 * index, so two nodes that promote themselves without a vote never share one.
 *
 * @example
 * nextOwnEpoch(3, 1, 2); // 4 (n2 takes even epochs)
 */
export function nextOwnEpoch(current: number, index: number, nodeCount: number): number {
  let epoch = current + 1;
  while ((epoch - 1) % nodeCount !== index) epoch++;
  return epoch;
}

/**
 * The epoch this node stands or promotes itself in next: the next one with
 * a standby (whose epochs are dealt out by node, see {@link nextOwnEpoch}, so
 * a node that voted for itself in an epoch is the only one that could lead it),
 * else simply the next.
 *
 * @example
 * const epoch = candidateEpoch(node);
 */
export function candidateEpoch(node: SingleLeaderNode): number {
  if (node.config.standby === null) return node.replica.epoch + 1;
  const ids = singleLeaderNodeIds(node.config);
  return nextOwnEpoch(node.replica.epoch, ids.indexOf(node.ctx.id), ids.length);
}

/**
 * Persists this node's vote for itself in its {@link candidateEpoch} and returns that
 * epoch; undefined when the disk is full (traced), and the node does not stand.
 *
 * @example
 * const epoch = voteForSelf(node); // then a candidacy in that epoch
 */
export function voteForSelf(node: SingleLeaderNode): number | undefined {
  const epoch = candidateEpoch(node);
  try {
    node.replica.persistVote(epoch, node.ctx.id);
  } catch (error) {
    if (!(error instanceof DiskFullError)) throw error;
    node.ctx.trace('disk-full', { while: 'standing for election', epoch });
    return undefined;
  }
  return epoch;
}

/**
 * Promotes this node: a new epoch of its own (persisted before anything else),
 * then the preparation its level needs before it takes office as an ordinary
 * leader (its no-op and heartbeats announce the new epoch, which fences the old
 * primary): hot none, warm a replay of the entries stored but not applied,
 * cold a fetch of the latest snapshot from the object store and its replay.
 * `brandNew`: the first primary of a new cluster, which has nothing to restore.
 *
 * @example
 * promote(node, false);
 */
export function promote(node: SingleLeaderNode, brandNew: boolean): void {
  const standby = node.config.standby!;
  if (node.promotion !== undefined || (!brandNew && !mayPromote(node))) return;
  const epoch = voteForSelf(node);
  if (epoch === undefined) return;
  node.role = 'candidate';
  node.leaderId = undefined;
  node.promotion = { epoch };
  if (standby.level === 'cold' && !brandNew) return fetchSnapshot(node);
  const replay = node.replica.log.lastOffset - node.replica.appliedOffset;
  node.ctx.trace('promote', { epoch, level: standby.level, replay });
  if (replay === 0) return finishPromotion(node, epoch);
  node.ctx.setTimer(replay * standby.replayMsPerEntry, PROMOTE_TIMER);
}

/**
 * The promotion timer: the replay is done (or, cold, the fetch is due again).
 *
 * @example
 * if (name === PROMOTE_TIMER) onPromoteTimer(node);
 */
export function onPromoteTimer(node: SingleLeaderNode): void {
  const promotion = node.promotion;
  if (promotion === undefined || !stillPromoting(node, promotion.epoch)) return;
  if (promotion.fetch !== undefined) return fetchSnapshot(node);
  finishPromotion(node, promotion.epoch);
}

/**
 * A message from the object store: the snapshot a cold standby asked for is
 * restored (the log is replaced from the last entry both share), then replayed.
 *
 * @example
 * onSnapshotMessage(node, { t: 'os-object', req: 1, key: null, body: null, bytes: 4 });
 */
export function onSnapshotMessage(node: SingleLeaderNode, msg: SnapshotMessage): void {
  const promotion = node.promotion;
  if (msg.t !== 'os-object' || promotion?.fetch === undefined || msg.req < promotion.fetch) return;
  if (!stillPromoting(node, promotion.epoch)) return;
  delete promotion.fetch;
  node.ctx.cancelTimer(PROMOTE_TIMER);
  const replay = restoreSnapshot(node, msg);
  node.ctx.trace('promote', { epoch: promotion.epoch, level: 'cold', replay });
  node.ctx.setTimer(replay * node.config.standby!.replayMsPerEntry, PROMOTE_TIMER);
}

/**
 * Warm standby: applies, every applyIntervalMs, what it stored since the last time.
 *
 * @example
 * if (name === APPLY_TIMER) onApplyTimer(node);
 */
export function onApplyTimer(node: SingleLeaderNode): void {
  node.ctx.setTimer(node.config.standby!.applyIntervalMs, APPLY_TIMER);
  if (node.role === 'follower') node.replica.applyThrough(node.replica.log.lastOffset);
}

/**
 * Cold primary: puts its log through the acknowledgement point on the object
 * store (when it moved since the last snapshot).
 *
 * @example
 * takeSnapshot(node, term.commitOffset, term.epoch);
 */
export function takeSnapshot(node: SingleLeaderNode, offset: number, epoch: number): void {
  const entries: EntryRecord[] = [];
  for (let at = 1; at <= offset; at++) entries.push(node.replica.entryRecord(at)!);
  const body: Snapshot = { epoch: node.replica.log.epochAt(offset) ?? 0, offset, entries };
  node.ctx.trace('snapshot', { offset, epoch });
  sendToObjectStore(node, { t: 'os-put', req: node.nextRequest(), key: snapshotKey(offset, epoch), body });
}

function fetchSnapshot(node: SingleLeaderNode): void {
  const req = node.nextRequest();
  node.promotion!.fetch ??= req;
  sendToObjectStore(node, { t: 'os-get-latest', req, prefix: SNAPSHOT_PREFIX });
  // A lost request or reply (the object store cut off, restarting) is asked again.
  node.ctx.setTimer(node.config.requestTimeoutMs, PROMOTE_TIMER);
}

/** Replaces the log with the snapshot's, from the last entry both share; returns the entries replayed. */
function restoreSnapshot(node: SingleLeaderNode, msg: Extract<ObjectStoreReply, { t: 'os-object' }>): number {
  const { replica } = node;
  const snapshot = msg.body as Snapshot | null;
  const log = replica.log;
  const ahead = snapshot !== null && (snapshot.epoch > log.lastEpoch || (snapshot.epoch === log.lastEpoch && snapshot.offset > log.lastOffset));
  if (!ahead) {
    // Nothing newer than what this node holds: it keeps its own log.
    node.ctx.trace('restore', { snapshotOffset: snapshot?.offset ?? null, keptThrough: log.lastOffset, replay: 0 });
    return replica.log.lastOffset - replica.appliedOffset;
  }
  let common = Math.min(snapshot.offset, log.lastOffset);
  while (common > 0 && log.epochAt(common) !== snapshot.entries[common - 1]!.epoch) common--;
  replica.truncateAfter(common, `restore from snapshot at ${snapshot.offset}`);
  try {
    for (const record of snapshot.entries.slice(common)) {
      const entry = { epoch: record.epoch, offset: record.offset, payload: record.payload, ...(record.sum === undefined ? {} : { sum: record.sum }) };
      replica.appendEntry(entry, record.effects);
    }
  } catch (error) {
    if (!(error instanceof DiskFullError)) throw error;
    // It takes office with what fitted: a cold standby loses writes anyway.
    node.ctx.trace('disk-full', { offset: log.lastOffset + 1 });
  }
  node.ctx.disk.fsync();
  replica.markDurable();
  node.cdc.rewind(common);
  // A snapshot holds acknowledged entries only.
  node.knownCommitOffset = log.lastOffset;
  const replay = log.lastOffset - common;
  node.ctx.trace('restore', { snapshotOffset: snapshot.offset, keptThrough: common, replay });
  return replay;
}

function stillPromoting(node: SingleLeaderNode, epoch: number): boolean {
  return node.role === 'candidate' && node.replica.epoch === epoch;
}

function finishPromotion(node: SingleLeaderNode, epoch: number): void {
  node.promotion = undefined;
  node.replica.applyThrough(node.replica.log.lastOffset);
  node.ctx.trace('candidate', { epoch, transfer: false });
  node.becomeLeader([node.ctx.id]);
}

function sendToObjectStore(node: SingleLeaderNode, request: ObjectStoreRequest): void {
  // The object store speaks its own protocol; the node's typed send knows only store messages.
  node.ctx.send(SNAPSHOT_STORE_ID, request as unknown as SingleLeaderMessage);
}
