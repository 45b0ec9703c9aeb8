import { randomInt } from 'node:crypto';
import type { NodeContext, SimNode } from '../../sim/node.js';
import { SimRandom } from '../../sim/rng.js';
import type { ClientReply, ClientRequest } from '../../store/protocol.js';
import type { StoreDefinition } from '../../store/definition.js';
import { errorReply, type Body, type Message } from '../protocol.js';
import { FileDisk } from './file-disk.js';

/** Hops a forwarded request may take before the node gives up on finding the leader. */
const MAX_HOPS = 3;

/** A client request the store is working on: who to answer, and the request's msg_id. */
interface PendingRequest {
  client: string;
  msgId: number | undefined;
  f: string;
  body: Body;
  hops: number;
}

/**
 * One of faultline's own store nodes hosted as a Maelstrom node: the same
 * sans-IO node code the simulator runs, with real timers, a file for its disk,
 * and Maelstrom messages for its network. Store messages between nodes travel
 * wrapped in `{type: 'store', msg}`; lin-kv requests become the store's client
 * requests, and a redirect is followed by forwarding the request to the leader,
 * which answers the client itself.
 *
 * @example
 * const host = new StoreNodeHost((config) => createStore(config), (m) => process.stdout.write(`${JSON.stringify(m)}\n`), 'disk.ndjson');
 * host.receive({ src: 'c0', dest: 'n1', body: { type: 'init', msg_id: 1, node_id: 'n1', node_ids: ['n1', 'n2', 'n3'] } });
 */
export class StoreNodeHost {
  private id = '';
  private node: SimNode<unknown> | undefined;
  /** Maelstrom ids to the store's ids and back (by position: n1 is the store's first node). */
  private toStore = new Map<string, string>();
  private toMaelstrom = new Map<string, string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly pending = new Map<string, PendingRequest>();
  private nextRequest = 0;
  private readonly rng = new SimRandom(randomInt(0, 0x7fffffff));

  constructor(
    private readonly build: (nodeCount: number) => StoreDefinition,
    private readonly write: (message: Message) => void,
    private readonly diskFile: string,
  ) {}

  receive(message: Message): void {
    const { body } = message;
    if (body.type === 'init') return this.init(message);
    if (this.node === undefined) return this.reply(message.src, errorReply(body.msg_id, 11, 'not initialised yet'));
    switch (body.type) {
      case 'store': {
        const from = this.toStore.get(message.src);
        const msg = body.msg as { kind?: string; requestId?: string };
        // A client reply that a peer sent back to a request this node forwarded in the store's own protocol.
        if (msg?.kind === 'client-reply') return this.answer(msg as ClientReply);
        if (from !== undefined) this.node.onMessage(from, msg);
        return;
      }
      case 'forward':
        return this.request(String(body.client), body.request as Body, Number(body.hops ?? 0));
      case 'read':
      case 'write':
      case 'cas':
        return this.request(message.src, body, 0);
      default:
        return this.reply(message.src, errorReply(body.msg_id, 10, `unsupported request type ${JSON.stringify(body.type)}`));
    }
  }

  private init(message: Message): void {
    const nodeIds = (message.body.node_ids as string[] | undefined) ?? [];
    this.id = String(message.body.node_id);
    const store = this.build(nodeIds.length);
    if (store.nodeIds.length !== nodeIds.length) {
      return this.reply(message.src, errorReply(message.body.msg_id, 12, `the store config has ${store.nodeIds.length} node(s), the test ${nodeIds.length}`));
    }
    nodeIds.forEach((id, i) => {
      this.toStore.set(id, store.nodeIds[i]!);
      this.toMaelstrom.set(store.nodeIds[i]!, id);
    });
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.node = store.factory(this.context(this.toStore.get(this.id)!, store.nodeIds));
    this.node.start?.();
    this.reply(message.src, { type: 'init_ok', in_reply_to: message.body.msg_id });
  }

  /** A lin-kv request from a client (or forwarded by a peer for one): into the store's protocol. */
  private request(client: string, body: Body, hops: number): void {
    const requestId = `${this.id}-${this.nextRequest++}`;
    this.pending.set(requestId, { client, msgId: body.msg_id, f: body.type, body, hops });
    const request: ClientRequest = {
      kind: 'client-request', requestId, f: body.type, key: keyOf(body.key),
      value: body.type === 'cas' ? [body.from ?? null, body.to ?? null] : body.type === 'write' ? (body.value ?? null) : null,
    };
    this.node!.onMessage(`client:${client}`, request);
  }

  /** The store's reply to a request: a lin-kv reply to the client, or the request forwarded to the leader. */
  private answer(reply: ClientReply): void {
    const pending = this.pending.get(reply.requestId);
    if (pending === undefined) return;
    this.pending.delete(reply.requestId);
    const { client, msgId, f } = pending;
    if (reply.outcome === 'ok') {
      if (f === 'read') {
        const value = reply.value ?? null;
        return this.reply(client, value === null ? errorReply(msgId, 20, 'key does not exist') : { type: 'read_ok', in_reply_to: msgId, value });
      }
      return this.reply(client, { type: `${f}_ok`, in_reply_to: msgId });
    }
    if (reply.outcome === 'redirect') {
      const leader = reply.leader === undefined ? undefined : this.toMaelstrom.get(reply.leader);
      if (leader === undefined || leader === this.id || pending.hops >= MAX_HOPS) return this.reply(client, errorReply(msgId, 11, 'no leader known'));
      return this.write({ src: this.id, dest: leader, body: { type: 'forward', client, request: pending.body, hops: pending.hops + 1 } });
    }
    if (reply.outcome === 'fail') {
      const code = reply.error === 'cas-mismatch' ? 22 : 11;
      return this.reply(client, errorReply(msgId, code, reply.error ?? 'failed'));
    }
    // 'error': the store does not know whether the op took effect.
    this.reply(client, errorReply(msgId, reply.error === 'timeout' ? 0 : 13, reply.error ?? 'indeterminate'));
  }

  private reply(dest: string, body: Body): void {
    this.write({ src: this.id, dest, body });
  }

  private context(id: string, storeIds: readonly string[]): NodeContext<unknown> {
    const disk = new FileDisk(this.diskFile);
    return {
      id,
      peers: storeIds.filter((other) => other !== id),
      now: () => performance.timeOrigin + performance.now(),
      send: (to, msg) => {
        const dest = this.toMaelstrom.get(to);
        if (dest !== undefined) return this.write({ src: this.id, dest, body: { type: 'store', msg } });
        if (to.startsWith('client:')) this.answer(msg as ClientReply);
      },
      setTimer: (afterMs, name) => {
        clearTimeout(this.timers.get(name));
        this.timers.set(name, setTimeout(() => {
          this.timers.delete(name);
          this.node?.onTimer(name);
        }, Math.max(0, afterMs)));
      },
      cancelTimer: (name) => {
        clearTimeout(this.timers.get(name));
        this.timers.delete(name);
      },
      disk,
      random: () => this.rng.next(),
      trace: () => {},
    };
  }
}

function keyOf(key: unknown): string | number | undefined {
  return typeof key === 'string' || typeof key === 'number' ? key : key === undefined ? undefined : JSON.stringify(key);
}
