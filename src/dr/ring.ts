import type { ObjectStoreOptions } from '../sim/object-store.js';

/**
 * A ring of `ranges` key ranges over the active nodes, each range held by
 * `replicas` consecutive nodes (as a consistent-hash ring with vnodes): range r
 * on nodes r, r + 1, ... (mod the node count). Spares hold nothing until they
 * take over a failed node's ranges.
 *
 * @example
 * ringOwners(['n1', 'n2', 'n3'], 4, 2); // [['n1','n2'], ['n2','n3'], ['n3','n1'], ['n1','n2']]
 */
export function ringOwners(nodes: readonly string[], ranges: number, replicas: number): string[][] {
  return Array.from({ length: ranges }, (_, r) => Array.from({ length: replicas }, (_, i) => nodes[(r + i) % nodes.length]!));
}

/**
 * The range a key falls in. Keys are `k<number>`; the ring spreads them by number.
 *
 * @example
 * rangeOf('k17', 16); // 1
 */
export function rangeOf(key: string, ranges: number): number {
  return Number(key.slice(1)) % ranges;
}

/** Messages of the ring setups. */
export type RingMessage =
  | { t: 'rput'; id: number; key: string; value: number }
  | { t: 'rput-ok'; id: number }
  | { t: 'ping' }
  | { t: 'pong' }
  /** Monitor -> spare: take over these ranges, copying each from the named source. */
  | { t: 'take-over'; failed: string; ranges: Array<{ range: number; source: string }> }
  /** Spare -> source: send me what you hold of these ranges. */
  | { t: 'fetch-ranges'; ranges: number[] }
  | { t: 'range-data'; entries: Array<{ key: string; value: number; id: number }> }
  | { t: 'took-over'; failed: string }
  /** Monitor -> writers: the current owners of each range. */
  | { t: 'ring'; owners: string[][] };

/**
 * The numbers of the N+k runs.
 *
 * @example
 * SPARES_TIMING.ranges; // 16
 */
export interface SparesTiming {
  ranges: number;
  replicas: number;
  activeNodes: number;
  keys: number;
  writeEveryMs: number;
  clientTimeoutMs: number;
  pingEveryMs: number;
  detectMs: number;
  /** How fast a source streams range data to a spare (a disk-and-network transfer). */
  transfer: ObjectStoreOptions;
  /** Writes before the first failure, so ranges hold data to move. */
  failAtMs: number;
  failJitterMs: number;
  /** Between the first and the second failure. */
  secondFailureAfterMs: number;
  afterMs: number;
}

/**
 * Four active nodes, sixteen ranges held twice, writes needing both copies;
 * transfers at 25 ms per request and 500 KB/s.
 *
 * @example
 * runSpares({ spares: 1, failures: 2 }, 1, SPARES_TIMING);
 */
export const SPARES_TIMING: SparesTiming = {
  ranges: 16,
  replicas: 2,
  activeNodes: 4,
  keys: 400,
  writeEveryMs: 2,
  clientTimeoutMs: 100,
  pingEveryMs: 50,
  detectMs: 300,
  transfer: { requestMs: 25, bytesPerMs: 500 },
  failAtMs: 3000,
  failJitterMs: 1000,
  secondFailureAfterMs: 2000,
  afterMs: 8000,
};
