/**
 * Run one scenario, explore many, shrink a failure, save and replay it.
 *
 * @example
 * import { explore } from 'faultline';
 * const report = await explore({ preset: 'sl-async', runs: 500, seed: 1, outDir: 'out' });
 * console.log(report.failures[0]?.dir);
 */
export { simulate, type SimulateOptions, type Simulation, type RunResult, type RunStats } from '../run/simulate.js';
export { scenarioOps, toSimulation, type Scenario } from '../run/scenario.js';
export { runScenario, type RunScenarioOptions, type ScenarioOutcome } from '../run/run-scenario.js';
export { runCheckContext } from '../run/check-context.js';
export { shrinkScenario, type ShrinkOptions, type ShrinkResult } from './shrink.js';
export { explore, type ExploreFailure, type ExploreOptions, type ExploreProgress, type ExploreReport } from './explore.js';
export { scenarioForRun, type RunRecord } from './explore-run.js';
export { runSeed, sampleWithSeed, seededRandom } from '../run/seeds.js';
export { outcomeId, resultsOf, saveOutcome, type SaveOptions } from './save.js';
export { firstDifferentLine, readScenario, replay, type ReplayOptions, type ReplayResult } from './replay.js';
export { loadModeDefinition } from './load-mode.js';
export type { ScenarioOp } from '../client/op-source.js';
export { describeShardRuns, parseShard, shardPosition, shardRun, shardRunCount, type Shard } from './shard.js';
export { readShardSummary, shardSummaryOf, writeShardSummary, SUMMARY_FILE, type ShardSummary, type SummaryFailure } from './shard-summary.js';
export { mergeShards, type MergedFailure, type MergeOptions, type MergeReport } from './merge.js';
export { failureSignature } from './failure-signature.js';
export { replayRegressions, REGRESSION_STATES, type RegressionCheck, type RegressionState } from './guard.js';
