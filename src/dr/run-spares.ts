import { World } from '../sim/world.js';
import { RingMonitor } from './ring-monitor.js';
import { RingNode } from './ring-node.js';
import { RingWriter, type RingAck } from './ring-writer.js';
import { ringOwners, type SparesTiming } from './ring.js';
import type { RecoveryMeasure } from './run-recovery.js';
import { scheduleLosses } from './run-recovery.js';

/**
 * An N+k level: `spares` idle nodes beside the active ones, and how many
 * active nodes the run destroys (`failures`, `secondFailureAfterMs` apart).
 *
 * @example
 * const level: SparesLevel = { spares: 2, failures: 2 };
 */
export interface SparesLevel {
  spares: number;
  failures: number;
}

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
 * Runs one N+k level: a leaderless ring of active nodes holding each range
 * twice, spares, a monitor that hands a failed node's ranges to a spare (which
 * copies them from the surviving owner), and a writer. The failed nodes are
 * drawn from the seed. Measures as {@link runRecovery}, with RTO the time from
 * each failure until every range the lost node held took a write again (the
 * longest of them; null when some range never did), and the bytes moved to
 * spares as the bytes shipped.
 *
 * @example
 * runSpares({ spares: 1, failures: 2 }, 1, SPARES_TIMING).rtoMs; // null: no spare for the second failure
 */
export function runSpares(level: SparesLevel, seed: number, timing: SparesTiming): RecoveryMeasure {
  const world = new World({ seed, network: { latencyMs: { kind: 'uniform', min: 1, max: 5 }, countBytes: false }, trace: { enabled: false } });
  const active = Array.from({ length: timing.activeNodes }, (_, i) => `n${i + 1}`);
  const spares = Array.from({ length: level.spares }, (_, i) => `s${i + 1}`);
  const owners = ringOwners(active, timing.ranges, timing.replicas);
  const moved = { bytes: 0 };
  const acks: RingAck[] = [];
  for (const id of [...active, ...spares]) world.addNode(id, (ctx) => new RingNode(ctx, 'm', timing.ranges, timing.transfer, moved));
  world.addNode('m', (ctx) => new RingMonitor(ctx, owners, spares, ['c1'], timing.pingEveryMs, timing.detectMs), { kind: 'client' });
  world.addNode('c1', (ctx) => new RingWriter(ctx, owners, timing.ranges, timing.keys, timing.writeEveryMs, timing.clientTimeoutMs, acks), { kind: 'client' });

  const failAtMs = timing.failAtMs + Math.floor(world.random() * timing.failJitterMs);
  const victims: string[] = [];
  const candidates = [...active];
  for (let i = 0; i < level.failures; i++) victims.push(candidates.splice(Math.floor(world.random() * candidates.length), 1)[0]!);
  const lostMs = new Map<string, number>();
  scheduleLosses(world, victims.map((victim) => [victim]), failAtMs, timing.secondFailureAfterMs, lostMs);
  const endMs = failAtMs + timing.afterMs;
  world.runUntil(endMs);

  const rtos = victims.map((victim, i) => {
    const atMs = failAtMs + i * timing.secondFailureAfterMs;
    const ranges = owners.flatMap((list, range) => (list.includes(victim) ? [range] : []));
    const firsts = ranges.map((range) => acks.find((ack) => ack.range === range && ack.atMs > atMs)?.atMs);
    return firsts.some((at) => at === undefined) ? null : Math.max(...(firsts as number[])) - atMs;
  });
  const lost = acks.filter((ack) => ![...active, ...spares].some((id) => !world.isDestroyed(id) && (world.node<RingNode>(id)?.holding(ack.key)?.id ?? 0) >= ack.id));
  let nodeMs = 0;
  for (const id of [...active, ...spares]) nodeMs += (lostMs.get(id) ?? endMs) - 0;
  return {
    failAtMs,
    rtoMs: rtos.some((rto) => rto === null) ? null : Math.max(...(rtos as number[])),
    rpoWrites: lost.length,
    rpoMs: lost.length === 0 ? 0 : Math.max(0, failAtMs - Math.min(...lost.map((ack) => ack.atMs))),
    nodeSeconds: nodeMs / 1000,
    bytesReplicated: moved.bytes,
    bytesShipped: moved.bytes,
  };
}

