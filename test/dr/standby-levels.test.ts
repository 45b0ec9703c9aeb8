import { describe, expect, test } from 'vitest';
import { measureStandbyLevels } from '../../src/dr/measure-many.js';
import { runRecovery } from '../../src/dr/run-recovery.js';
import { RECOVERY_TIMING } from '../../src/dr/setup.js';
import { standbyLevel } from '../../src/dr/standby-levels.js';

const RUNS = 12;
const [cold, warm, hot] = measureStandbyLevels(RUNS, 1);

describe('cold, warm and hot standbys under the loss of the primary', () => {
  test('recover in the textbook order: cold slower than warm, warm slower than hot', () => {
    expect(cold!.unrecovered + warm!.unrecovered + hot!.unrecovered).toBe(0);
    expect(cold!.rtoMs.p50!).toBeGreaterThan(warm!.rtoMs.p50!);
    expect(warm!.rtoMs.p50!).toBeGreaterThan(hot!.rtoMs.p50!);
    // No standby can take over before the monitor has noticed the loss.
    expect(hot!.rtoMs.p50!).toBeGreaterThanOrEqual(RECOVERY_TIMING.detectMs);
  });

  test('lose acknowledged writes in the same order: since the last snapshot, since the last shipment, none', () => {
    expect(cold!.rpoWrites.p50!).toBeGreaterThan(warm!.rpoWrites.p50!);
    expect(warm!.rpoWrites.p99!).toBeGreaterThan(0);
    expect(hot!.rpoWrites.p99).toBe(0);
    expect(cold!.rpoMs.p99!).toBeLessThanOrEqual(RECOVERY_TIMING.snapshotEveryMs + 100);
  });

  test('a cold standby replicates nothing but its snapshots: the fewest bytes', () => {
    expect(cold!.cost.bytesReplicated).toBeLessThan(warm!.cost.bytesReplicated);
    expect(cold!.cost.bytesReplicated).toBeLessThan(hot!.cost.bytesReplicated);
  });

  test('the same seed gives the same run, measure for measure', () => {
    const setup = standbyLevel('warm', RECOVERY_TIMING);
    expect(runRecovery(setup, 5, RECOVERY_TIMING)).toEqual(runRecovery(setup, 5, RECOVERY_TIMING));
  });
});
