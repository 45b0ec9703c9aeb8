import { World } from '../sim/world.js';
import { SNAPSHOT_STORE_ID, defaultStandby, type StandbyLevel } from '../store/single-leader/config.js';
import { singleLeaderStore } from '../store/single-leader/store.js';
import type { RecoveryMeasure } from './run-recovery.js';
import type { RecoveryTiming } from './setup.js';
import { StoreWriter, type StoreAck } from './store-writer.js';

/** The primary, its standby, and the two writers. */
const PRIMARY = 'n1';
const STANDBY = 'n2';
const WRITERS = ['c1', 'c2'];

/**
 * Runs the single-leader store with a standby of `level` on a fresh world with
 * `seed`: two writers write, the primary's machine is destroyed with its disk
 * at a random time in [failAtMs, failAtMs + failJitterMs), the standby takes
 * over through the store's own failover, and the run is measured:
 * - `rtoMs`: from the loss to the first write the standby acknowledged;
 * - `rpoWrites`: acknowledged writes the standby does not hold at the end, and
 *   `rpoMs` how long before the loss the oldest of them was acknowledged;
 * - `nodeSeconds`: the two store nodes' running time; `bytesReplicated`: bytes
 *   the store nodes sent each other and the object store; `bytesShipped`: the
 *   part that went to the object store (off the machines).
 *
 * @example
 * runStandby('hot', 7, RECOVERY_TIMING).rpoWrites; // 0
 */
export function runStandby(level: StandbyLevel, seed: number, timing: RecoveryTiming): RecoveryMeasure {
  const world = new World({ seed, network: { latencyMs: { kind: 'uniform', min: 1, max: 5 } }, trace: { enabled: false } });
  const store = singleLeaderStore({
    nodes: 1,
    heartbeatIntervalMs: timing.pingEveryMs,
    failureDetector: { kind: 'heartbeat', suspectAfterMs: timing.detectMs / 2, declareAfterMs: timing.detectMs },
    standby: {
      ...defaultStandby(level),
      shipIntervalMs: timing.shipEveryMs,
      applyIntervalMs: timing.applyEveryMs,
      snapshotIntervalMs: timing.snapshotEveryMs,
      replayMsPerEntry: timing.replayMsPerEntry,
      objectStore: timing.objectStore,
    },
  });
  for (const id of store.nodeIds) world.addNode(id, store.factory, { kind: 'store' });
  for (const service of store.services ?? []) world.addNode(service.id, service.factory, { kind: 'service' });
  const acks: StoreAck[] = [];
  for (const id of WRITERS) {
    const config = { nodes: store.nodeIds, writeEveryMs: timing.writeEveryMs, timeoutMs: timing.clientTimeoutMs, prefix: `${id}-` };
    world.addNode(id, (ctx) => new StoreWriter(ctx, config, acks), { kind: 'client' });
  }
  const failAtMs = timing.failAtMs + Math.floor(world.random() * timing.failJitterMs);
  world.schedule(failAtMs, 'loss of the primary', () => void world.destroy(PRIMARY));
  const endMs = failAtMs + timing.afterMs;
  world.runUntil(endMs);

  const firstAfter = acks.find((ack) => ack.atMs > failAtMs && ack.node !== PRIMARY);
  const standby = world.node(STANDBY);
  let rpoWrites: number | null = null;
  let rpoMs: number | null = null;
  if (standby !== undefined && firstAfter !== undefined) {
    const held = store.replicaState(standby);
    const lost = acks.filter((ack) => held[ack.key] === undefined);
    rpoWrites = lost.length;
    rpoMs = lost.length === 0 ? 0 : Math.max(0, failAtMs - Math.min(...lost.map((ack) => ack.atMs)));
  }
  const bytes = (from: string, to: string) => world.stats.link(from, to).bytes;
  const bytesShipped = bytes(PRIMARY, SNAPSHOT_STORE_ID) + bytes(STANDBY, SNAPSHOT_STORE_ID);
  return {
    failAtMs,
    rtoMs: firstAfter === undefined ? null : firstAfter.atMs - failAtMs,
    rpoWrites,
    rpoMs,
    nodeSeconds: (failAtMs + endMs) / 1000,
    bytesReplicated: bytes(PRIMARY, STANDBY) + bytes(STANDBY, PRIMARY) + bytesShipped,
    bytesShipped,
  };
}
