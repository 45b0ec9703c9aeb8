import { WORKLOADS, workloadSpanMs } from '../../workloads/index.js';
import type { WorkloadSpec } from '../../workloads/workload.js';
import type { ClientPolicyConfig } from '../client/policy.js';
import type { Fault } from '../nemesis/fault.js';
import type { StoreConfig } from '../store/config.js';
import { ConfigError } from '../config/config-error.js';
import { seededRandom } from './seeds.js';
import type { ScenarioOp } from '../client/op-source.js';
import { horizonForSpanMs, type Simulation } from './simulate.js';
import { moveStoreClient } from './store-client.js';

/**
 * One exploration run as JSON: the store, the workload, the faults and the seed
 * that fixes every other choice. This is what explore generates, shrink
 * reduces, save writes as scenario.json and replay reads back.
 *
 * @example
 * const scenario: Scenario = {
 *   seed: 1, preset: 'sl-async', store: PRESETS['sl-async']!.store, client: PRESETS['sl-async']!.client,
 *   workload: { workload: 'register', ops: 20, clients: 3, keys: 1 },
 *   faults: [{ kind: 'partition-leader', atMs: 100, durationMs: 400 }],
 * };
 */
export interface Scenario {
  /** Fixes the workload's ops and every random choice of the simulated world. */
  seed: number;
  /** The preset the store came from, for the report (the store itself is always spelled out). */
  preset?: string;
  store: StoreConfig;
  /**
   * How the clients behave (timeouts, retries, idempotency keys, breaker,
   * bulkhead, leader discovery); fields left out take their defaults, and no
   * `client` at all is the default policy. Scenarios saved with the policy
   * inside the store (`store.client`) are read with it moved here.
   */
  client?: ClientPolicyConfig;
  workload: WorkloadSpec;
  faults: Fault[];
  /**
   * The client ops, listed. When present they are run as they are instead of
   * `workload.ops` ops generated from the seed: a shrunk scenario lists its ops,
   * so single ops can be dropped without redrawing the others.
   */
  ops?: ScenarioOp[];
  /** Virtual ms the world runs after the final heal so replicas settle. Default: simulate's. */
  settleMs?: number;
}

/**
 * The client ops of a scenario: its listed ops, or the workload's ops
 * generated from the seed.
 *
 * @example
 * scenarioOps({ seed: 1, store, workload: { workload: 'register', ops: 3, clients: 1, keys: 1 }, faults: [] }).length; // 3
 */
export function scenarioOps(scenario: Scenario): ScenarioOp[] {
  if (scenario.ops !== undefined) return scenario.ops;
  return workloadOf(scenario).generate(scenario.workload, seededRandom(scenario.seed));
}

/**
 * The low-level run description simulate() takes: the workload's ops and verbs,
 * one client per `workload.clients` with the scenario's client policy, and
 * its faults.
 *
 * @example
 * const result = simulate(toSimulation(scenario));
 */
export function toSimulation(input: Scenario): Simulation {
  const scenario = moveStoreClient(input);
  const workload = workloadOf(scenario);
  return {
    seed: scenario.seed,
    store: scenario.store,
    clients: { count: scenario.workload.clients, ...(scenario.client === undefined ? {} : { policy: scenario.client }) },
    ops: scenarioOps(scenario),
    verbs: workload.verbs,
    ...(workload.nilReads === undefined ? {} : { nilReads: workload.nilReads }),
    faults: scenario.faults,
    maxTimeMs: horizonForSpanMs(workloadSpanMs(scenario.workload)),
    ...(scenario.settleMs === undefined ? {} : { settleMs: scenario.settleMs }),
  };
}

function workloadOf(scenario: Scenario) {
  const name = scenario.workload?.workload;
  const workload = typeof name === 'string' ? WORKLOADS[name] : undefined;
  if (workload === undefined) {
    throw new ConfigError('workload.workload', `is not a known workload (known: ${Object.keys(WORKLOADS).join(', ')})`, name);
  }
  return workload;
}
