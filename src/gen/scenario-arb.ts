import fc from 'fast-check';
import { workloadSpanMs } from '../../workloads/index.js';
import type { WorkloadSpec } from '../../workloads/workload.js';
import type { Scenario } from '../run/scenario.js';
import { BENIGN_FAULT_KINDS, BYZANTINE_FAULT_KINDS, type FaultKind } from '../nemesis/fault.js';
import { PRESETS } from '../presets/index.js';
import type { ClientPolicyConfig } from '../client/policy.js';
import { createStore, type StoreConfig } from '../store/config.js';
import type { ModeDefinition } from '../store/mode-definition.js';
import { STORE_MODES } from '../store/modes.js';
import { storeTopology } from '../store/topology.js';
import { splitStoreClient } from '../run/store-client.js';
import { storeSetupArb, type StoreSetup } from './_internals/store-setup-arb.js';
import { faultScheduleArb } from './fault-schedule-arb.js';
import { modeDefinitions, storeBounds, type StoreConfigArbOptions } from './store-config-arb.js';
import { workloadSpecArb, type WorkloadSpecArbOptions } from './workload-spec-arb.js';

/**
 * Options of {@link scenarioArb}: what is fixed (a preset, or a config, and any
 * part of the workload) and the bounds of what is generated.
 *
 * @example
 * const constraints: ScenarioArbOptions = { preset: 'sl-async', workload: { ops: 30 }, maxFaults: 3 };
 */
export interface ScenarioArbOptions {
  /** A preset name (PRESETS): its store and workload are fixed, its fault kinds are the default. */
  preset?: string;
  /** A fixed store config (instead of a preset). */
  config?: StoreConfig;
  /** A fixed client policy (with `config`; a preset brings its own). Default: the default policy. */
  client?: ClientPolicyConfig;
  /**
   * Store modes of your own: `config` may name them, and without a preset or a
   * config (or `store.modes`) the stores are drawn from these alone.
   */
  modes?: readonly ModeDefinition[];
  /** Fixed parts of the workload spec (over the preset's). */
  workload?: Partial<WorkloadSpec>;
  /** Fault kinds to draw from. Default: the preset's, else every kind but the byzantine ones. */
  kinds?: readonly FaultKind[];
  /** Most faults per scenario. Default 3. */
  maxFaults?: number;
  /** Bounds for a generated store (neither preset nor config). */
  store?: StoreConfigArbOptions;
  /** Bounds for the generated parts of the workload. Default: up to 100 ops, 4 clients. */
  workloadBounds?: WorkloadSpecArbOptions;
  /** Fixed settle time after the final heal, in virtual ms. Default: simulate's. */
  settleMs?: number;
}

/**
 * Whole scenarios: a seed, a store, a workload and a swarm fault schedule whose
 * faults fall inside the workload's span and target the store's own nodes.
 * With a preset or a config the store is fixed and the rest is generated, as
 * `faultline explore --preset` does.
 *
 * @example
 * fc.assert(fc.property(scenarioArb({ preset: 'sl-majority' }), (scenario) => {
 *   return runScenario(scenario).verdict.valid !== false;
 * }), { numRuns: 100 });
 */
export function scenarioArb(constraints: ScenarioArbOptions = {}): fc.Arbitrary<Scenario> {
  const preset = constraints.preset === undefined ? undefined : PRESETS[constraints.preset];
  if (constraints.preset !== undefined && preset === undefined) {
    throw new RangeError(`scenarioArb: unknown preset '${constraints.preset}' (known: ${Object.keys(PRESETS).join(', ')})`);
  }
  const own = ownModesOf(constraints);
  const setup = fixedSetup(constraints, preset?.store, preset?.client) ?? storeSetupArb(
    modeDefinitions(constraints.store?.modes ?? (own.length > 0 ? own : STORE_MODES), own),
    storeBounds(constraints.store ?? {}),
    constraints.store?.clientPolicy ?? true,
  );
  const fixedWorkload = definedFields({ ...preset?.workload, ...constraints.workload });
  const bounds: WorkloadSpecArbOptions = { maxOps: 100, maxClients: 4, ...constraints.workloadBounds };
  const workload = workloadSpecArb({
    ...bounds,
    ...(fixedWorkload.workload === undefined ? {} : { workloads: [fixedWorkload.workload] }),
  }).map((spec) => ({ ...spec, ...fixedWorkload }));
  // Without a preset, the kinds a crash-tolerant store must survive: byzantine and region kinds only when asked for.
  const kinds = constraints.kinds ?? (preset?.faultKinds.length ? preset.faultKinds : BENIGN_FAULT_KINDS);
  return fc
    .record({ seed: fc.integer({ min: 0, max: 0x7fffffff }), setup, workload })
    .chain(({ seed, setup: { store, client }, workload }) => {
      const { nodeIds, groups } = storeTopology(store, own);
      const faults = faultScheduleArb({
        kinds: actableKinds(kinds, store, own), nodeIds, groups, horizonMs: workloadSpanMs(workload), maxFaults: constraints.maxFaults ?? 3,
      });
      return faults.map((faults): Scenario => ({
        seed,
        ...(preset === undefined ? {} : { preset: preset.name }),
        store,
        ...(client === undefined ? {} : { client }),
        workload,
        faults,
        ...(constraints.settleMs === undefined ? {} : { settleMs: constraints.settleMs }),
      }));
    });
}

/**
 * The store modes of the caller's own that constraints bring, in `modes` or
 * among the `store.modes` to draw from, each once.
 *
 * @example
 * ownModesOf({ store: { modes: ['leaderless', primaryBackupMode] } }); // [primaryBackupMode]
 */
export function ownModesOf(constraints: ScenarioArbOptions): ModeDefinition[] {
  const given = [...(constraints.modes ?? []), ...(constraints.store?.modes ?? []).filter((mode) => typeof mode !== 'string')];
  return [...new Set(given)];
}

/** A preset's or a given store (and client policy), copied afresh for each scenario; undefined when the store is drawn. */
function fixedSetup(
  constraints: ScenarioArbOptions,
  presetStore: StoreConfig | undefined,
  presetClient: ClientPolicyConfig | undefined,
): fc.Arbitrary<StoreSetup> | undefined {
  if (constraints.config === undefined) return presetStore === undefined ? undefined : copies(presetStore, presetClient);
  // A config written when the policy lived inside the store still brings it.
  const { store, client } = splitStoreClient(constraints.config);
  return copies(store, constraints.client ?? (client as ClientPolicyConfig | undefined));
}

/** Fresh copies for each scenario, so no two scenarios share (and change) one object. */
function copies(store: StoreConfig, client: ClientPolicyConfig | undefined): fc.Arbitrary<StoreSetup> {
  return fc.constant(null).map(() => ({ store: structuredClone(store), ...(client === undefined ? {} : { client: structuredClone(client) }) }));
}

/** Fields set to undefined are not fixed: they must not override the generated ones. */
function definedFields<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

/**
 * The kinds without the byzantine ones the store declares it cannot act out
 * (no leader to equivocate in a leaderless store): a schedule never names a
 * fault that would do nothing.
 */
function actableKinds(kinds: readonly FaultKind[], store: StoreConfig, modes: readonly ModeDefinition[]): readonly FaultKind[] {
  if (!kinds.some((kind) => (BYZANTINE_FAULT_KINDS as readonly FaultKind[]).includes(kind))) return kinds;
  const inapplicable = createStore(store, modes).byzantine?.inapplicable ?? {};
  return kinds.filter((kind) => !(kind in inapplicable));
}
