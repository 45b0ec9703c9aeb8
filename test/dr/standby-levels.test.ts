import { describe, expect, test } from 'vitest';
import { measureStandbyLevels } from '../../src/dr/measure-many.js';
import { runStandby } from '../../src/dr/run-standby.js';
import { RECOVERY_TIMING } from '../../src/dr/setup.js';

/** A fixed seed set, small: the ordering must show in a dozen runs of the single-leader store. */
const RUNS = 12;
const [cold, warm, hot] = measureStandbyLevels(RUNS, 1);

describe('the single-leader store\'s cold, warm and hot standbys under the loss of the primary', () => {
  test('recover in the textbook order: cold slower than warm, warm slower than hot', () => {
    expect([cold!.name, warm!.name, hot!.name]).toEqual(['cold', 'warm', 'hot']);
    expect(cold!.unrecovered + warm!.unrecovered + hot!.unrecovered).toBe(0);
    expect(cold!.rtoMs.p50!).toBeGreaterThan(warm!.rtoMs.p50!);
    expect(warm!.rtoMs.p50!).toBeGreaterThan(hot!.rtoMs.p50!);
    // No standby takes over before its failure detector has declared the primary dead.
    expect(hot!.rtoMs.p50!).toBeGreaterThanOrEqual(RECOVERY_TIMING.detectMs);
  });

  test('lose acknowledged writes in the same order: since the last snapshot, since the last batch, none', () => {
    expect(cold!.rpoWrites.p50!).toBeGreaterThan(warm!.rpoWrites.p50!);
    expect(warm!.rpoWrites.p99!).toBeGreaterThan(0);
    expect(hot!.rpoWrites.p99).toBe(0);
    // At most a snapshot period and one upload back.
    expect(cold!.rpoMs.p99!).toBeLessThanOrEqual(RECOVERY_TIMING.snapshotEveryMs + 300);
    expect(warm!.rpoMs.p99!).toBeLessThanOrEqual(RECOVERY_TIMING.shipEveryMs + 100);
  });

  test('only the cold standby\'s primary ships to the object store; the others replicate to the standby', () => {
    expect(cold!.cost.bytesShipped).toBeGreaterThan(0);
    expect(warm!.cost.bytesShipped).toBe(0);
    expect(hot!.cost.bytesShipped).toBe(0);
    for (const level of [warm!, hot!]) expect(level.cost.bytesReplicated).toBeGreaterThan(0);
  });

  test('the same seed gives the same run, measure for measure', () => {
    expect(runStandby('warm', 5, RECOVERY_TIMING)).toEqual(runStandby('warm', 5, RECOVERY_TIMING));
  });
});
