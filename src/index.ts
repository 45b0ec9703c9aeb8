/**
 * faultline's public API: histories and their codecs, sequential models, the
 * linearizability checker, the deterministic simulator, the replicated store, its
 * clients, and `simulate()` to run a scenario.
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
export { renderTimeline, type TimelineConstraints } from './report/timeline.js';
export { counterexampleOps, explainFailure, checkJson } from './report/linearizability-report.js';
