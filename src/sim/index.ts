/**
 * The deterministic simulator: a virtual clock, one seeded generator, a faulty
 * network, disks and clocks per node, and the World that hosts nodes.
 */
export { World } from './world.js';
export type { WorldOptions, NetworkOptions, NodeKind, NodeState, LinkRef, ScheduledEvent } from './world.js';
export type { LatencyDistribution } from './latency.js';
export { DEFAULT_LATENCY_MS, linkDefaults } from './world-options.js';
export { sampleLatencyMs, validateLatency } from './latency.js';
export type { LinkConfig, LinkStats } from './link.js';
export { NetworkStats } from './network.js';
export { Trace, TRACE_KINDS, type CustomTraceEvent, type TraceDetailArgs, type TraceEvent, type TraceEventMap, type TraceKind, type TraceOptions } from './trace.js';
export { formatTrace, formatTraceEvent } from './format-trace.js';
export { SimRandom } from './rng.js';
export { NodeClock } from './clock.js';
export { SimDisk } from './disk.js';
export { JsonCopier, copyJson } from './json-copy.js';
export { jsonLength } from './json-length.js';
export { deepFreeze, defaultImmutableDataMode, type ImmutableDataMode } from './immutable-data.js';
export { ChurnTable } from './churn-table.js';
export { DiskFullError, type Disk, type NodeContext, type NodeFactory, type SimNode } from './node.js';
export { objectStoreNode, ObjectStoreStats, type ObjectStoreOptions, type ObjectStoreReply, type ObjectStoreRequest } from './object-store.js';
