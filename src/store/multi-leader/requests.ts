import { DiskFullError } from '../../sim/node.js';
import type { StoreNodeContext } from '../trace-events.js';
import type { ClientReply, ClientRequest } from '../protocol.js';
import { increment } from '../shared/version-vector.js';
import { latestVersion, mergedVector } from './key-versions.js';
import type { MultiLeaderMessage, ShippedWrite } from './messages.js';
import { sealWrite } from './checksums.js';
import type { Replica } from './replica.js';
import { readValue, type ConflictPolicy } from './resolve.js';
import { applyVerb } from './verbs.js';
import { compareStamps, type Stamp, type Version } from './version.js';

/**
 * The key a request addresses, as text (requests without a key, as in a
 * single-register workload, all address the key `''`).
 *
 * @example
 * keyOf({ kind: 'client-request', requestId: 'r1', f: 'read', value: null, key: 7 }); // '7'
 */
export function keyOf(request: ClientRequest): string {
  return request.key === undefined ? '' : String(request.key);
}

/**
 * A reply to `request`.
 *
 * @example
 * replyTo(request, 'fail', { error: 'disk-full' });
 */
export function replyTo(request: ClientRequest, outcome: ClientReply['outcome'], extra: Partial<ClientReply> = {}): ClientReply {
  return { kind: 'client-reply', requestId: request.requestId, outcome, ...extra };
}

/**
 * Answers a read from this node's own copy (whatever it has received so far).
 *
 * @example
 * serveRead(replica, request, 'siblings'); // { outcome: 'ok', value: ['a', 'b'], ... }
 */
export function serveRead(replica: Replica, request: ClientRequest, policy: ConflictPolicy): ClientReply {
  return replyTo(request, 'ok', { value: readValue(replica.versions(keyOf(request)), policy) });
}

/**
 * Accepts a write at this leader: dedupes by idempotency key, computes the new
 * version, appends and fsyncs it, and only then acknowledges. The new version's
 * vector is one past everything this leader holds for the key, so it supersedes all
 * of it (siblings included). A full disk fails the write: nothing was applied.
 *
 * @example
 * serveWrite(ctx, replica, { kind: 'client-request', requestId: 'r1', f: 'write', key: 'x', value: 1 }, 'lww');
 */
export function serveWrite(
  ctx: StoreNodeContext<MultiLeaderMessage>,
  replica: Replica,
  request: ClientRequest,
  policy: ConflictPolicy,
): ClientReply {
  const idempotencyKey = request.idempotencyKey;
  if (idempotencyKey !== undefined && replica.idempotency.has(idempotencyKey)) {
    ctx.trace('idempotent-replay', { idempotencyKey });
    return replyTo(request, 'ok', { value: replica.idempotency.get(idempotencyKey) });
  }
  const key = keyOf(request);
  const held = replica.versions(key);
  const result = applyVerb(request.f, request.value, held, policy, ctx.id);
  if (!result.ok) return replyTo(request, 'fail', { error: result.error });
  const version: Version = {
    vv: increment(mergedVector(held), ctx.id),
    stamp: nextStamp(ctx.now(), held, ctx.id),
    datum: result.datum,
  };
  const value = readValue([version], policy);
  const write: ShippedWrite = {
    key,
    version,
    origin: { node: ctx.id, seq: replica.nextSeq },
    ...(idempotencyKey === undefined ? {} : { idempotency: { key: idempotencyKey, value } }),
  };
  try {
    replica.record(replica.checksums ? sealWrite(write) : write, ctx.disk);
  } catch (error) {
    if (!(error instanceof DiskFullError)) throw error;
    ctx.trace('disk-full', { key, f: request.f });
    return replyTo(request, 'fail', { error: 'disk-full' });
  }
  ctx.disk.fsync();
  return replyTo(request, 'ok', { value });
}

/**
 * The stamp for a new write: this leader's own clock reading, unless that is not
 * after the latest stamp the write supersedes, in which case just after it. Without
 * this, a write made after seeing a version from a leader whose clock runs ahead
 * would carry a smaller stamp than the version it replaced, and a third, concurrent
 * version could then beat the newer write but not the older one, resurrecting a
 * value that had already lost. Concurrent writes still compare raw clock readings,
 * so skew still decides who wins among them.
 *
 * @example
 * nextStamp(100, [], 'dc1-n1'); // { ts: 100, node: 'dc1-n1' }
 */
export function nextStamp(nowMs: number, held: readonly Version[], self: string): Stamp {
  const stamp = { ts: nowMs, node: self };
  const latest = latestVersion(held);
  if (latest === undefined || compareStamps(stamp, latest.stamp) > 0) return stamp;
  return { ts: latest.stamp.ts + 1, node: self };
}
