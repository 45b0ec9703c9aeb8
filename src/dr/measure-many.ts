import { STANDBY_LEVELS } from '../store/single-leader/config.js';

import { runStandby } from './run-standby.js';
import { runRecovery } from './run-recovery.js';
import { runSpares, sparesLevelName, SPARES_TIMING, type SparesLevel, type SparesTiming } from './run-spares.js';
import type { RecoverySetup, RecoveryTiming } from './setup.js';
import { RECOVERY_TIMING } from './setup.js';
import { DR_STRATEGIES, drStrategy } from './strategies.js';
import { summarize, type RecoverySummary } from './summary.js';

/**
 * The seed of run `i` of an experiment started from `seed`: every setup gets
 * the same seeds, so they face the same failure times.
 *
 * @example
 * runSeed(7, 2); // 9
 */
export function runSeed(seed: number, i: number): number {
  return (seed + i) % 0x7fffffff;
}

/**
 * Runs each setup `runs` times (seeds `seed`, `seed + 1`, ...) and summarizes each.
 *
 * @example
 * measureSetups([drStrategy('active-active', RECOVERY_TIMING)], 10, 1)[0]!.name; // 'active-active'
 */
export function measureSetups(setups: readonly RecoverySetup[], runs: number, seed: number, timing: RecoveryTiming = RECOVERY_TIMING): RecoverySummary[] {
  return setups.map((setup) => {
    const measures = [];
    for (let i = 0; i < runs; i++) measures.push(runRecovery(setup, runSeed(seed, i), timing));
    return summarize(setup.name, measures);
  });
}

/**
 * The four disaster-recovery strategies under the same region-loss schedule.
 *
 * @example
 * measureDrStrategies(20, 1).map((s) => s.name); // ['backup-restore', 'pilot-light', 'warm-standby', 'active-active']
 */
export function measureDrStrategies(runs: number, seed: number, timing: RecoveryTiming = RECOVERY_TIMING): RecoverySummary[] {
  return measureSetups(DR_STRATEGIES.map((name) => drStrategy(name, timing)), runs, seed, timing);
}

/**
 * The cold, warm and hot standbys of the single-leader store under the same
 * loss of the primary (see {@link runStandby}).
 *
 * @example
 * measureStandbyLevels(20, 1).map((s) => s.name); // ['cold', 'warm', 'hot']
 */
export function measureStandbyLevels(runs: number, seed: number, timing: RecoveryTiming = RECOVERY_TIMING): RecoverySummary[] {
  return STANDBY_LEVELS.map((level) => {
    const measures = [];
    for (let i = 0; i < runs; i++) measures.push(runStandby(level, runSeed(seed, i), timing));
    return summarize(level, measures);
  });
}

/**
 * The N+k levels of the leaderless store: no spare with one failure, N+1 with
 * one and with two, N+2 with two.
 *
 * @example
 * SPARES_LEVELS.map(sparesLevelName); // ['N+0, 1 failure', 'N+1, 1 failure', 'N+1, 2 failures', 'N+2, 2 failures']
 */
export const SPARES_LEVELS: readonly SparesLevel[] = [
  { spares: 0, failures: 1 },
  { spares: 1, failures: 1 },
  { spares: 1, failures: 2 },
  { spares: 2, failures: 2 },
];

/**
 * Each N+k level of {@link SPARES_LEVELS} over `runs` seeds from `seed`.
 *
 * @example
 * measureSparesLevels(10, 1)[2]!.unrecovered; // 10: N+1 has no spare left for the second failure
 */
export function measureSparesLevels(runs: number, seed: number, timing: SparesTiming = SPARES_TIMING): RecoverySummary[] {
  return SPARES_LEVELS.map((level) => {
    const measures = [];
    for (let i = 0; i < runs; i++) measures.push(runSpares(level, runSeed(seed, i), timing));
    return summarize(sparesLevelName(level), measures);
  });
}
