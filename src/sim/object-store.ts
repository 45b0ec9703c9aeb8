import { jsonLength } from './json-length.js';
import type { NodeContext, NodeFactory, SimNode } from './node.js';

/**
 * What an object store node understands: store a body under a key, or fetch
 * the body of the greatest key under a prefix (snapshots are named so that the
 * latest sorts last).
 */
export type ObjectStoreRequest =
  | { t: 'os-put'; req: number; key: string; body: unknown }
  | { t: 'os-get-latest'; req: number; prefix: string };

/** The object store's answers, sent once the transfer time has passed. */
export type ObjectStoreReply =
  | { t: 'os-put-ok'; req: number; key: string; bytes: number }
  | { t: 'os-object'; req: number; key: string | null; body: unknown; bytes: number };

/**
 * How fast the object store is: a fixed time per request plus the time its
 * bytes take at `bytesPerMs`, as a blob store's first-byte latency and
 * throughput.
 */
export interface ObjectStoreOptions {
  requestMs: number;
  bytesPerMs: number;
}

/**
 * What the object store has done, readable by whoever built it: the bytes it
 * received and served, and its requests.
 */
export class ObjectStoreStats {
  puts = 0;
  gets = 0;
  bytesIn = 0;
  bytesOut = 0;
  /** Bytes it holds now (every stored object; objects are never deleted). */
  bytesStored = 0;
}

/**
 * A simulated object store (an S3-like bucket) as a node of the world: objects
 * live on its disk, so they survive its crashes and are lost only with it
 * (World.destroy). Each request is answered after `requestMs` plus its bytes at
 * `bytesPerMs`, one request at a time: a big restore queues behind a big upload.
 *
 * @example
 * const stats = new ObjectStoreStats();
 * world.addNode('os', objectStoreNode({ requestMs: 20, bytesPerMs: 10_000 }, stats));
 * // a node sends { t: 'os-put', req: 1, key: 'snap/000042', body } and later gets { t: 'os-put-ok', req: 1, ... }
 */
export function objectStoreNode(options: ObjectStoreOptions, stats: ObjectStoreStats): NodeFactory<ObjectStoreRequest | ObjectStoreReply> {
  return (ctx) => new ObjectStoreNode(ctx, options, stats);
}

class ObjectStoreNode implements SimNode<ObjectStoreRequest | ObjectStoreReply> {
  private readonly objects = new Map<string, unknown>();
  /** Replies waiting for their transfer time, in order, with when each is due. */
  private readonly outbox: Array<{ to: string; reply: ObjectStoreReply; dueMs: number }> = [];
  private busyUntilMs = 0;

  constructor(
    private readonly ctx: NodeContext<ObjectStoreRequest | ObjectStoreReply>,
    private readonly options: ObjectStoreOptions,
    private readonly stats: ObjectStoreStats,
  ) {
    for (const record of ctx.disk.read()) {
      const { key, body } = record as { key: string; body: unknown };
      this.objects.set(key, body);
    }
  }

  onMessage(from: string, msg: ObjectStoreRequest | ObjectStoreReply): void {
    if (msg.t === 'os-put') {
      const bytes = jsonLength(msg.body);
      this.ctx.disk.append({ key: msg.key, body: msg.body });
      this.ctx.disk.fsync();
      this.objects.set(msg.key, msg.body);
      this.stats.puts++;
      this.stats.bytesIn += bytes;
      this.stats.bytesStored += bytes;
      this.answer(from, { t: 'os-put-ok', req: msg.req, key: msg.key, bytes }, bytes);
    } else if (msg.t === 'os-get-latest') {
      const key = this.latestKey(msg.prefix);
      const body = key === null ? null : this.objects.get(key);
      const bytes = jsonLength(body);
      this.stats.gets++;
      this.stats.bytesOut += bytes;
      this.answer(from, { t: 'os-object', req: msg.req, key, body, bytes }, bytes);
    }
  }

  onTimer(): void {
    const now = this.ctx.now();
    while (this.outbox.length > 0 && this.outbox[0]!.dueMs <= now) {
      const { to, reply } = this.outbox.shift()!;
      this.ctx.send(to, reply);
    }
    if (this.outbox.length > 0) this.ctx.setTimer(this.outbox[0]!.dueMs - now, 'transfer');
  }

  private answer(to: string, reply: ObjectStoreReply, bytes: number): void {
    const now = this.ctx.now();
    const dueMs = Math.max(now, this.busyUntilMs) + this.options.requestMs + bytes / this.options.bytesPerMs;
    this.busyUntilMs = dueMs;
    this.outbox.push({ to, reply, dueMs });
    if (this.outbox.length === 1) this.ctx.setTimer(dueMs - now, 'transfer');
  }

  private latestKey(prefix: string): string | null {
    let latest: string | null = null;
    for (const key of this.objects.keys()) if (key.startsWith(prefix) && (latest === null || key > latest)) latest = key;
    return latest;
  }
}
