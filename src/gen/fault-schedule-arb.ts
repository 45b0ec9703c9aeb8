import fc from 'fast-check';
import { FAULT_KINDS, type Fault, type FaultKind } from '../nemesis/fault.js';
import { faultParamsArb, faultTargetsArb } from './_internals/fault-parts-arb.js';

/**
 * Options of {@link faultScheduleArb}.
 */
export interface FaultScheduleArbOptions {
  /** The kinds a schedule may use. Default: every kind. */
  kinds?: readonly FaultKind[];
  /** The store's node ids, for targets. */
  nodeIds: readonly string[];
  /** The store's datacenter groups (multi-leader), for `partition-group`. Default: none. */
  groups?: readonly (readonly string[])[];
  /** Faults start in [0, horizonMs]: the span of the workload's ops. */
  horizonMs: number;
  /** Most faults in one schedule. Default 4. */
  maxFaults?: number;
  /** Shortest fault, in virtual ms. Default 10. */
  minDurationMs?: number;
  /** Longest fault, in virtual ms. Default max(horizonMs, 100). */
  maxDurationMs?: number;
  /** Swarm testing on (default) or off (every schedule draws from all `kinds`). */
  swarm?: boolean;
}

/**
 * Fault schedules with swarm testing: each schedule first draws a non-empty
 * subset of the allowed kinds, then only faults of those kinds. A schedule that
 * always draws from every kind mixes a little of everything, so a rare pair
 * (say a clock bump during a leader partition) is diluted by common kinds;
 * swarm schedules concentrate on a few kinds each and cover such pairs far more
 * often across runs (Groce et al., "Swarm Testing", ISSTA 2012). Faults come out
 * sorted by start time.
 *
 * @example
 * fc.sample(faultScheduleArb({ nodeIds: ['n1', 'n2', 'n3'], horizonMs: 2000 }), 1)[0];
 * // [{ kind: 'pause', atMs: 120, durationMs: 400, targets: ['n2'] }, ...]
 */
export function faultScheduleArb(constraints: FaultScheduleArbOptions): fc.Arbitrary<Fault[]> {
  const kinds = constraints.kinds ?? FAULT_KINDS;
  const maxFaults = constraints.maxFaults ?? 4;
  if (kinds.length === 0 || maxFaults === 0) return fc.constant(null).map(() => []);
  const enabledKinds = constraints.swarm === false
    ? fc.constant([...kinds])
    : fc.subarray([...kinds], { minLength: 1 });
  return enabledKinds.chain((enabled) =>
    fc
      .array(faultArb(enabled, constraints), { maxLength: maxFaults })
      .map((faults) => faults.sort((a, b) => a.atMs - b.atMs)),
  );
}

function faultArb(kinds: readonly FaultKind[], constraints: FaultScheduleArbOptions): fc.Arbitrary<Fault> {
  const minDurationMs = constraints.minDurationMs ?? 10;
  const maxDurationMs = Math.max(minDurationMs, constraints.maxDurationMs ?? Math.max(constraints.horizonMs, 100));
  return fc.constantFrom(...kinds).chain((kind) =>
    fc
      .record({
        atMs: fc.integer({ min: 0, max: Math.max(0, Math.floor(constraints.horizonMs)) }),
        durationMs: fc.integer({ min: minDurationMs, max: maxDurationMs }),
        targets: faultTargetsArb(kind, constraints.nodeIds, constraints.groups ?? []),
        params: faultParamsArb(kind),
      })
      .map(({ targets, params, ...timing }): Fault => ({
        kind,
        ...timing,
        ...(targets === undefined ? {} : { targets }),
        ...(params === undefined ? {} : { params }),
      })),
  );
}
