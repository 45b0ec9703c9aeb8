/**
 * A store that is not faultline's: a primary-backup register written against
 * the sans-IO node contract (src/sim/node.ts) and the client protocol
 * (src/store/protocol.ts), the way a user would plug in their own store. n1 is
 * the primary, n2 its backup; the primary sends its new writes to the backup
 * with each heartbeat, and the backup takes over when heartbeats stop.
 *
 * The bug, on purpose: the primary acknowledges a write as soon as it has
 * applied it, before the backup has it. A crash of the primary in between
 * loses an acknowledged write when the backup takes over.
 */
import fc from 'fast-check';
import { requireInteger } from '../../src/config/config-error.js';
import type { NodeContext, SimNode } from '../../src/sim/node.js';
import type { ReplicaState, StoreDefinition } from '../../src/store/definition.js';
import type { ModeDefinition } from '../../src/store/mode-definition.js';
import type { ClientReply, ClientRequest } from '../../src/store/protocol.js';

export interface PrimaryBackupSettings {
  /** How often the primary sends its new writes (and so a heartbeat) to the backup, in ms. */
  syncIntervalMs: number;
  /** How long the backup waits without a heartbeat before it takes over, in ms. */
  failoverAfterMs: number;
}

type Message = ClientRequest | ClientReply | { kind: 'sync'; writes: [string, unknown][] };

const NODES = ['n1', 'n2'];

/** One node of the register: its role, its data, and the writes the backup has not been sent yet. */
class PrimaryBackupNode implements SimNode<Message> {
  readonly data = new Map<string, unknown>();
  role: 'primary' | 'backup';
  private primary: string;
  private unsent: [string, unknown][] = [];

  constructor(private readonly ctx: NodeContext<Message>, private readonly settings: PrimaryBackupSettings) {
    // A node that ran before (its disk says so) comes back from a crash as a backup.
    const ranBefore = ctx.disk.read().length > 0;
    this.role = ctx.id === NODES[0] && !ranBefore ? 'primary' : 'backup';
    this.primary = this.role === 'primary' ? ctx.id : NODES.find((id) => id !== ctx.id)!;
  }

  start(): void {
    if (this.ctx.disk.read().length === 0) {
      this.ctx.disk.append({ started: true });
      this.ctx.disk.fsync();
    }
    if (this.role === 'primary') this.ctx.setTimer(this.settings.syncIntervalMs, 'sync');
    else this.ctx.setTimer(this.settings.failoverAfterMs, 'failover');
  }

  onMessage(from: string, msg: Message): void {
    if (msg.kind === 'client-request') return this.serve(from, msg);
    if (msg.kind !== 'sync' || this.role !== 'backup') return;
    for (const [key, value] of msg.writes) this.data.set(key, value);
    this.primary = from;
    this.ctx.setTimer(this.settings.failoverAfterMs, 'failover');
  }

  onTimer(name: string): void {
    if (name === 'failover' && this.role === 'backup') {
      this.role = 'primary';
      this.primary = this.ctx.id;
      this.ctx.trace('promoted');
    }
    if (this.role !== 'primary') return;
    for (const peer of this.ctx.peers) this.ctx.send(peer, { kind: 'sync', writes: this.unsent });
    this.unsent = [];
    this.ctx.setTimer(this.settings.syncIntervalMs, 'sync');
  }

  private serve(client: string, request: ClientRequest): void {
    const reply = (fields: Omit<ClientReply, 'kind' | 'requestId'>) =>
      this.ctx.send(client, { kind: 'client-reply', requestId: request.requestId, ...fields });
    if (this.role !== 'primary') return reply({ outcome: 'redirect', leader: this.primary });
    const key = String(request.key);
    const before = this.data.get(key) ?? null;
    switch (request.f) {
      case 'read':
        return reply({ outcome: 'ok', value: before });
      case 'write':
        return this.write(key, request.value, () => reply({ outcome: 'ok', value: request.value }));
      case 'sadd': {
        const set = (before ?? []) as number[];
        const after = set.includes(request.value as number) ? set : [...set, request.value as number].sort((a, b) => a - b);
        return this.write(key, after, () => reply({ outcome: 'ok', value: request.value }));
      }
      default:
        return reply({ outcome: 'fail', error: 'unknown-verb' });
    }
  }

  /** The bug: acknowledged here, sent to the backup only with the next heartbeat. */
  private write(key: string, value: unknown, acknowledge: () => void): void {
    this.data.set(key, value);
    this.unsent.push([key, value]);
    acknowledge();
  }
}

function primaryBackupStore(settings: PrimaryBackupSettings): StoreDefinition<Message> {
  return {
    nodeIds: NODES,
    entryPoints: NODES,
    factory: (ctx) => new PrimaryBackupNode(ctx, settings),
    replicaState: (node) => {
      const state: ReplicaState = {};
      for (const [key, value] of [...(node as PrimaryBackupNode).data].sort(([a], [b]) => (a < b ? -1 : 1))) state[key] = { values: [value] };
      return state;
    },
    currentLeaders: (node) => NODES.filter((id) => (node(id) as PrimaryBackupNode | undefined)?.role === 'primary'),
  };
}

/** The register as a store mode: `{ mode: 'primary-backup', primaryBackup: { syncIntervalMs, failoverAfterMs } }`. */
export const primaryBackupMode: ModeDefinition<PrimaryBackupSettings, 'primary-backup', 'primaryBackup'> = {
  name: 'primary-backup',
  field: 'primaryBackup',
  defaults: () => ({ syncIntervalMs: 30, failoverAfterMs: 150 }),
  validate(value, path) {
    const settings = { ...primaryBackupMode.defaults(), ...(value as Partial<PrimaryBackupSettings>) };
    requireInteger(`${path}.syncIntervalMs`, settings.syncIntervalMs, 1, 10_000);
    requireInteger(`${path}.failoverAfterMs`, settings.failoverAfterMs, settings.syncIntervalMs + 1, 60_000);
    return settings;
  },
  create: (settings) => primaryBackupStore(settings),
  arbitrary: () =>
    fc.record({ syncIntervalMs: fc.integer({ min: 5, max: 60 }), extraMs: fc.integer({ min: 1, max: 300 }) })
      .map(({ syncIntervalMs, extraMs }) => ({ syncIntervalMs, failoverAfterMs: syncIntervalMs + extraMs })),
};
