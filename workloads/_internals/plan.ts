import type { ScenarioOp } from '../../src/client/op-source.js';
import type { WorkloadSpec } from '../workload.js';

/**
 * Mean virtual ms between a client's op start times when the spec leaves it
 * out: long enough that a 200-op run outlasts a failover (hundreds of ms).
 *
 * @example
 * spec.spacingMs ?? DEFAULT_SPACING_MS; // 20
 */
export const DEFAULT_SPACING_MS = 20;

/**
 * Share of reads when the spec leaves it out.
 *
 * @example
 * spec.readFraction ?? DEFAULT_READ_FRACTION; // 0.5
 */
export const DEFAULT_READ_FRACTION = 0.5;

/**
 * What a workload's op maker sees: which client and key the op is for, and the
 * shared random function.
 */
export interface OpSlot {
  process: number;
  key: string;
  random: () => number;
}

/**
 * Lays out `spec.ops` ops: round-robin over the clients (so every client gets its
 * share), each on a random key, each client's start times spaced by a random gap
 * of mean spacingMs. `makeOp` decides f and value; it is called in op order, so
 * a counter it keeps yields values that rise with the op index.
 *
 * @example
 * planOps({ workload: 'register', ops: 4, clients: 2, keys: 1 }, random, (slot) => ({ f: 'read', value: null }));
 */
export function planOps(
  spec: WorkloadSpec,
  random: () => number,
  makeOp: (slot: OpSlot) => { f: string; value: unknown },
): ScenarioOp[] {
  const clients = Math.max(1, Math.floor(spec.clients));
  const keys = Math.max(1, Math.floor(spec.keys));
  const spacingMs = spec.spacingMs ?? DEFAULT_SPACING_MS;
  const nextStartMs = new Array<number>(clients).fill(0);
  const ops: ScenarioOp[] = [];
  for (let i = 0; i < Math.floor(spec.ops); i++) {
    const process = i % clients;
    const key = keyName(Math.floor(random() * keys));
    const { f, value } = makeOp({ process, key, random });
    ops.push({ process, f, key, value, atMs: nextStartMs[process]! });
    // Uniform on [0, 2 * mean): whole milliseconds keep scenario files short and exact.
    nextStartMs[process]! += Math.floor(random() * 2 * spacingMs);
  }
  return ops;
}

/**
 * The name of the i-th key: k0, k1, ...
 *
 * @example
 * keyName(2); // 'k2'
 */
export function keyName(index: number): string {
  return `k${index}`;
}

/**
 * True with probability `fraction` (clamped to [0, 1]).
 *
 * @example
 * chance(random, 0.25);
 */
export function chance(random: () => number, fraction: number): boolean {
  return random() < Math.min(1, Math.max(0, fraction));
}

/**
 * Picks one element of a non-empty list.
 *
 * @example
 * pick(random, ['a', 'b']);
 */
export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}
