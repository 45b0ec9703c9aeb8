import { World } from '../sim/world.js';
import { HashRing } from '../store/shared/hash-ring.js';
import { leaderlessStore } from '../store/leaderless/store.js';
import type { RecoveryMeasure } from './run-recovery.js';
import { scheduleLosses } from './run-recovery.js';
import { StoreWriter, type StoreAck } from './store-writer.js';

/**
 * An N+k level: `spares` spare nodes beside the members, and how many members
 * the run destroys (`failures`, `secondFailureAfterMs` apart).
 *
 * @example
 * const level: SparesLevel = { spares: 2, failures: 2 };
 */
export interface SparesLevel {
  spares: number;
  failures: number;
}

/**
 * The numbers of the N+k runs.
 *
 * @example
 * SPARES_TIMING.members; // 4
 */
export interface SparesTiming {
  /** Ring members (the leaderless store's `nodes`). */
  members: number;
  /** Copies of each key (N); writes need every one of them (W = N). */
  replicas: number;
  /** Tokens per member on the ring. */
  vnodes: number;
  writeEveryMs: number;
  clientTimeoutMs: number;
  /** The spares' heartbeat period and the silence after which they declare a member dead. */
  pingEveryMs: number;
  detectMs: number;
  /** Writes before the first failure, so ranges hold data to move. */
  failAtMs: number;
  failJitterMs: number;
  /** Between the first and the second failure. */
  secondFailureAfterMs: number;
  afterMs: number;
}

/**
 * Four members, 4 tokens each (16 ranges), each key held twice and written to
 * both copies; spares ping every 50 ms and declare a member dead after 300 ms.
 *
 * @example
 * runSpares({ spares: 1, failures: 2 }, 1, SPARES_TIMING);
 */
export const SPARES_TIMING: SparesTiming = {
  members: 4,
  replicas: 2,
  vnodes: 4,
  writeEveryMs: 5,
  clientTimeoutMs: 100,
  pingEveryMs: 50,
  detectMs: 300,
  failAtMs: 3000,
  failJitterMs: 1000,
  secondFailureAfterMs: 2000,
  afterMs: 8000,
};

/**
 * The name of a level as the tables print it.
 *
 * @example
 * sparesLevelName({ spares: 1, failures: 2 }); // 'N+1, 2 failures'
 */
export function sparesLevelName(level: SparesLevel): string {
  return `N+${level.spares}, ${level.failures} failure${level.failures === 1 ? '' : 's'}`;
}

/**
 * Runs one N+k level on the leaderless store with its `spares` setting: a
 * writer writes fresh keys, members are destroyed with their disks (drawn from
 * the seed), and the spares take their tokens over and pull their data from the
 * surviving copies. Measures as {@link runRecovery}, with RTO the time from each
 * failure to the first acknowledged write, sent after it, of a key the lost member held (the
 * longest over the failures; null when one never got one), RPO the acknowledged
 * writes no surviving node holds at the end, and the bytes moved to spares as
 * the transfer pages they received.
 *
 * @example
 * runSpares({ spares: 1, failures: 2 }, 1, SPARES_TIMING).rtoMs; // null: no spare for the second failure
 */
export function runSpares(level: SparesLevel, seed: number, timing: SparesTiming): RecoveryMeasure {
  const world = new World({ seed, network: { latencyMs: { kind: 'uniform', min: 1, max: 5 }, countBytes: false }, trace: { messages: false } });
  const settings = {
    nodes: timing.members, n: timing.replicas, w: timing.replicas, r: 1, vnodes: timing.vnodes,
    spares: level.spares, spareHeartbeatMs: timing.pingEveryMs, spareDeclareAfterMs: timing.detectMs,
  };
  const store = leaderlessStore(settings);
  for (const id of store.nodeIds) world.addNode(id, store.factory, { kind: 'store' });
  const acks: StoreAck[] = [];
  const writer = { nodes: store.entryPoints, writeEveryMs: timing.writeEveryMs, timeoutMs: timing.clientTimeoutMs, prefix: 'c1-' };
  world.addNode('c1', (ctx) => new StoreWriter(ctx, writer, acks), { kind: 'client' });

  const failAtMs = timing.failAtMs + Math.floor(world.random() * timing.failJitterMs);
  const candidates = [...store.entryPoints];
  const victims: string[] = [];
  for (let i = 0; i < level.failures; i++) victims.push(candidates.splice(Math.floor(world.random() * candidates.length), 1)[0]!);
  const lostMs = new Map<string, number>();
  scheduleLosses(world, victims.map((victim) => [victim]), failAtMs, timing.secondFailureAfterMs, lostMs);
  const endMs = failAtMs + timing.afterMs;
  world.runUntil(endMs);

  const ring = new HashRing(store.entryPoints, timing.vnodes);
  const rtos = victims.map((victim, i) => {
    const atMs = failAtMs + i * timing.secondFailureAfterMs;
    // An attempt sent before the loss may have reached both copies already: it proves nothing.
    const first = acks.find((ack) => ack.sentAtMs > atMs && ring.preferenceList(ack.key, timing.replicas).includes(victim));
    return first === undefined ? null : first.atMs - atMs;
  });
  const held = new Set<string>();
  for (const id of store.nodeIds) {
    const node = world.isDestroyed(id) ? undefined : world.node(id);
    if (node !== undefined) for (const key of Object.keys(store.replicaState(node))) held.add(key);
  }
  const lost = acks.filter((ack) => !held.has(ack.key));
  let nodeMs = 0;
  for (const id of store.nodeIds) nodeMs += lostMs.get(id) ?? endMs;
  let moved = 0;
  for (const event of world.trace.events) {
    if (event.kind === 'custom' && event.name === 'transfer-complete') moved += (JSON.parse(event.detail!) as { bytes: number }).bytes;
  }
  return {
    failAtMs,
    rtoMs: rtos.some((rto) => rto === null) ? null : Math.max(...(rtos as number[])),
    rpoWrites: lost.length,
    rpoMs: lost.length === 0 ? 0 : Math.max(0, failAtMs - Math.min(...lost.map((ack) => ack.atMs))),
    nodeSeconds: nodeMs / 1000,
    bytesReplicated: moved,
    bytesShipped: moved,
  };
}
