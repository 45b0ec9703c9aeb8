import { kvModel } from '../models/kv.js';
import type { Model } from '../models/model.js';
import type { SimRandom } from '../sim/rng.js';
import { errorReply, type Body } from './protocol.js';

/**
 * The services nodes may call, by node id, with the consistency each claims:
 * `lin-kv` (linearizable), `seq-kv` (sequentially consistent), `lww-kv`
 * (last write wins across independent replicas: deliberately weak), `lin-tso`
 * (strictly increasing timestamps).
 *
 * @example
 * SERVICE_NAMES.includes('lin-tso'); // true
 */
export const SERVICE_NAMES = ['lin-kv', 'seq-kv', 'lww-kv', 'lin-tso'] as const;

/** A service answers each request it receives with one reply body (or none). */
export interface Service {
  handle(src: string, body: Body, nowMs: number): Body | undefined;
}

/**
 * One key-value state, stepped through faultline's kv model: the model that
 * judges lin-kv histories is the one that serves them, so a cas succeeds
 * exactly when the model allows it.
 */
class KvState {
  readonly values = new Map<string, unknown>();

  constructor(private readonly model: Model<unknown>) {}

  /** The reply to a read, write or cas applied to this state now. */
  apply(body: Body): Body {
    const key = keyOf(body.key);
    const reply = (type: string, extra: Record<string, unknown> = {}): Body => ({ type, in_reply_to: body.msg_id, ...extra });
    switch (body.type) {
      case 'read': {
        if (!this.values.has(key)) return errorReply(body.msg_id, 20, `key ${key} does not exist`);
        return reply('read_ok', { value: this.values.get(key) });
      }
      case 'write': {
        this.values.set(key, this.step(this.current(key), { f: 'write', key, value: body.value ?? null })!);
        return reply('write_ok');
      }
      case 'cas': {
        const exists = this.values.has(key);
        if (!exists && body.create_if_not_exists !== true) return errorReply(body.msg_id, 20, `key ${key} does not exist`);
        // Creating a key: the precondition is about a value that is not there, so it holds.
        const current = exists ? this.values.get(key) : (body.from ?? null);
        const next = this.step(current, { f: 'cas', key, value: [body.from ?? null, body.to ?? null] });
        if (next === undefined) return errorReply(body.msg_id, 22, `expected ${JSON.stringify(body.from)}, but had ${JSON.stringify(current)}`);
        this.values.set(key, next);
        return reply('cas_ok');
      }
      default:
        return errorReply(body.msg_id, 10, `unsupported request type ${JSON.stringify(body.type)}`);
    }
  }

  private current(key: string): unknown {
    return this.values.has(key) ? this.values.get(key) : null;
  }

  /** The state after one op through the model, or undefined when the model refuses it. */
  private step(state: unknown, input: { f: string; key: string; value: unknown }): unknown {
    const states = this.model.step(state, input, { known: true, value: input.value });
    return states.length === 0 ? undefined : states[0];
  }
}

function keyOf(key: unknown): string {
  return typeof key === 'string' ? key : JSON.stringify(key ?? null);
}

/**
 * `lin-kv`: one state, every request applied atomically on arrival: linearizable.
 *
 * @example
 * new LinKvService().handle('n1', { type: 'write', msg_id: 1, key: 'x', value: 1 }, 0); // { type: 'write_ok', in_reply_to: 1 }
 */
export class LinKvService implements Service {
  private readonly state = new KvState(kvModel());

  handle(_src: string, body: Body): Body {
    return this.state.apply(body);
  }
}

/**
 * `seq-kv`: a log of states; writes go to the newest, reads may see an older
 * one but never one older than the last their caller saw or made. Every caller
 * moves forward through one total order: sequentially consistent, not
 * linearizable (a read may miss a write that completed before it began).
 *
 * @example
 * new SeqKvService(rng).handle('n1', { type: 'read', msg_id: 2, key: 'x' }, 0);
 */
export class SeqKvService implements Service {
  /** Each version: the values after one write or cas. Oldest first; only the last few are kept. */
  private readonly versions: Map<string, unknown>[] = [new Map()];
  private base = 0;
  private readonly seen = new Map<string, number>();
  private readonly model = kvModel();

  constructor(private readonly rng: SimRandom) {}

  handle(src: string, body: Body): Body {
    const latest = this.base + this.versions.length - 1;
    const floor = Math.max(this.seen.get(src) ?? 0, this.base);
    if (body.type === 'read') {
      const at = floor + Math.floor(this.rng.next() * (latest - floor + 1));
      this.seen.set(src, at);
      const state = new KvState(this.model);
      for (const [key, value] of this.versions[at - this.base]!) state.values.set(key, value);
      return state.apply(body);
    }
    const state = new KvState(this.model);
    for (const [key, value] of this.versions[this.versions.length - 1]!) state.values.set(key, value);
    const reply = state.apply(body);
    if (reply.type !== 'error') {
      this.versions.push(state.values);
      if (this.versions.length > 32) {
        this.versions.shift();
        this.base++;
      }
    }
    this.seen.set(src, this.base + this.versions.length - 1);
    return reply;
  }
}

/**
 * `lww-kv`: three independent replicas, each request served by a random one;
 * a write carries a timestamp and replicas merge by last-write-wins when they
 * gossip (every request, with probability 1/4). Reads can be stale and a cas can
 * succeed against an old value: deliberately weak, as Maelstrom's is.
 *
 * @example
 * new LwwKvService(rng).handle('n1', { type: 'write', msg_id: 3, key: 'x', value: 2 }, 10);
 */
export class LwwKvService implements Service {
  private readonly replicas = Array.from({ length: 3 }, () => new Map<string, { value: unknown; ts: number }>());
  private clock = 0;
  private readonly model = kvModel();

  constructor(private readonly rng: SimRandom) {}

  handle(_src: string, body: Body): Body {
    if (this.rng.chance(0.25)) this.gossip();
    const replica = this.replicas[Math.floor(this.rng.next() * this.replicas.length)]!;
    const state = new KvState(this.model);
    for (const [key, entry] of replica) state.values.set(key, entry.value);
    const reply = state.apply(body);
    if (reply.type !== 'error' && body.type !== 'read') {
      const key = keyOf(body.key);
      replica.set(key, { value: state.values.get(key), ts: ++this.clock });
    }
    return reply;
  }

  private gossip(): void {
    const merged = new Map<string, { value: unknown; ts: number }>();
    const [a, b] = [this.rng.int(0, 2), this.rng.int(0, 2)];
    for (const replica of [this.replicas[a]!, this.replicas[b]!]) {
      for (const [key, entry] of replica) if ((merged.get(key)?.ts ?? -1) < entry.ts) merged.set(key, entry);
    }
    for (const replica of [this.replicas[a]!, this.replicas[b]!]) for (const [key, entry] of merged) replica.set(key, entry);
  }
}

/**
 * `lin-tso`: a timestamp oracle; `ts` -> `ts_ok` with a strictly increasing `ts`.
 *
 * @example
 * const tso = new TsoService();
 * tso.handle('n1', { type: 'ts', msg_id: 1 }); // { type: 'ts_ok', in_reply_to: 1, ts: 1 }
 */
export class TsoService implements Service {
  private last = 0;

  handle(_src: string, body: Body): Body {
    if (body.type !== 'ts') return errorReply(body.msg_id, 10, `unsupported request type ${JSON.stringify(body.type)}`);
    return { type: 'ts_ok', in_reply_to: body.msg_id, ts: ++this.last };
  }
}

/**
 * The four services, by node id.
 *
 * @example
 * createServices(rng)['lin-tso']!.handle('n1', { type: 'ts', msg_id: 1 }, 0);
 */
export function createServices(rng: SimRandom): Record<(typeof SERVICE_NAMES)[number], Service> {
  return { 'lin-kv': new LinKvService(), 'seq-kv': new SeqKvService(rng), 'lww-kv': new LwwKvService(rng), 'lin-tso': new TsoService() };
}
