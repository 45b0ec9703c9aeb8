import type { WorkloadSpec } from '../../workloads/workload.js';
import type { AnomalyClass } from '../checker/anomaly.js';
import type { ClientPolicyConfig } from '../client/policy.js';
import type { FaultKind } from '../nemesis/fault.js';
import type { StoreConfig } from '../store/config.js';

/**
 * A named store configuration with what it promises, what it is expected to
 * break, the workload that shows it, and the fault kinds that exercise it.
 *
 * @example
 * const preset: Preset = PRESETS['sl-async']!;
 * preset.expectedToBreak; // 'acknowledged writes are lost when the leader fails over ...'
 */
export interface Preset {
  name: string;
  /** One line: what this configuration is. */
  summary: string;
  /** The guarantee it keeps (or 'none' beyond eventual convergence). */
  promises: string;
  /** The anomaly it is expected to show, and under which faults ('nothing' for safe presets). */
  expectedToBreak: string;
  /** True for the presets that must never fail a check (the CI's safety suites). */
  safe: boolean;
  /** The anomaly explore should find (a Verdict anomaly name), absent for safe presets. */
  expectedAnomaly?: AnomalyClass;
  store: StoreConfig;
  /** The policy of the clients that use the store (complete; most presets keep the default). */
  client: ClientPolicyConfig;
  /** The workload (and its shape) that shows the anomaly; the rest is generated. */
  workload: Partial<WorkloadSpec> & { workload: string };
  /** The fault kinds that exercise it (a generator draws its swarm subset from these). */
  faultKinds: FaultKind[];
}
