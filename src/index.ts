/**
 * faultline's public API, in the order of the flow: histories in and out, the
 * sequential models, the checkers and their composition, the simulated run
 * (simulate, runScenario, explore, shrink, replay), the fast-check arbitraries,
 * presets and workloads, the registry of store modes (and what a store of one's
 * own needs), the fault catalogue, and the counterexample report (as text and as an HTML page).
 *
 * Everything else in the package is internal and may change.
 *
 * @example
 * import { check, defaultNilReads, MODELS, readHistory, validateHistory, modelOpCheck } from 'faultline';
 * const parsed = await readHistory('history.edn');
 * const model = MODELS['cas-register']!({ init: 0, nilReads: defaultNilReads(parsed.format) });
 * const history = validateHistory(parsed, { checkOp: modelOpCheck(model) });
 * console.log(check(history.ops, model).valid);
 */

// Histories: read (NDJSON, Jepsen EDN, Jepsen logs), validate, write.
export { readHistory, parseHistoryText, type ReadHistoryOptions } from './history/read-history.js';
export { validateHistory, type ValidateHistoryOptions } from './history/validate-history.js';
export { writeHistory, type WriteHistoryOptions } from './history/write-history.js';
export { HistoryError } from './history/errors.js';
export type { Op, OpType, Process } from './history/op.js';
export type { HistoryFormat, ParsedHistory } from './history/parsed-history.js';

// Sequential specifications.
export { MODELS } from './models/index.js';
export { defaultNilReads, type NilReads } from './models/nil-reads.js';
export { modelOpCheck } from './models/op-check.js';
export type { Model, ModelFactory, ModelOptions } from './models/model.js';

// Checkers: one protocol, one compose.
export { checkLinearizable as check } from './checker/linearizable/check.js';
export type { LinearizableDetail, LinearizableOptions, LinearizableVerdict, PartitionFailure } from './checker/linearizable/check.js';
export { CHECKERS, type CheckerSubject } from './checker/by-name.js';
export { CHECKER_NAMES, type CheckContext, type Checker, type CheckerName, type Skipped, type Validity, type Verdict } from './checker/checker.js';
export { checkAll, compose, type ComposeEntry } from './checker/compose.js';
export { ANOMALY_CLASSES, type AnomalyClass } from './checker/anomaly.js';

// Runs on the simulator: one scenario, many, shrinking, replay.
export { simulate, type RunResult, type RunStats, type RunView, type RunWatch, type SimulateOptions, type Simulation } from './run/simulate.js';
export type { Scenario } from './run/scenario.js';
export type { ScenarioOp } from './client/op-source.js';
export { runScenario, type RunScenarioOptions, type ScenarioOutcome } from './run/run-scenario.js';
export { explore, type ExploreFailure, type ExploreOptions, type ExploreProgress, type ExploreReport } from './explore/explore.js';
export { shrinkScenario, type ShrinkOptions, type ShrinkResult } from './explore/shrink.js';
export { shrinkHistory, type HistoryShrinkResult, type ShrinkHistoryOptions } from './explore/shrink-history.js';
export { replay, type ReplayOptions, type ReplayResult } from './explore/replay.js';
export { saveOutcome, type SaveOptions } from './explore/save.js';

// fast-check arbitraries for property tests of one's own.
export { scenarioArb, type ScenarioArbOptions } from './gen/scenario-arb.js';
export { storeConfigArb, type StoreConfigArbOptions } from './gen/store-config-arb.js';
export { workloadSpecArb, type WorkloadSpecArbOptions } from './gen/workload-spec-arb.js';
export { faultScheduleArb, type FaultScheduleArbOptions } from './gen/fault-schedule-arb.js';

// Presets and workloads.
export { PRESETS } from './presets/index.js';
export type { Preset } from './presets/preset.js';
export { WORKLOADS } from '../workloads/index.js';
export type { Workload, WorkloadSpec } from '../workloads/workload.js';

// Store modes: the built-in registry, and the contract a store of one's own implements.
export { defaultStoreConfig, validateStoreConfig, type StoreConfig } from './store/config.js';
export { MODES, STORE_MODES, type StoreMode } from './store/modes.js';
export type { ModeDefinition, Mutation, StoreBounds, StoreConfigOf, StoreTopology } from './store/mode-definition.js';
export type { ByzantineBehaviour, ByzantineHooks, ByzantineTools, ReplicaState, ReplicaValue, StoreDefinition } from './store/definition.js';
export type { ClientMessage, ClientReply, ClientRequest } from './store/protocol.js';
export type { Disk, NodeContext, NodeFactory, SimNode } from './sim/node.js';
export type { TraceEvent } from './sim/trace.js';
export type { ClientPolicyConfig } from './client/policy.js';
export { loadModeDefinition } from './explore/load-mode.js';
export { ConfigError, requireInteger, requireNumber, requireOneOf } from './config/config-error.js';

// Faults.
export { FAULT_KINDS, type Fault, type FaultKind } from './nemesis/fault.js';

// Reports.
export { renderCounterexample, type CounterexampleOptions } from './report/counterexample.js';
export { renderOutcomeReport, type OutcomeReportOptions } from './report/html/outcome-report.js';
