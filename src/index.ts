/**
 * faultline's public API: histories and their codecs, sequential models, the
 * checkers, the deterministic simulator, the replicated store and its clients, the
 * nemesis, fast-check generators, presets and workloads, and explore / shrink / replay.
 *
 * @example
 * import { check, MODELS, readHistory, validateHistory } from 'faultline';
 * const history = validateHistory(await readHistory('history.edn'));
 * const result = check(history.ops, MODELS['cas-register']!({ init: 0 }));
 * console.log(result.valid);
 */
export * from './history/index.js';
export * from './models/index.js';
export { modelOpCheck } from './models/op-check.js';
export * from './checker/index.js';
export { renderTimeline, type TimelineOptions } from './report/timeline.js';
export { counterexampleOps, explainFailure, checkJson } from './report/linearizability-report.js';
export { renderCounterexample } from './report/counterexample.js';
export { World } from './sim/world.js';
export type { NodeContext, SimNode, NodeFactory, Disk } from './sim/node.js';
export { createStore, defaultStoreConfig, validateStoreConfig, STORE_MODES, type StoreConfig, type StoreMode } from './store/config.js';
export { MODES, findMode } from './store/modes.js';
export type { ModeDefinition, Mutation, StoreBounds, StoreConfigOf, StoreTopology } from './store/mode-definition.js';
export type { ClientMessage, ClientReply, ClientRequest } from './store/protocol.js';
export type { ClientPolicyConfig } from './client/policy.js';
export { ConfigError, requireInteger, requireNumber, requireOneOf } from './config/config-error.js';
export type { StoreDefinition, ReplicaState, ReplicaValue } from './store/definition.js';
export * from './explore/index.js';
export * from './gen/index.js';
export { FAULT_KINDS, type Fault, type FaultKind } from './nemesis/fault.js';
export { PRESETS, presetNames, findPreset } from './presets/index.js';
export { WORKLOADS } from '../workloads/index.js';
export type { Workload, WorkloadSpec } from '../workloads/workload.js';
export { MUTATIONS, MUTATION_NAMES, type MutationName } from './store/mutations.js';
