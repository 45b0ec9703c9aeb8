import { runRecovery } from './run-recovery.js';
import type { RecoverySetup, RecoveryTiming } from './setup.js';
import { RECOVERY_TIMING } from './setup.js';
import { standbyLevel, STANDBY_LEVELS } from './standby-levels.js';
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
 * measureSetups([standbyLevel('hot', RECOVERY_TIMING)], 10, 1)[0]!.rpoWrites.p99; // 0
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
 * The cold, warm and hot standbys under the same loss of the primary.
 *
 * @example
 * measureStandbyLevels(20, 1).map((s) => s.name); // ['cold', 'warm', 'hot']
 */
export function measureStandbyLevels(runs: number, seed: number, timing: RecoveryTiming = RECOVERY_TIMING): RecoverySummary[] {
  return measureSetups(STANDBY_LEVELS.map((level) => standbyLevel(level, timing)), runs, seed, timing);
}
