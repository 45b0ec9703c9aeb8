import { WORKLOADS } from '../../workloads/index.js';
import { CHECKER_NAMES } from '../checker/checker.js';
import { validateClientPolicy } from '../client/policy.js';
import { isPlainObject, requireObject } from '../config/config-checks.js';
import { ConfigError, requireInteger, requireNumber, requireOneOf } from '../config/config-error.js';
import { validateFaults } from '../nemesis/validate-faults.js';
import { presetNames } from '../presets/index.js';
import type { Scenario } from '../run/scenario.js';
import { moveStoreClient } from '../run/store-client.js';
import { BYZANTINE_FAULT_KINDS, type Fault, type FaultKind } from '../nemesis/fault.js';
import { createStore, validateStoreConfig, type StoreConfig } from '../store/config.js';
import { byzantineIdleReason, type ByzantineBehaviour, type ByzantineHooks } from '../store/definition.js';
import type { ModeDefinition } from '../store/mode-definition.js';
import { storeTopology } from '../store/topology.js';

/** Every field of a {@link Scenario}: anything else in a scenario file is a mistake. */
export const SCENARIO_FIELDS = ['seed', 'preset', 'store', 'client', 'workload', 'faults', 'ops', 'settleMs'] as const;

/** Every field of a workload spec (WorkloadSpec). */
export const WORKLOAD_FIELDS = ['workload', 'ops', 'clients', 'keys', 'values', 'readFraction', 'spacingMs', 'checkers'] as const;

/** Every field of a listed op (ScenarioOp). */
const OP_FIELDS = ['process', 'f', 'key', 'value', 'atMs'] as const;

/**
 * The largest seed: the simulator's random streams take 32 bits, so a larger
 * seed would silently replay a smaller one (2^32 would replay seed 0).
 */
export const MAX_SEED = 0xffff_ffff;

/**
 * Checks untrusted JSON as a scenario as strictly as the CLI checks its flags,
 * and returns it (with a client policy saved inside the store moved to
 * `client`, and nothing else changed, so replays stay byte-identical). Throws
 * a {@link ConfigError} naming the field path (`faults[0].targets[1]`,
 * `workload.clients`, `ops[3].f`) for unknown fields, an unknown preset,
 * workload or checker, sizes that are negative or not integers, fractions
 * outside [0, 1], faults aimed at nodes the store does not have, and ops of
 * an `f` the workload does not know.
 *
 * @example
 * validateScenario({ seed: 1, store: { mode: 'leaderless' }, workload: { workload: 'register', ops: 5, clients: 0, keys: 1 }, faults: [] });
 * // throws "workload.clients: 0 must be an integer >= 1"
 */
export function validateScenario(value: unknown, modes: readonly ModeDefinition[] = []): Scenario {
  requireObject('scenario', value);
  for (const field of Object.keys(value)) {
    if (!(SCENARIO_FIELDS as readonly string[]).includes(field)) {
      throw new ConfigError(field, `is not a scenario field (known: ${SCENARIO_FIELDS.join(', ')})`);
    }
  }
  for (const field of ['seed', 'store', 'workload', 'faults'] as const) {
    if (!(field in value)) throw new ConfigError(field, 'is missing');
  }
  const scenario = moveStoreClient(value as unknown as Scenario);
  requireInteger('seed', scenario.seed, 0, MAX_SEED);
  if (scenario.preset !== undefined) requireOneOf('preset', scenario.preset, presetNames());
  const store = inField('store', () => validateStoreConfig(scenario.store, modes));
  if (scenario.client !== undefined) validateClientPolicy(scenario.client, 'client');
  validateWorkloadSpec(scenario.workload);
  const faults = validateFaults(scenario.faults, 'faults');
  const nodeIds = storeTopology(store, modes).nodeIds;
  faults.forEach((fault, i) => fault.targets?.forEach((target, j) => {
    if (!nodeIds.includes(target)) {
      throw new ConfigError(`faults[${i}].targets[${j}]`, `is not a node of this store (its nodes: ${nodeIds.join(', ')})`, target);
    }
  }));
  checkByzantineKinds(faults, store, modes);
  if (scenario.ops !== undefined) validateOps(scenario.ops, scenario.workload);
  if (scenario.settleMs !== undefined) requireNumber('settleMs', scenario.settleMs, 0);
  return scenario;
}

/**
 * A byzantine fault the store cannot act out (a forged epoch in a store without
 * epochs) would silently do nothing: it is refused, with the store's reason.
 */
function checkByzantineKinds(faults: readonly Fault[], store: StoreConfig, modes: readonly ModeDefinition[]): void {
  const byzantine = faults.findIndex((fault) => (BYZANTINE_FAULT_KINDS as readonly FaultKind[]).includes(fault.kind));
  if (byzantine < 0) return;
  const hooks = createStore(store, modes).byzantine as ByzantineHooks<unknown> | undefined;
  faults.forEach((fault, i) => {
    if (!(BYZANTINE_FAULT_KINDS as readonly FaultKind[]).includes(fault.kind)) return;
    const why = byzantineIdleReason(hooks, fault.kind as ByzantineBehaviour | 'corrupt-disk');
    if (why !== undefined) throw new ConfigError(`faults[${i}].kind`, `${fault.kind} cannot apply to a ${store.mode} store: ${why}`);
  });
}

/** The store validators name fields from the store down (`leaderless.w`): prefix them with `store.`. */
function inField<T>(prefix: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new ConfigError(`${prefix}.${error.field}`, error.message.slice(error.field.length + 2));
  }
}

function validateWorkloadSpec(spec: unknown): void {
  requireObject('workload', spec);
  for (const field of Object.keys(spec)) {
    if (!(WORKLOAD_FIELDS as readonly string[]).includes(field)) {
      throw new ConfigError(`workload.${field}`, `is not a workload field (known: ${WORKLOAD_FIELDS.join(', ')})`);
    }
  }
  requireOneOf('workload.workload', spec.workload, Object.keys(WORKLOADS));
  requireInteger('workload.ops', spec.ops, 0);
  requireInteger('workload.clients', spec.clients, 1);
  requireInteger('workload.keys', spec.keys, 1);
  if (spec.values !== undefined) requireInteger('workload.values', spec.values, 1);
  if (spec.readFraction !== undefined) requireNumber('workload.readFraction', spec.readFraction, 0, 1);
  if (spec.spacingMs !== undefined) requireNumber('workload.spacingMs', spec.spacingMs, 0);
  if (spec.checkers !== undefined) {
    if (!Array.isArray(spec.checkers)) throw new ConfigError('workload.checkers', 'must be a list of checker names', spec.checkers);
    spec.checkers.forEach((name: unknown, i) => requireOneOf(`workload.checkers[${i}]`, name, CHECKER_NAMES));
  }
}

function validateOps(ops: unknown, spec: Scenario['workload']): void {
  if (!Array.isArray(ops)) throw new ConfigError('ops', 'must be a list of ops', ops);
  const fs = WORKLOADS[spec.workload]!.model.fs;
  ops.forEach((op: unknown, i) => {
    const at = `ops[${i}]`;
    requireObject(at, op);
    for (const field of Object.keys(op)) {
      if (!(OP_FIELDS as readonly string[]).includes(field)) throw new ConfigError(`${at}.${field}`, `is not an op field (known: ${OP_FIELDS.join(', ')})`);
    }
    requireInteger(`${at}.process`, op.process, 0, spec.clients - 1);
    requireOneOf(`${at}.f`, op.f, fs);
    if (op.key !== undefined && typeof op.key !== 'string' && typeof op.key !== 'number') {
      throw new ConfigError(`${at}.key`, 'must be a string or a number', op.key);
    }
    if (!('value' in op)) throw new ConfigError(`${at}.value`, 'is missing');
    if (op.atMs !== undefined) requireNumber(`${at}.atMs`, op.atMs, 0);
  });
}

/**
 * True when `value` looks like a whole scenario (it has a workload or faults),
 * not only a store config with a client policy.
 *
 * @example
 * looksLikeScenario({ store: { mode: 'leaderless' }, faults: [] }); // true
 */
export function looksLikeScenario(value: unknown): boolean {
  return isPlainObject(value) && ('workload' in value || 'faults' in value || 'seed' in value);
}
