import fc from 'fast-check';
import { WORKLOADS } from '../../workloads/index.js';
import type { WorkloadSpec } from '../../workloads/workload.js';

/**
 * Options of {@link workloadSpecArb}: fixed parts and bounds.
 */
export interface WorkloadSpecArbOptions {
  /** Workload names (keys of WORKLOADS) to draw from. Default: every workload. */
  workloads?: readonly string[];
  /** Fewest client ops in total. Default 1. */
  minOps?: number;
  /** Most client ops in total. Default 200. */
  maxOps?: number;
  /** Most clients. Default 5. */
  maxClients?: number;
  /** Most keys (workloads on one key ignore it). Default 3. */
  maxKeys?: number;
  /** Largest value domain (cas expectations, set elements, increments). Default 10. */
  maxValues?: number;
  /**
   * Largest mean gap between a client's ops, in virtual ms. Default 300: stores
   * detect failures and elect in hundreds of ms, so a failover only shows in the
   * history when the ops go on for seconds.
   */
  maxSpacingMs?: number;
}

/**
 * Workload specs: which workload, how many ops over how many clients and keys,
 * the value domain, the share of reads and the pacing.
 *
 * @example
 * const [spec] = fc.sample(workloadSpecArb({ workloads: ['kv'] }), 1);
 * WORKLOADS[spec.workload]!.generate(spec, random);
 */
export function workloadSpecArb(constraints: WorkloadSpecArbOptions = {}): fc.Arbitrary<WorkloadSpec> {
  const names = constraints.workloads ?? Object.keys(WORKLOADS);
  for (const name of names) {
    if (WORKLOADS[name] === undefined) throw new RangeError(`workloadSpecArb: unknown workload '${name}' (known: ${Object.keys(WORKLOADS).join(', ')})`);
  }
  const minOps = constraints.minOps ?? 1;
  return fc.record({
    workload: fc.constantFrom(...names),
    ops: fc.integer({ min: minOps, max: Math.max(minOps, constraints.maxOps ?? 200) }),
    clients: fc.integer({ min: 1, max: constraints.maxClients ?? 5 }),
    keys: fc.integer({ min: 1, max: constraints.maxKeys ?? 3 }),
    values: fc.integer({ min: 1, max: constraints.maxValues ?? 10 }),
    // Hundredths keep scenario files short and readable.
    readFraction: fc.integer({ min: 0, max: 100 }).map((percent) => percent / 100),
    spacingMs: fc.integer({ min: 1, max: constraints.maxSpacingMs ?? 300 }),
  });
}
