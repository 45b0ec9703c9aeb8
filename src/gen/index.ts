/**
 * fast-check arbitraries for faultline's scenarios, exported so users can
 * compose them in their own property tests: store configs of every mode, valid
 * by construction; workload specs; swarm fault schedules; whole scenarios.
 *
 * @example
 * import fc from 'fast-check';
 * import { scenarioArb } from 'faultline';
 * fc.assert(fc.property(scenarioArb({ preset: 'sl-majority' }), (s) => runScenario(s).verdict.valid !== false));
 */
export { storeConfigArb, type StoreConfigArbOptions } from './store-config-arb.js';
export { workloadSpecArb, type WorkloadSpecArbOptions } from './workload-spec-arb.js';
export { faultScheduleArb, type FaultScheduleArbOptions } from './fault-schedule-arb.js';
export { scenarioArb, type ScenarioArbOptions } from './scenario-arb.js';
export { storeTopology } from '../store/topology.js';
