import type { Checker } from '../src/checker/checker.js';
import type { ScenarioOp } from '../src/client/op-source.js';
import type { Model } from '../src/models/model.js';
import { DEFAULT_SPACING_MS } from './_internals/plan.js';

/**
 * The size and shape of a generated workload, as JSON data. Only `workload`,
 * `ops`, `clients` and `keys` are required; each workload gives the rest a
 * sensible default.
 *
 * @example
 * const spec: WorkloadSpec = { workload: 'cas-register', ops: 200, clients: 4, keys: 1, readFraction: 0.4 };
 */
export interface WorkloadSpec {
  /** A key of WORKLOADS. */
  workload: string;
  /** Total client ops, over all clients. */
  ops: number;
  /** Logical clients (processes 0..clients-1). */
  clients: number;
  /** Distinct keys the ops spread over (register-like workloads use one history per key). */
  keys: number;
  /** Value domain size where values are not unique (cas expectations, set elements, increments). */
  values?: number;
  /** Share of ops that only read, in [0, 1]. */
  readFraction?: number;
  /** Mean virtual ms between a client's consecutive op start times. */
  spacingMs?: number;
  /**
   * Names of the checkers to run (see CHECKER_NAMES), in this order, instead of
   * the workload's own list. The
   * first one that fails names the run's anomaly, and exploration stops at the
   * first failing run: a preset lists the promise it is known to break first, so
   * `explore --preset` reports that promise rather than whichever check a run
   * happens to break first.
   */
  checkers?: string[];
}

/**
 * A workload: how to generate its ops, the model of its history, and the
 * checkers it needs. `generate` is a pure function of the spec and the
 * random function, so the same seed gives the same ops.
 *
 * @example
 * const ops = WORKLOADS.register!.generate({ workload: 'register', ops: 10, clients: 2, keys: 1 }, mulberry32(1));
 */
export interface Workload {
  name: string;
  /**
   * The sequential model of this workload's history, with its initial value:
   * the linearizable checker in `checkers` holds the same one, and a scenario
   * naming its own checkers has them built for it.
   */
  model: Model<any>;
  /**
   * What a read of a key nobody wrote records, as the workload's client decodes the
   * store's nil: the model's empty value (0 for a counter, [] for a set). Default nil.
   */
  nilReads?: unknown;
  /** The checkers this workload's history needs, in the order their verdicts are composed. */
  checkers: readonly Checker[];
  /** Store verb for each workload f (an f not listed is sent as it is). */
  verbs: Record<string, string>;
  /** One line of help text. */
  summary?: string;
  generate(spec: WorkloadSpec, random: () => number): ScenarioOp[];
}

/**
 * Roughly how long, in virtual ms, the clients take to start all their ops
 * (each client's ops are spaced by spacingMs on average): a fault schedule
 * should fall inside this window to overlap the ops.
 *
 * @example
 * workloadSpanMs({ workload: 'register', ops: 200, clients: 4, keys: 1, spacingMs: 10 }); // 500
 */
export function workloadSpanMs(spec: WorkloadSpec): number {
  const perClient = Math.ceil(spec.ops / Math.max(1, spec.clients));
  return perClient * (spec.spacingMs ?? DEFAULT_SPACING_MS);
}
