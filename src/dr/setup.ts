import type { ObjectStoreOptions } from '../sim/object-store.js';
import type { DataNodeConfig } from './data-config.js';
import type { Successor } from './monitor.js';

/**
 * One data node of a setup, in a region. `provisioned`: not running until the
 * control plane starts it at failover (it costs nothing before).
 */
export interface NodeSpec {
  id: string;
  region: string;
  config: DataNodeConfig;
  provisioned?: boolean;
}

/**
 * A redundancy or recovery setup as plain data: the data nodes and their
 * roles, an object store, who takes over, where the clients write, and which
 * nodes the failure destroys (one `region-loss` fault, or several at
 * `lossSpacingMs` from each other for the N+k levels).
 *
 * @example
 * drStrategy('pilot-light', RECOVERY_TIMING).loss; // [['p', 'a2']]
 */
export interface RecoverySetup {
  name: string;
  nodes: NodeSpec[];
  objectStore?: { id: string; region: string };
  successors: Successor[];
  /** The nodes serving at the start; writer i starts with `writers[i]` as its route. */
  serving: string[];
  writers: string[][];
  /** The groups destroyed, in order, each by one region-loss fault. */
  loss: string[][];
  /** Time between two losses (default 0: together). */
  lossSpacingMs?: number;
}

/**
 * The numbers every setup shares, so the runs differ only in their mechanism.
 *
 * @example
 * RECOVERY_TIMING.detectMs; // 300
 */
export interface RecoveryTiming {
  /** One-way latency added between nodes of different regions. */
  interRegionMs: number;
  writeEveryMs: number;
  clientTimeoutMs: number;
  pingEveryMs: number;
  detectMs: number;
  snapshotEveryMs: number;
  /** Period of asynchronous, batched log shipping. */
  shipEveryMs: number;
  /** Period at which a batched standby applies what it stored. */
  applyEveryMs: number;
  replayMsPerEntry: number;
  /** Time for a machine to start, or for a pilot light's serving tier to come up. */
  bootMs: number;
  objectStore: ObjectStoreOptions;
  keys: number;
  /** The (first) failure strikes in [failAtMs, failAtMs + failJitterMs). */
  failAtMs: number;
  failJitterMs: number;
  /** The run goes on this long after the first failure. */
  afterMs: number;
}

/**
 * The shared numbers: a LAN inside a region, 20 ms between regions, a client
 * writing every 5 ms, a 300 ms failure detector, snapshots every second, and a
 * blob store at 30 ms per request and 2 MB/s.
 *
 * @example
 * runRecovery(drStrategy('warm-standby', RECOVERY_TIMING), 1, RECOVERY_TIMING);
 */
export const RECOVERY_TIMING: RecoveryTiming = {
  interRegionMs: 20,
  writeEveryMs: 5,
  clientTimeoutMs: 200,
  pingEveryMs: 50,
  detectMs: 300,
  snapshotEveryMs: 1000,
  shipEveryMs: 200,
  applyEveryMs: 1000,
  replayMsPerEntry: 2,
  bootMs: 1500,
  objectStore: { requestMs: 30, bytesPerMs: 2000 },
  keys: 200,
  failAtMs: 3000,
  failJitterMs: 1000,
  afterMs: 8000,
};
