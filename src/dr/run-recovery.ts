import { planFault } from '../nemesis/plan.js';
import { WorldEffects } from '../nemesis/world-effects.js';
import { objectStoreNode, ObjectStoreStats } from '../sim/object-store.js';
import type { NodeFactory } from '../sim/node.js';
import { World } from '../sim/world.js';
import { linkDefaults } from '../sim/world-options.js';
import type { LinkRef } from '../sim/network.js';
import { ReplicationStats } from './data-config.js';
import { DataNode } from './data-node.js';
import { Monitor } from './monitor.js';
import type { RecoverySetup, RecoveryTiming } from './setup.js';
import { Writer, type AckedWrite } from './writer.js';

/**
 * What one run measured. `rtoMs`: from the (first) failure to the first
 * acknowledged write after it from a node that survived, null when none came
 * before the run ended. `rpoWrites`: acknowledged writes that no serving node
 * holds at the end (acks still on the wire at the failure count too); `rpoMs`: how far back the oldest of them was acknowledged
 * (0 when none is lost); both null when nothing serves at the end. Costs:
 * data nodes running (node-seconds, until the end or their loss), bytes sent
 * for replication and snapshots, and the part of them that crossed regions.
 *
 * @example
 * runRecovery(drStrategy('active-active', RECOVERY_TIMING), 7, RECOVERY_TIMING).rtoMs;
 */
export interface RecoveryMeasure {
  failAtMs: number;
  rtoMs: number | null;
  rpoWrites: number | null;
  rpoMs: number | null;
  nodeSeconds: number;
  bytesReplicated: number;
  bytesShipped: number;
}

const MONITOR = 'm';
const EDGE = 'edge';

/**
 * Runs one setup on a fresh world with `seed`: writers write, the failure
 * destroys the setup's `loss` groups (one `region-loss` fault each, through
 * the nemesis), the monitor fails over, and the run is measured.
 *
 * @example
 * const measure = runRecovery(drStrategy('pilot-light', RECOVERY_TIMING), 1, RECOVERY_TIMING);
 */
export function runRecovery(setup: RecoverySetup, seed: number, timing: RecoveryTiming): RecoveryMeasure {
  const world = new World({ seed, network: { latencyMs: { kind: 'uniform', min: 1, max: 5 }, countBytes: false }, trace: { enabled: false } });
  const regions = new Map<string, string>();
  const startedMs = new Map<string, number>();
  const lostMs = new Map<string, number>();
  const stats = new ReplicationStats();
  const acks: AckedWrite[] = [];
  const writers = setup.writers.map((_, i) => `c${i + 1}`);

  const addNode = <M>(id: string, region: string, factory: NodeFactory<M>, kind: 'store' | 'client' = 'store') => {
    world.addNode(id, factory, { kind });
    regions.set(id, region);
    const links: LinkRef[] = [];
    for (const [other, otherRegion] of regions) if (otherRegion !== region) links.push([id, other], [other, id]);
    if (links.length > 0) world.addLatency(timing.interRegionMs, links);
  };
  const addData = (id: string) => {
    const spec = setup.nodes.find((node) => node.id === id)!;
    addNode(id, spec.region, (ctx) => new DataNode(ctx, spec.config, stats));
    startedMs.set(id, world.now());
  };

  if (setup.objectStore !== undefined) addNode(setup.objectStore.id, setup.objectStore.region, objectStoreNode(timing.objectStore, new ObjectStoreStats()));
  for (const spec of setup.nodes) if (spec.provisioned !== true) addData(spec.id);
  const controlPlane = { provision: (id: string) => void world.schedule(world.now() + timing.bootMs, `provision ${id}`, () => addData(id)) };
  const monitorConfig = { serving: setup.serving, successors: setup.successors, clients: writers, pingEveryMs: timing.pingEveryMs, detectMs: timing.detectMs };
  addNode(MONITOR, EDGE, (ctx) => new Monitor(ctx, monitorConfig, controlPlane), 'client');
  setup.writers.forEach((serving, i) => {
    const config = { serving, writeEveryMs: timing.writeEveryMs, timeoutMs: timing.clientTimeoutMs, keys: timing.keys, idBase: (i + 1) * 1_000_000 };
    addNode(writers[i]!, EDGE, (ctx) => new Writer(ctx, config, acks), 'client');
  });

  const failAtMs = timing.failAtMs + Math.floor(world.random() * timing.failJitterMs);
  scheduleLosses(world, setup.loss, failAtMs, setup.lossSpacingMs ?? 0, lostMs);
  const endMs = failAtMs + timing.afterMs;
  world.runUntil(endMs);
  return measure(world, setup, { acks, failAtMs, endMs, startedMs, lostMs, stats, regions });
}

/**
 * Destroys each group of `groups` with one region-loss fault, planned and
 * applied by the nemesis, the first at `failAtMs` and each next one
 * `spacingMs` later; records when each node was lost in `lostMs`.
 *
 * @example
 * scheduleLosses(world, [['p', 'a2']], 3000, 0, lostMs);
 */
export function scheduleLosses(world: World, groups: readonly string[][], failAtMs: number, spacingMs: number, lostMs: Map<string, number>): void {
  const effects = new WorldEffects(world, noDiscovery, linkDefaults());
  groups.forEach((targets, i) => {
    const atMs = failAtMs + i * spacingMs;
    world.schedule(atMs, `region-loss ${targets.join(',')}`, () => {
      const fault = { kind: 'region-loss' as const, atMs, durationMs: 0, targets };
      const plan = planFault(fault, { storeNodes: world.nodeIdsOf('store'), allNodes: world.nodeIds, groups: [], leaders: () => [] });
      world.annotate('start-crash', { fault: i, kind: 'region-loss', ...plan.detail });
      for (const effect of plan.effects) effects.apply(i, effect);
      for (const node of targets) if (!lostMs.has(node)) lostMs.set(node, world.now());
    });
  });
}

/** These runs have no discovery service: a fault that reaches for it is a bug in the setup. */
const noDiscovery = {
  failUntil(): void {
    throw new Error('recovery runs have no discovery service');
  },
  heal(): void {
    throw new Error('recovery runs have no discovery service');
  },
};

interface RunFacts {
  acks: AckedWrite[];
  failAtMs: number;
  endMs: number;
  startedMs: Map<string, number>;
  lostMs: Map<string, number>;
  stats: ReplicationStats;
  regions: Map<string, string>;
}

function measure(world: World, setup: RecoverySetup, facts: RunFacts): RecoveryMeasure {
  const { acks, failAtMs, endMs } = facts;
  // An ack still on the wire when its node was destroyed arrives after the failure: it is no recovery.
  const firstAfter = acks.find((ack) => ack.atMs > failAtMs && !facts.lostMs.has(ack.origin));
  const held = heldBySurvivors(world, setup);
  let rpoWrites: number | null = null;
  let rpoMs: number | null = null;
  if (held !== undefined) {
    const lost = acks.filter((ack) => (held[ack.origin] ?? 0) < ack.index);
    rpoWrites = lost.length;
    rpoMs = lost.length === 0 ? 0 : Math.max(0, failAtMs - Math.min(...lost.map((ack) => ack.atMs)));
  }
  let nodeMs = 0;
  for (const [id, fromMs] of facts.startedMs) nodeMs += (facts.lostMs.get(id) ?? endMs) - fromMs;
  let bytesReplicated = 0;
  let bytesShipped = 0;
  for (const [link, bytes] of facts.stats.bytes) {
    const [from, to] = link.split('->') as [string, string];
    bytesReplicated += bytes;
    if (facts.regions.get(from) !== facts.regions.get(to)) bytesShipped += bytes;
  }
  return {
    failAtMs,
    rtoMs: firstAfter === undefined ? null : firstAfter.atMs - failAtMs,
    rpoWrites,
    rpoMs,
    nodeSeconds: nodeMs / 1000,
    bytesReplicated,
    bytesShipped,
  };
}

/** Per origin, the furthest any surviving serving node holds its log; undefined when none serves. */
function heldBySurvivors(world: World, setup: RecoverySetup): Record<string, number> | undefined {
  let held: Record<string, number> | undefined;
  for (const spec of setup.nodes) {
    const node = world.nodeIds.includes(spec.id) && !world.isDestroyed(spec.id) ? world.node<DataNode>(spec.id) : undefined;
    if (node === undefined || !node.isServing) continue;
    held ??= {};
    for (const [origin, index] of Object.entries(node.watermark)) held[origin] = Math.max(held[origin] ?? 0, index);
  }
  return held;
}
